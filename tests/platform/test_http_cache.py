import pytest
from django.core.cache import cache
from django.core.exceptions import TooManyFieldsSent
from django.test import RequestFactory
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from moodmnky.api.http_cache import (
    cached_response,
    conditional_response,
    etag_of,
    is_plain_anonymous_get,
    query_lists,
)
from moodmnky.cache import versioned_read


def test_conditional_response_answers_304_for_a_current_etag_and_sets_the_headers():
    factory = APIRequestFactory()
    body = {"id": 1, "status": "paid"}
    etag = etag_of(body, representation="customer")

    fresh = conditional_response(factory.get("/"), etag=etag, body=body, public=False)
    revalidated = conditional_response(factory.get("/", HTTP_IF_NONE_MATCH=f'"x", W/{etag}'), etag=etag, body=body,
                                       public=False)

    assert (fresh.status_code, fresh["ETag"], fresh["Cache-Control"]) == (200, etag, "private, no-cache")
    assert "X-API-Key" in fresh["Vary"]
    assert revalidated.status_code == 304 and revalidated["ETag"] == etag


def test_two_representations_of_one_body_never_share_an_etag():
    assert etag_of({"a": 1}, representation="public") != etag_of({"a": 1}, representation="admin")


def test_a_stored_body_is_served_as_bytes_until_its_version_token_changes(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "http-cache-test"}}
    factory, built = APIRequestFactory(), []

    class View(APIView):
        permission_classes = [AllowAny]

        def get(self, request):
            def build():
                built.append(1)
                return {"n": len(built)}

            read = versioned_read(["test:v"], "test:key")
            return cached_response(request, self, read, build, representation="public", public=True)

    first = View.as_view()(factory.get("/"))
    second = View.as_view()(factory.get("/"))
    revalidated = View.as_view()(factory.get("/", HTTP_IF_NONE_MATCH=first["ETag"]))
    cache.delete("test:v")  # a writer replaced the token
    third = View.as_view()(factory.get("/"))

    assert first.content == second.content == b'{"data":{"n":1}}' and len(built) == 2
    assert (second["ETag"], second["Content-Type"]) == (first["ETag"], "application/json")
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert third.content == b'{"data":{"n":2}}' and third["ETag"] != first["ETag"]


# Query strings as clients send them and as they should not: repeated and blank names, `+`, percent escapes of
# UTF-8 and of bytes that are not UTF-8, raw bytes (UTF-8 and not), stray `%`, `=` and `;`. WSGI hands the query
# string over as one ISO 8859-1 character per byte: "\xc3\xa9" is a raw "é" in UTF-8, "\xff" a byte no UTF-8 has.
QUERY_PARTS = st.sampled_from(["a", "b", "format", "limit", "=", "&", "+", "%20", "%C3%A9", "%FF", "%", "%2", ";",
                               "\xc3\xa9", "\xff", "\xe9", "1", ""])


@given(wire=st.lists(QUERY_PARTS, max_size=12).map("".join))
@example(wire="a=1&b=&a=2&c")  # a repeated name keeps its values in order; blank values are kept
@example(wire="a=\xff&b=%FF")  # a raw byte that is not UTF-8 makes the whole string ISO 8859-1
@example(wire="q=\xc3\xa9+%C3%A9")
@hypothesis_settings(max_examples=300, deadline=None)
def test_query_lists_reads_a_query_string_as_django_does(wire):
    request = RequestFactory().get("/", QUERY_STRING=wire)

    assert request.META["QUERY_STRING"] == wire
    assert query_lists(request) == tuple((name, tuple(values)) for name, values in request.GET.lists())


def test_query_lists_refuses_too_many_fields_as_django_does(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    request = RequestFactory().get("/?a=1&b=2&c=3&d=4")

    with pytest.raises(TooManyFieldsSent):
        query_lists(request)
    assert not is_plain_anonymous_get(request)  # left to the view, which answers it as Django does
