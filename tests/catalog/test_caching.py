from decimal import Decimal

import pytest

from catalog.services import media_delete, product_update, stock_move, variant_update
from moodmnky.actors import SYSTEM
from tests.catalog.factories import ProductMediaFactory, VariantFactory
from tests.catalog.images import image_upload

pytestmark = pytest.mark.django_db
LIST = "/api/v1/products/"


def detail(product) -> str:
    return f"/api/v1/products/{product.pk}/"


def revalidate(client, url, etag):
    return client.get(url, HTTP_IF_NONE_MATCH=etag)


@pytest.mark.parametrize("kind", ["list", "detail"])
def test_etag_and_cache_control_then_304(api_client, kind):
    product = VariantFactory().product
    url = LIST if kind == "list" else detail(product)

    first = api_client.get(url)
    second = revalidate(api_client, url, first["ETag"])

    assert first.status_code == 200
    assert first["ETag"].startswith('"') and "max-age" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]
    # A 304 names no length but the 200's (RFC 9110 8.6), so none: a cache must not take the empty body's 0.
    assert first["Content-Length"] == str(len(first.content)) and not second.has_header("Content-Length")


def test_if_none_match_accepts_lists_weak_tags_and_star(api_client):
    product = VariantFactory().product
    etag = api_client.get(detail(product))["ETag"]

    assert revalidate(api_client, detail(product), f'"other", W/{etag}').status_code == 304
    assert revalidate(api_client, detail(product), "*").status_code == 304
    assert revalidate(api_client, detail(product), '"stale"').status_code == 200


def test_a_slug_and_an_id_give_the_same_etag(api_client):
    product = VariantFactory().product

    by_id = api_client.get(detail(product))
    by_slug = api_client.get(f"/api/v1/products/{product.slug}/")
    again_by_slug = api_client.get(f"/api/v1/products/{product.slug}/")

    assert by_id["ETag"] == by_slug["ETag"] == again_by_slug["ETag"]


def test_admin_and_public_representations_never_share_an_etag_or_cache(api_client, make_admin_client):
    product = VariantFactory(quantity=9).product
    admin = make_admin_client("products:read")

    public = api_client.get(detail(product))
    private = admin.get(detail(product))
    public_again = api_client.get(detail(product))
    cross = revalidate(admin, detail(product), public["ETag"])

    assert public["ETag"] != private["ETag"]
    assert "quantity" in private.json()["data"]["variants"][0]
    assert "quantity" not in public_again.json()["data"]["variants"][0]
    assert private["Cache-Control"] == "private, no-cache"
    assert "X-API-Key" in public["Vary"] and "Authorization" in public["Vary"]
    assert cross.status_code == 200
    assert api_client.get(LIST)["ETag"] != admin.get(LIST)["ETag"]


def assert_changed(client, url, before_etag, check):
    response = revalidate(client, url, before_etag)
    assert response.status_code == 200
    assert response["ETag"] != before_etag
    check(response.json()["data"])


@pytest.mark.parametrize("kind", ["list", "detail"])
def test_variant_price_change_invalidates(api_client, kind):
    variant = VariantFactory(price=Decimal("10.00"))
    url = LIST if kind == "list" else detail(variant.product)
    etag = api_client.get(url)["ETag"]

    variant_update(actor=SYSTEM, variant_id=variant.pk, price=Decimal("11.00"))

    def check(data):
        product = data[0] if kind == "list" else data
        assert product["variants"][0]["price"] == "11.00"

    assert_changed(api_client, url, etag, check)


@pytest.mark.parametrize("kind", ["list", "detail"])
def test_stock_change_invalidates(api_client, make_admin_client, kind):
    variant = VariantFactory(quantity=1)
    url = LIST if kind == "list" else detail(variant.product)
    admin = make_admin_client("products:read")
    public_etag, admin_etag = api_client.get(url)["ETag"], admin.get(url)["ETag"]

    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")

    def check_public(data):
        product = data[0] if kind == "list" else data
        assert product["variants"][0]["in_stock"] is False

    def check_admin(data):
        product = data[0] if kind == "list" else data
        assert product["variants"][0]["quantity"] == 0

    assert_changed(api_client, url, public_etag, check_public)
    assert_changed(admin, url, admin_etag, check_admin)


