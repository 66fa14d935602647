from decimal import Decimal

import pytest

from catalog.models import Product, StockMovement
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.catalog.factories import (
    CategoryFactory,
    CollectionFactory,
    ProductFactory,
    ProductMediaFactory,
    VariantFactory,
)
from tests.catalog.images import image_upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/products/"


def names(response) -> list[str]:
    return [product["name"] for product in response.json()["data"]]


def test_list_shows_the_product_shape_to_anonymous_callers(api_client):
    variant = VariantFactory(price=Decimal("24.00"), compare_at_price=Decimal("30.00"), quantity=4)
    VariantFactory(product=variant.product, price=Decimal("12.50"), name="4 oz")
    ProductMediaFactory(product=variant.product, alt="Lit candle")

    response = api_client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["pagination"] == {"total": 1, "pages": 1, "page": 1, "limit": 20}
    product = body["data"][0]
    assert product["price_range"] == {"min": "12.50", "max": "24.00"}
    assert product["currency"] == "USD"
    assert product["category"]["slug"] == variant.product.category.slug
    first = product["variants"][0]
    assert first["price"] == "24.00" and first["compare_at_price"] == "30.00" and first["in_stock"] is True
    assert "quantity" not in first and "track_inventory" not in first
    assert product["media"][0]["url"].startswith("http://testserver/media/")
    assert product["media"][0]["alt"] == "Lit candle"


def test_list_hides_drafts_and_archived_from_anonymous_and_customers(api_client, customer_client):
    ProductFactory(name="Live", status="active")
    ProductFactory(name="Draft", status="draft")
    ProductFactory(name="Old", status="archived")

    assert names(api_client.get(URL)) == ["Live"]
    assert names(customer_client.get(URL)) == ["Live"]
    assert customer_client.get(URL + "?status=draft").json()["data"] == []


def test_admins_see_drafts_and_stock_fields(make_admin_client, make_staff_user, api_client):
    VariantFactory(product=ProductFactory(name="Draft", status="draft"), quantity=7)
    ProductFactory(name="Live")
    reader = make_admin_client("products:read")
    api_client.force_authenticate(make_staff_user("catalog.view_product"))

    by_key = reader.get(URL + "?sort=name")
    by_staff = api_client.get(URL + "?sort=name&status=draft")

    assert names(by_key) == ["Draft", "Live"]
    variant = by_key.json()["data"][0]["variants"][0]
    assert (variant["quantity"], variant["track_inventory"], variant["allow_backorder"],
            variant["low_stock_threshold"]) == (7, True, False, 3)
    assert names(by_staff) == ["Draft"]


def test_an_api_key_without_products_read_gets_the_public_view(make_admin_client):
    ProductFactory(name="Draft", status="draft")

    response = make_admin_client("orders:read").get(URL)

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_detail_by_id_and_by_slug(api_client):
    product = ProductFactory(name="Moonlit Fig", slug="moonlit-fig")

    by_id = api_client.get(f"{URL}{product.pk}/")
    by_slug = api_client.get(f"{URL}moonlit-fig/")

    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.json()["data"]["id"] == by_slug.json()["data"]["id"] == product.pk


def test_detail_of_a_draft_is_404_for_shoppers_and_200_for_admins(api_client, make_admin_client):
    product = ProductFactory(status="draft", slug="secret")

    assert api_client.get(f"{URL}{product.pk}/").status_code == 404
    assert api_client.get(f"{URL}secret/").json()["error"]["code"] == "not_found"
    assert make_admin_client("products:read").get(f"{URL}secret/").status_code == 200


def test_unknown_product_is_404(api_client):
    assert api_client.get(f"{URL}999999/").status_code == 404
    assert api_client.get(f"{URL}no-such-thing/").status_code == 404


# --- filters and sorting --------------------------------------------------------------------------

def test_filter_by_category_includes_subcategories(api_client):
    candles = CategoryFactory(slug="candles")
    jars = CategoryFactory(slug="jar-candles", parent=candles)
    ProductFactory(name="Top", category=candles)
    ProductFactory(name="Jar", category=jars)
    ProductFactory(name="Soap", category=CategoryFactory(slug="soaps"))

    assert sorted(names(api_client.get(URL + "?category=candles"))) == ["Jar", "Top"]
    assert names(api_client.get(URL + "?category=jar-candles")) == ["Jar"]
    assert names(api_client.get(URL + "?category=nope")) == []


