"""CacheFirstMiddleware answers before URL resolution only where the resolver would route to the same cache-first
view with the same arguments (http_cache.cache_first_route): a pattern earlier in the URLconf shadows it, and every
request that is not a plain anonymous GET goes through the resolver."""

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.urls import Resolver404, get_resolver, include, path, re_path, resolve
from django.urls.resolvers import URLResolver

from catalog.api.views import ProductViewSet
from moodmnky.api.http_cache import _cache_first_routes, cache_first_route
from moodmnky.urls import urlpatterns as site_urlpatterns
from tests.catalog.factories import VariantFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/products/", "/api/v1/products/1/", "/api/v1/products/123456789/", "/api/v1/products/some-slug/",
    "/api/v1/products/bulk/", "/api/v1/products/1/variants/", "/api/v1/products/1/media/",
    "/api/v1/products/some-slug/variants/", "/api/v1/inventory/", "/api/v1/health/", "/api/v1/categories/",
    "/api/v1/categories/1/", "/api/v1/variants/1/", "/admin/", "/admin/catalog/product/1/change/",
    "/api/v1/products", "/api/v1/products/1", "/api/v1/unknown/", "/api/v1/", "/api/", "/api/v2/products/",
    "/API/v1/products/", "//api/v1/products/", "/api/v1//products/", "/api/v1/products//", "/api/v1/products/1//",
    "/api/v1/products/a.b/", "/api/v1/products/1.json/", "/api/v1/products/a b/", "/api/v1/products/ü-ñ/",
    "/api/v1/products/%2F/", "/api/v1/products/..%2F/", "/api/v1/products/?x/", "/api/v1/products/\t/",
    "/api/v1/products/1\n/", "/api/v1/products/1/variants/\n/", "/", "",
]


def plain_view(request, *args, **kwargs):
    return HttpResponse("plain")


class ShadowingUrls:
    """Plain views at paths the product detail pattern would also take, before the site's own patterns."""

    urlpatterns = [
        path("api/v1/products/featured/", plain_view),
        re_path(r"^api/v1/products/(?P<code>[A-Z]{3})/$", plain_view),
        path("api/v1/products/<int:pk>/", plain_view),  # every numeric id
        path("api/v1/products/legacy-", include([path("plain/", plain_view)])),  # an include of no cache-first view
        path("api/v2/products/<int:pk>/", ProductViewSet.as_view({"get": "retrieve"})),  # pk converted to an int
        *site_urlpatterns,
    ]


class ConvertedPrefixUrls:
    """The catalog again under a prefix whose value the resolver converts."""

    urlpatterns = [path("shops/<int:shop>/", include("catalog.api.urls")), *site_urlpatterns]


class UnanchoredShadowingUrls:
    """A regex with no ^ and no $: Django searches for it anywhere in the path."""

    urlpatterns = [re_path(r"products/featured/", plain_view), *site_urlpatterns]


class NoCacheFirstUrls:
    urlpatterns = [path("plain/", plain_view), path("api/v1/", include("customers.api.urls")),
                   re_path(r"^", include("moodmnky.webhooks.api.urls"))]