def test_media_upload_and_delete_invalidate(api_client, admin_client):
    product = VariantFactory().product
    etag = api_client.get(detail(product))["ETag"]

    admin_client.post(f"/api/v1/products/{product.pk}/media/", {"image": image_upload()}, format="multipart")
    after_upload = revalidate(api_client, detail(product), etag)
    media = product.media.get()
    media_delete(actor=SYSTEM, media_id=media.pk)
    after_delete = revalidate(api_client, detail(product), after_upload["ETag"])

    assert after_upload.status_code == 200 and len(after_upload.json()["data"]["media"]) == 1
    assert after_delete.status_code == 200 and after_delete.json()["data"]["media"] == []


def test_product_change_and_archive_invalidate(api_client):
    product = VariantFactory().product
    etag = api_client.get(detail(product))["ETag"]

    product_update(actor=SYSTEM, product_id=product.pk, name="Renamed")
    renamed = revalidate(api_client, detail(product), etag)
    product_update(actor=SYSTEM, product_id=product.pk, status="archived")

    assert renamed.json()["data"]["name"] == "Renamed"
    assert api_client.get(detail(product)).status_code == 404
    assert api_client.get(LIST).json()["data"] == []


def test_slug_change_frees_the_old_slug(api_client):
    product = VariantFactory().product
    old = product.slug
    api_client.get(f"/api/v1/products/{old}/")

    product_update(actor=SYSTEM, product_id=product.pk, slug="brand-new")

    assert api_client.get(f"/api/v1/products/{old}/").status_code == 404
    assert api_client.get("/api/v1/products/brand-new/").status_code == 200


def test_category_change_through_admin_invalidates(api_client, admin_site_client):
    product = VariantFactory().product
    category = product.category
    etag = api_client.get(detail(product))["ETag"]

    admin_site_client.post(f"/admin/catalog/category/{category.pk}/change/",
                           {"name": "Renamed category", "slug": category.slug, "position": 0, "description": ""})

    response = revalidate(api_client, detail(product), etag)
    assert response.status_code == 200
    assert response.json()["data"]["category"]["name"] == "Renamed category"


def test_server_cache_answers_without_queries(api_client, locmem_cache, django_assert_num_queries):
    product = ProductMediaFactory(product=VariantFactory().product).product
    api_client.get(LIST)
    api_client.get(detail(product))

    with django_assert_num_queries(0):
        cached_list = api_client.get(LIST)
        cached_detail = api_client.get(detail(product))

    assert cached_list.status_code == cached_detail.status_code == 200
    assert cached_detail.json()["data"]["id"] == product.pk


def test_error_responses_carry_no_etag(api_client):
    response = api_client.get(LIST + "?sort=bogus")

    assert response.status_code == 400
    assert "ETag" not in response


def test_public_lists_survive_stock_changes_that_flip_no_in_stock(api_client, make_admin_client, locmem_cache,
                                                                   django_assert_num_queries):
    variant = VariantFactory(quantity=5)
    admin = make_admin_client("products:read")
    public_etag = api_client.get(LIST)["ETag"]
    admin_etag = admin.get(LIST)["ETag"]

    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-2, reason="sale")
    with django_assert_num_queries(0):  # still the cached page
        still = revalidate(api_client, LIST, public_etag)
    admin_after = revalidate(admin, LIST, admin_etag)
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-3, reason="sale")  # sold out: in_stock flips
    flipped = revalidate(api_client, LIST, public_etag)

    assert still.status_code == 304
    assert admin_after.status_code == 200 and admin_after.json()["data"][0]["variants"][0]["quantity"] == 3
    assert flipped.status_code == 200 and flipped.json()["data"][0]["variants"][0]["in_stock"] is False