def test_filter_by_collection(api_client):
    autumn = CollectionFactory(slug="autumn")
    ProductFactory(name="In").collections.add(autumn)
    ProductFactory(name="Out")

    assert names(api_client.get(URL + "?collection=autumn")) == ["In"]


def test_filter_by_product_type_and_refuse_unknown_types(api_client):
    ProductFactory(name="Candle", product_type="candle")
    ProductFactory(name="Spray", product_type="room_spray")

    assert names(api_client.get(URL + "?product_type=room_spray")) == ["Spray"]
    response = api_client.get(URL + "?product_type=lamp")
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "product_type"


def test_filter_by_tag(api_client):
    ProductFactory(name="Tagged", tags=["bestseller", "autumn"])
    ProductFactory(name="Other", tags=["bestsellers"])

    assert names(api_client.get(URL + "?tag=bestseller")) == ["Tagged"]
    assert names(api_client.get(URL + "?tag=Autumn")) == ["Tagged"]


def test_search_matches_name_description_and_sku(api_client):
    ProductFactory(name="Lavender Fields", description="Calm and herbal.")
    ProductFactory(name="Moonlit Fig", description="Ripe figs and lavender blossoms.")
    VariantFactory(product=ProductFactory(name="Ocean Salt"), sku="MM-OCEAN-8OZ")
    ProductFactory(name="Smoked Oud")

    assert sorted(names(api_client.get(URL + "?search=lavender"))) == ["Lavender Fields", "Moonlit Fig"]
    assert names(api_client.get(URL + "?search=mm-ocean-8oz")) == ["Ocean Salt"]
    assert names(api_client.get(URL + "?search=herbal")) == ["Lavender Fields"]
    assert names(api_client.get(URL + "?search=nothing-like-this")) == []


def test_filter_by_price_range_is_inclusive_on_the_lowest_variant_price(api_client):
    for name, prices in [("Cheap", ["8.00"]), ("Mid", ["20.00", "60.00"]), ("Dear", ["45.00"])]:
        product = ProductFactory(name=name)
        for price in prices:
            VariantFactory(product=product, price=Decimal(price))

    assert sorted(names(api_client.get(URL + "?price_min=20&price_max=45"))) == ["Dear", "Mid"]
    assert names(api_client.get(URL + "?price_max=8.00")) == ["Cheap"]
    assert api_client.get(URL + "?price_min=abc").status_code == 400


def test_filter_in_stock(api_client):
    VariantFactory(product=ProductFactory(name="Stocked"), quantity=2)
    VariantFactory(product=ProductFactory(name="Sold out"), quantity=0)
    VariantFactory(product=ProductFactory(name="Backorder"), quantity=0, allow_backorder=True)
    VariantFactory(product=ProductFactory(name="Untracked"), quantity=0, track_inventory=False)

    assert sorted(names(api_client.get(URL + "?in_stock=true"))) == ["Backorder", "Stocked", "Untracked"]
    assert names(api_client.get(URL + "?in_stock=false")) == ["Sold out"]
    assert api_client.get(URL + "?in_stock=maybe").status_code == 400


@pytest.fixture
def priced(db):
    for name, price in [("Bravo", "30.00"), ("Alpha", "10.00"), ("Charlie", "20.00")]:
        VariantFactory(product=ProductFactory(name=name), price=Decimal(price))