def answered_by(path: str):
    """(the resolved view's cache_first_answer, its kwargs), or None when the resolver finds no view."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "cache_first_answer", None), match.kwargs


@pytest.mark.parametrize("path", PATHS)
def test_a_cache_first_route_is_the_view_and_kwargs_the_resolver_picks(path):
    route = cache_first_route(path)

    if route is not None:
        assert answered_by(path) == route


@pytest.mark.parametrize(("path", "kwargs"), [
    ("/api/v1/products/", {}), ("/api/v1/products/1/", {"pk": "1"}), ("/api/v1/products/lavender-dream/",
                                                                        {"pk": "lavender-dream"}),
])
def test_the_product_list_and_detail_are_answered_before_resolution(path, kwargs):
    route = cache_first_route(path)

    assert route is not None and route[1] == kwargs
    assert answered_by(path) == route


@pytest.mark.parametrize("path", ["/api/v1/products/bulk/", "/api/v1/products/1/variants/", "/api/v1/categories/",
                                  "/api/v1/products", "/admin/", "/api/v1/unknown/"])
def test_other_views_are_left_to_the_resolver(path):
    assert cache_first_route(path) is None


@pytest.mark.parametrize("path", ["/api/v1/products/\n", "/api/v1/products/1/\n"])
def test_a_path_ending_in_a_newline_is_not_answered(path):
    route = cache_first_route(path)

    assert route is None or answered_by(path) == route


def test_a_cached_product_is_not_served_at_its_path_plus_a_newline(api_client):
    url = f"/api/v1/products/{VariantFactory().product.pk}/"
    assert api_client.get(url).status_code == 200  # stored

    assert api_client.get(url + "%0A").status_code == 404


def test_an_earlier_pattern_matching_the_path_shadows_the_cache_first_view(settings):
    settings.ROOT_URLCONF = ShadowingUrls

    for shadowed in ["/api/v1/products/featured/", "/api/v1/products/ABC/", "/api/v1/products/1/",
                     "/api/v1/products/legacy-plain/"]:
        assert resolve(shadowed).func is plain_view
        assert cache_first_route(shadowed) is None, shadowed
    assert resolve("/api/v1/products/legacy-other/").kwargs == {"pk": "legacy-other"}  # (the resolver goes on)
    assert cache_first_route("/api/v1/products/legacy-other/") is None  # which cache_first_route leaves to it
    assert resolve("/api/v2/products/7/").kwargs == {"pk": 7}
    assert cache_first_route("/api/v2/products/7/") is None  # a converted value: left to the resolver
    for answered in ["/api/v1/products/", "/api/v1/products/a-slug/", "/api/v1/products/Abc/"]:
        assert cache_first_route(answered) is not None, answered
        assert answered_by(answered) == cache_first_route(answered)


def test_an_unanchored_earlier_pattern_shadows_too(settings):
    settings.ROOT_URLCONF = UnanchoredShadowingUrls
    assert resolve("/api/v1/products/featured/").func is plain_view

    assert cache_first_route("/api/v1/products/featured/") is None


def test_a_value_an_include_prefix_converts_is_left_to_the_resolver(settings):
    settings.ROOT_URLCONF = ConvertedPrefixUrls
    assert resolve("/shops/3/products/1/").kwargs == {"shop": 3, "pk": "1"}

    route = cache_first_route("/shops/3/products/1/")

    assert route is None or answered_by("/shops/3/products/1/") == route


def test_a_urlconf_without_cache_first_views_has_no_routes(settings):
    settings.ROOT_URLCONF = NoCacheFirstUrls

    assert _cache_first_routes(get_resolver()) == ()
    assert cache_first_route("/plain/") is None and cache_first_route("/api/v1/products/1/") is None


def test_a_changed_urlconf_gets_its_own_routes(settings):
    site = _cache_first_routes(get_resolver())
    settings.ROOT_URLCONF = ShadowingUrls

    shadowing = _cache_first_routes(get_resolver())

    assert site and shadowing and len(shadowing) == len(site) + 5
    assert [regex.pattern for regex, _ in shadowing[5:]] == [regex.pattern for regex, _ in site]


@pytest.fixture
def resolutions(monkeypatch):
    """The paths the root resolver resolved so far."""
    calls = []
    original = URLResolver.resolve

    def counting(self, path):
        if self.pattern.regex.pattern == "^/":
            calls.append(path)
        return original(self, path)

    monkeypatch.setattr(URLResolver, "resolve", counting)
    return calls


@pytest.mark.parametrize("lookup", ["id", "slug", "list"])
def test_a_cached_plain_anonymous_get_is_answered_without_url_resolution(api_client, resolutions, lookup):
    product = VariantFactory().product
    url = {"id": f"/api/v1/products/{product.pk}/", "slug": f"/api/v1/products/{product.slug}/",
           "list": "/api/v1/products/?limit=5"}[lookup]
    api_client.get(url)
    stored = api_client.get(url)  # (a slug's pointer is remembered by the first read, its body by the second)
    before = len(resolutions)

    hit = api_client.get(url)

    assert hit.status_code == 200 and hit.content == stored.content
    assert len(resolutions) == before and hit.wsgi_request.resolver_match is None


@pytest.mark.parametrize("headers", [
    {"HTTP_AUTHORIZATION": "Bearer not-a-token"},
    {"HTTP_X_API_KEY": "mnky_nope_nope"},
    {"HTTP_COOKIE": f"{django_settings.SESSION_COOKIE_NAME}=whatever"},
    {"HTTP_ACCEPT": "application/json; indent=4"},
], ids=["bearer", "api-key", "session-cookie", "indent"])
def test_a_request_with_credentials_or_another_accept_is_resolved(api_client, resolutions, headers):
    url = f"/api/v1/products/{VariantFactory().product.pk}/"
    api_client.get(url)
    api_client.get(url)
    before = len(resolutions)

    response = api_client.get(url, **headers)

    assert len(resolutions) == before + 1
    assert response.wsgi_request.resolver_match is not None
    assert response.wsgi_request.resolver_match.kwargs == {"pk": str(url.split("/")[-2])}
