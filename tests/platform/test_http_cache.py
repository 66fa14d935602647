from django.core.cache import cache
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from moodmnky.api.http_cache import cached_response, conditional_response, etag_of
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
