from rest_framework.test import APIRequestFactory

from moodmnky.api.http_cache import cached_body, conditional_response, etag_of


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


def test_cached_body_builds_once_per_key(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "http-cache-test"}}
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    first = cached_body("test:key", build, representation="public")
    second = cached_body("test:key", build, representation="public")
    uncached = cached_body(None, build, representation="public")

    assert first == second and len(built) == 2 and uncached[1] == {"n": 2}
