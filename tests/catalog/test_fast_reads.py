"""The cache-first path of product reads (http_cache.cache_first) answers exactly as DRF's path does, and only
plain anonymous GETs take it."""

import pytest

from catalog.api.views import ProductViewSet
from moodmnky.api import http_cache
from tests.catalog.factories import VariantFactory

pytestmark = pytest.mark.django_db
REQUEST_ID = {"HTTP_X_REQUEST_ID": "same-id"}


@pytest.fixture
def dispatched(monkeypatch):
    """How many requests reached DRF's dispatch (the normal path) so far."""
    calls = []
    original = ProductViewSet.dispatch

    def counting(self, request, *args, **kwargs):
        calls.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ProductViewSet, "dispatch", counting)
    return calls


def urls_of(product) -> dict:
    return {"list": "/api/v1/products/?limit=5&sort=name", "id": f"/api/v1/products/{product.pk}/",
            "slug": f"/api/v1/products/{product.slug}/"}


def warmed(api_client, url: str):
    """The URL's body stored (a slug's pointer is remembered by the first read, its body by the second)."""
    api_client.get(url)
    return api_client.get(url)


@pytest.mark.parametrize("lookup", ["list", "id", "slug"])
@pytest.mark.parametrize("validator", ["none", "current", "stale"])
def test_the_cache_first_answer_is_the_normal_answer_byte_for_byte(api_client, monkeypatch, dispatched, lookup,
                                                                   validator):
    url = urls_of(VariantFactory().product)[lookup]
    etag = warmed(api_client, url)["ETag"]
    headers = {**REQUEST_ID, **({"current": {"HTTP_IF_NONE_MATCH": etag},
                                 "stale": {"HTTP_IF_NONE_MATCH": '"stale"'}}.get(validator, {}))}
    before = len(dispatched)

    fast = api_client.get(url, **headers)
    fast_dispatched = len(dispatched) - before
    monkeypatch.setattr(http_cache, "is_plain_anonymous_get", lambda request: False)
    normal = api_client.get(url, **headers)

    assert fast_dispatched == 0 and len(dispatched) == before + 1
    assert fast.status_code == normal.status_code == (304 if validator == "current" else 200)
    assert fast.content == normal.content
    assert int(fast["X-RateLimit-Remaining"]) == int(normal["X-RateLimit-Remaining"]) + 1  # each was counted
    assert _without_remaining(fast) == _without_remaining(normal)


def _without_remaining(response) -> list:
    return [(name, value) for name, value in response.items() if name != "X-RateLimit-Remaining"]


@pytest.mark.parametrize("headers", [
    {"HTTP_ACCEPT": "text/html"},
    {"HTTP_ACCEPT": "application/json; indent=4"},
    {"HTTP_ACCEPT": "application/json, */*;q=0.8"},
    {"HTTP_COOKIE": "sessionid=whatever"},
], ids=["html", "indent", "browser", "session-cookie"])
def test_other_accepts_and_a_session_cookie_take_the_normal_path(api_client, dispatched, headers):
    url = urls_of(VariantFactory().product)["id"]
    stored = warmed(api_client, url)
    before = len(dispatched)

    response = api_client.get(url, **headers)

    assert len(dispatched) == before + 1
    if headers.get("HTTP_ACCEPT") == "text/html":
        assert response.status_code == 406
    elif "indent" in headers.get("HTTP_ACCEPT", ""):  # rendered as asked, not the shared entry's bytes
        assert response.status_code == 200 and response.json() == stored.json()
        assert response.content != stored.content
    else:
        assert response.status_code == 200 and response.content == stored.content


def test_a_format_parameter_and_head_take_the_normal_path(api_client, dispatched):
    url = urls_of(VariantFactory().product)["list"]
    warmed(api_client, url)
    warmed(api_client, url + "&format=json")
    before = len(dispatched)

    assert api_client.get(url + "&format=json").status_code == 200
    assert api_client.head(url).status_code == 200
    assert len(dispatched) == before + 2


@pytest.mark.parametrize("credentials", [
    {"HTTP_AUTHORIZATION": "Bearer not-a-token"},
    {"HTTP_X_API_KEY": "mnky_nope_nope"},
], ids=["bad-bearer", "bad-key"])
def test_invalid_credentials_still_401_when_the_public_answer_is_cached(api_client, dispatched, credentials):
    url = urls_of(VariantFactory().product)["id"]
    warmed(api_client, url)

    response = api_client.get(url, **credentials)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
    assert dispatched[-1] == url


def test_credentials_get_their_own_representation_not_the_cached_public_one(api_client, customer_client,
                                                                            make_admin_client, dispatched):
    url = urls_of(VariantFactory(quantity=9).product)["id"]
    public = warmed(api_client, url)
    before = len(dispatched)

    as_customer = customer_client.get(url)
    as_admin = make_admin_client("products:read").get(url)

    assert len(dispatched) == before + 2
    assert as_customer.content == public.content
    assert as_admin.json()["data"]["variants"][0]["quantity"] == 9
    assert "quantity" not in public.json()["data"]["variants"][0]


def test_a_miss_takes_the_normal_path_and_the_next_request_is_answered_from_the_cache(api_client, dispatched):
    url = urls_of(VariantFactory().product)["list"]

    first = api_client.get(url)
    second = api_client.get(url)

    assert dispatched == [url.split("?")[0]]
    assert first.content == second.content and first["ETag"] == second["ETag"]


def test_the_cache_first_path_still_counts_and_limits(api_client, settings, dispatched):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous": "3/h"}
    url = urls_of(VariantFactory().product)["id"]
    warmed(api_client, url)  # two requests counted: a miss, then the first answer from the cache

    answered = api_client.get(url)
    limited = api_client.get(url)

    assert answered.status_code == 200 and answered["X-RateLimit-Remaining"] == "0"
    assert limited.status_code == 429 and limited["Retry-After"]
    assert limited.json()["error"]["code"] == "rate_limited"
    assert len(dispatched) == 1  # the miss only


@pytest.mark.parametrize("lookup", ["list", "id"])
def test_a_rendering_with_media_type_parameters_is_neither_stored_nor_served_from_the_shared_entry(api_client,
                                                                                                   lookup):
    url = urls_of(VariantFactory().product)[lookup]
    indented = api_client.get(url, HTTP_ACCEPT="application/json; indent=4")  # a miss first: must not be stored
    plain = api_client.get(url)
    indented_again = api_client.get(url, HTTP_ACCEPT="application/json; indent=4")  # a hit is there: not served

    assert indented.status_code == plain.status_code == indented_again.status_code == 200
    assert b"\n    " in indented.content and b"\n    " in indented_again.content
    assert b"\n" not in plain.content
    assert indented.json() == plain.json()