@pytest.mark.parametrize(("query", "expected"), [
    ("sort=price", ["Alpha", "Charlie", "Bravo"]),
    ("sort=price&order=desc", ["Bravo", "Charlie", "Alpha"]),
    ("sort=name", ["Alpha", "Bravo", "Charlie"]),
    ("sort=name&order=desc", ["Charlie", "Bravo", "Alpha"]),
    ("sort=created_at&order=asc", ["Bravo", "Alpha", "Charlie"]),
    ("sort=created_at", ["Charlie", "Alpha", "Bravo"]),
    ("ordering=-price", ["Bravo", "Charlie", "Alpha"]),
    ("ordering=name", ["Alpha", "Bravo", "Charlie"]),
    ("ordering=created_at", ["Bravo", "Alpha", "Charlie"]),
    ("", ["Charlie", "Alpha", "Bravo"]),
])
def test_sorting(api_client, priced, query, expected):
    assert names(api_client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize("query", ["sort=weight", "order=up", "ordering=-weight"])
def test_unknown_sort_is_400(api_client, query):
    response = api_client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == query.split("=")[0]


def test_pagination_pages_through_the_catalog(api_client):
    for index in range(5):
        ProductFactory(name=f"P{index}")

    response = api_client.get(URL + "?limit=2&page=3&sort=name")

    assert names(response) == ["P4"]
    assert response.json()["meta"]["pagination"] == {"total": 5, "pages": 3, "page": 3, "limit": 2}
    assert response.json()["links"]["next"] is None


# --- writes ---------------------------------------------------------------------------------------

def product_body(**overrides) -> dict:
    body = {
        "name": "Moonlit Fig", "description": "Fig leaf and cedar.", "product_type": "candle",
        "status": "active", "tags": ["Autumn", "bestseller", "autumn"],
        "variants": [
            {"sku": "MF-8OZ", "name": "8 oz", "price": "34.00", "quantity": 12},
            {"sku": "MF-4OZ", "name": "4 oz", "price": "18.00", "compare_at_price": "20.00"},
        ],
    }
    body.update(overrides)
    return body


def test_create_product_with_variants_records_opening_stock_and_event(make_admin_client):
    category, collection = CategoryFactory(), CollectionFactory()
    client = make_admin_client("products:write")

    response = client.post(URL, product_body(category_id=category.pk, collection_ids=[collection.pk]))

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["slug"] == "moonlit-fig"
    assert data["tags"] == ["autumn", "bestseller"]
    assert data["category"]["id"] == category.pk and data["collections"][0]["id"] == collection.pk
    assert [v["quantity"] for v in data["variants"]] == [12, 0]
    movement = StockMovement.objects.get()
    assert (movement.sku, movement.delta, movement.reason, movement.quantity_after) == ("MF-8OZ", 12, "receive", 12)
    event = Event.objects.get(type="product.created")
    assert event.data["id"] == data["id"] and event.data["variants"][0]["quantity"] == 12


def test_create_derives_a_free_slug(admin_client):
    ProductFactory(slug="moonlit-fig")

    response = admin_client.post(URL, product_body(variants=[]))
    reserved = admin_client.post(URL, product_body(name="Bulk", variants=[]))

    assert response.json()["data"]["slug"] == "moonlit-fig-2"
    assert reserved.json()["data"]["slug"] == "product-bulk"


@pytest.mark.parametrize(("change", "field"), [
    ({"name": ""}, "name"),
    ({"product_type": "lamp"}, "product_type"),
    ({"status": "live"}, "status"),
    ({"category_id": 999999}, "category_id"),
    ({"collection_ids": [999999]}, "collection_ids"),
    ({"slug": "12345"}, "slug"),
    ({"slug": "bulk"}, "slug"),
    ({"variants": [{"sku": "A", "name": "8 oz", "price": "-1.00"}]}, "variants.0.price"),
    ({"variants": [{"sku": "A", "name": "8 oz", "price": "1.00", "quantity": -4}]}, "variants.0.quantity"),
    ({"variants": [{"sku": "A", "name": "a", "price": "1"}, {"sku": "a", "name": "b", "price": "1"}]},
     "variants.1.sku"),
])
def test_create_refuses_bad_input_naming_the_field(admin_client, change, field):
    response = admin_client.post(URL, product_body(**change))

    assert response.status_code == 400
    assert field in [detail["field"] for detail in response.json()["error"]["details"]]
    assert not Product.objects.exists()


def test_create_refuses_a_taken_sku(admin_client):
    VariantFactory(sku="MF-4OZ")

    response = admin_client.post(URL, product_body())

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "variants.1.sku"
    assert Product.objects.count() == 1  # only the factory's


def test_create_refuses_a_taken_slug(admin_client):
    ProductFactory(slug="taken")

    response = admin_client.post(URL, product_body(slug="taken"))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "slug"


def test_writes_need_products_write(make_admin_client, customer_client, api_client):
    assert api_client.post(URL, product_body()).status_code == 401
    assert customer_client.post(URL, product_body()).json()["error"]["code"] == "permission_denied"
    response = make_admin_client("products:read").post(URL, product_body())
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "insufficient_scope"


def test_staff_users_with_the_permission_can_write(api_client, make_staff_user):
    api_client.force_authenticate(make_staff_user("catalog.add_product"))

    assert api_client.post(URL, product_body()).status_code == 201


def test_patch_updates_fields_and_records_product_updated(admin_client):
    product = ProductFactory(name="Old", status="draft")

    response = admin_client.patch(f"{URL}{product.pk}/", {"name": "New name", "status": "active", "tags": ["x"]})

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["name"], data["status"], data["tags"]) == ("New name", "active", ["x"])
    assert Event.objects.get(type="product.updated").data["name"] == "New name"


def test_patch_refuses_variants_and_quantity(admin_client):
    product = ProductFactory()

    response = admin_client.patch(f"{URL}{product.pk}/", {"variants": []})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "variants"


def test_delete_archives_and_records_product_deleted_once(admin_client, api_client):
    product = ProductFactory()

    first = admin_client.delete(f"{URL}{product.pk}/")
    second = admin_client.delete(f"{URL}{product.pk}/")

    assert first.status_code == second.status_code == 204
    assert Product.objects.get(pk=product.pk).status == "archived"
    assert Event.objects.filter(type="product.deleted").count() == 1
    assert api_client.get(f"{URL}{product.pk}/").status_code == 404


def test_a_failed_create_records_no_event(admin_client):
    VariantFactory(sku="MF-4OZ")

    admin_client.post(URL, product_body())

    assert not Event.objects.filter(type__startswith="product.").exists()
    assert not StockMovement.objects.exists()


def test_categories_and_collections_are_public(api_client):
    parent = CategoryFactory(name="Candles", slug="candles")
    CategoryFactory(name="Jar candles", slug="jar-candles", parent=parent)
    CollectionFactory(name="Autumn", slug="autumn")

    categories = api_client.get("/api/v1/categories/").json()["data"]
    collection = api_client.get("/api/v1/collections/autumn/")

    assert {c["slug"]: c["parent_id"] for c in categories} == {"candles": None, "jar-candles": parent.pk}
    assert collection.status_code == 200 and collection.json()["data"]["name"] == "Autumn"
    assert api_client.get(f"/api/v1/categories/{parent.pk}/").json()["data"]["slug"] == "candles"


def test_price_sort_and_filter_follow_variant_changes(api_client):
    from catalog.services import variant_create, variant_delete, variant_update

    cheap, dear = VariantFactory(price=Decimal("10.00")), VariantFactory(price=Decimal("20.00"))
    assert names(api_client.get(URL + "?sort=price")) == [cheap.product.name, dear.product.name]

    variant_update(actor=SYSTEM, variant_id=cheap.pk, price=Decimal("30.00"))
    extra = variant_create(actor=SYSTEM, product_id=dear.product.pk, sku="EXTRA", name="Mini", price=Decimal("5.00"))
    after_change = names(api_client.get(URL + "?sort=price"))
    variant_delete(actor=SYSTEM, variant_id=extra.pk)
    after_delete = names(api_client.get(URL + "?sort=price&order=desc"))

    assert after_change == [dear.product.name, cheap.product.name]
    assert after_delete == [cheap.product.name, dear.product.name]
    assert names(api_client.get(URL + "?price_max=20")) == [dear.product.name]


def test_products_without_variants_sort_last_both_ways(api_client):
    VariantFactory(product=ProductFactory(name="Priced"), price=Decimal("10.00"))
    ProductFactory(name="Unpriced")

    assert names(api_client.get(URL + "?sort=price")) == ["Priced", "Unpriced"]
    assert names(api_client.get(URL + "?ordering=-price")) == ["Priced", "Unpriced"]


@pytest.mark.parametrize("serializer_name", ["ProductSerializer", "AdminProductSerializer"])
def test_the_payload_body_agrees_with_the_declared_fields(serializer_name):
    # The body is catalog.events' hand-built dict; the declared fields are what the schema shows.
    from catalog.api import serializers
    from catalog.selectors import product_queryset

    variant = VariantFactory(compare_at_price=Decimal("99.90"), weight_grams=Decimal("340.5"),
                             options={"size": "8 oz"})
    VariantFactory(product=variant.product, track_inventory=False)
    ProductMediaFactory(product=variant.product, variant=variant)
    variant.product.collections.add(CollectionFactory())
    ProductFactory(category=None)
    serializer = getattr(serializers, serializer_name)(many=True).child

    for product in product_queryset(admin=True):
        body = json_roundtrip(serializer.to_representation(product))
        assert_agrees(serializer, product, body, skip={"scent_notes", "price_range"})
        prices = [v.price for v in product.variants.all()]
        assert body["price_range"] == ({"min": f"{min(prices):.2f}", "max": f"{max(prices):.2f}"} if prices else None)
        assert body["scent_notes"] == {"top": product.top_notes, "heart": product.heart_notes,
                                       "base": product.base_notes}


def assert_agrees(serializer, obj, body: dict, skip=frozenset()) -> None:
    """Every declared field is in the body with the value that field would write, and nothing else."""
    from rest_framework import serializers

    assert set(body) == set(serializer.fields)
    for name, field in serializer.fields.items():
        if name in skip:
            continue
        if isinstance(field, serializers.ListSerializer):
            children = list(getattr(obj, name).all())
            assert len(children) == len(body[name])
            for child, child_body in zip(children, body[name], strict=True):
                assert_agrees(field.child, child, child_body)
        elif isinstance(field, serializers.Serializer):
            related = getattr(obj, name)
            if related is None:
                assert body[name] is None
            else:
                assert_agrees(field, related, body[name])
        else:
            value = field.get_attribute(obj)  # as DRF does: None stays None
            assert body[name] == (None if value is None else json_roundtrip(field.to_representation(value))), name


def test_the_admin_api_body_is_the_webhook_payload(admin_client):
    response = admin_client.post(URL, {"name": "Same shape", "product_type": "soap", "variants": [
        {"sku": "SAME-1", "name": "Bar", "price": "8.00", "quantity": 2}]}, format="json")
    product_id = response.json()["data"]["id"]
    admin_client.post(f"{URL}{product_id}/media/", {"image": image_upload()}, format="multipart")

    body = admin_client.get(f"{URL}{product_id}/").json()["data"]
    data = Event.objects.filter(type="product.updated").latest("created_at").data

    for media in body["media"]:
        media["url"] = media["url"].removeprefix("http://testserver")  # events have no request: site-relative
    assert body == data


def json_roundtrip(data):
    import json

    return json.loads(json.dumps(data))


def test_a_product_write_builds_its_payload_once_for_the_event_and_the_answer(admin_client, monkeypatch):
    from catalog import events
    from catalog.api import serializers as catalog_serializers
    from catalog.services import products as product_services

    response = admin_client.post(URL, {"name": "Once", "product_type": "soap", "variants": [
        {"sku": "ONCE-1", "name": "Bar", "price": "8.00", "quantity": 2}]}, format="json")
    product_id = response.json()["data"]["id"]
    admin_client.post(f"{URL}{product_id}/media/", {"image": image_upload()}, format="multipart")
    built = []

    def counted(*args, **kwargs):
        built.append(1)
        return events.product_payload(*args, **kwargs)

    monkeypatch.setattr(product_services, "product_payload", counted)
    monkeypatch.setattr(catalog_serializers, "product_payload", counted)
    patched = admin_client.patch(f"{URL}{product_id}/", {"name": "Once more"}, format="json")
    monkeypatch.undo()

    assert len(built) == 1
    body = patched.json()["data"]
    assert body == admin_client.get(f"{URL}{product_id}/").json()["data"]  # what the serializer answers
    assert body["media"][0]["url"].startswith("http://testserver/")
    data = Event.objects.filter(type="product.updated").latest("created_at").data
    assert data["name"] == "Once more" and data["media"][0]["url"] == body["media"][0]["url"].removeprefix(
        "http://testserver")
