import pytest

from catalog.models import Product, Variant
from moodmnky.webhooks.models import Event

pytestmark = pytest.mark.django_db
BULK = "/api/v1/products/bulk/"


def item(n: int, **overrides) -> dict:
    body = {"name": f"Bulk {n}", "product_type": "soap", "status": "active",
            "variants": [{"sku": f"BULK-{n}", "name": "Bar", "price": "8.00", "quantity": 3}]}
    body.update(overrides)
    return body


def test_bulk_creates_products_and_answers_results(admin_client):
    response = admin_client.post(BULK, {"items": [item(1), item(2)]})

    assert response.status_code == 200
    results = response.json()["data"]["results"]
    assert [(r["index"], r["status"], r["slug"]) for r in results] == [(0, "ok", "bulk-1"), (1, "ok", "bulk-2")]
    assert Product.objects.count() == 2 and Variant.objects.get(sku="BULK-2").quantity == 3
    assert Event.objects.filter(type="product.created").count() == 2


def test_bulk_reject_everything_is_400_naming_items_and_writes_nothing(admin_client):
    response = admin_client.post(BULK, {"items": [item(1), item(2, product_type="lamp"), item(3, variants=[
        {"sku": "BULK-1", "name": "Bar", "price": "8.00"}])]})

    assert response.status_code == 400
    assert [d["field"] for d in response.json()["error"]["details"]] == ["items.1.product_type",
                                                                         "items.2.variants.0.sku"]
    assert not Product.objects.exists()


def test_bulk_reject_everything_catches_clashes_between_items(admin_client):
    response = admin_client.post(BULK, {"items": [item(1), item(2, variants=[
        {"sku": "BULK-1", "name": "Bar", "price": "8.00"}])]})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "items.1.variants.0.sku"
    assert not Product.objects.exists() and not Event.objects.exists()


def test_bulk_reject_failed_rows_keeps_the_good_rows(admin_client):
    response = admin_client.post(BULK, {"error_policy": "reject_failed_rows", "items": [
        item(1), item(2, name=""), item(3, variants=[{"sku": "BULK-1", "name": "Bar", "price": "8.00"}])]})

    assert response.status_code == 200
    results = response.json()["data"]["results"]
    assert [r["status"] for r in results] == ["ok", "error", "error"]
    assert results[1]["errors"][0]["field"] == "name"
    assert results[2]["errors"][0]["field"] == "variants.0.sku"
    assert list(Product.objects.values_list("name", flat=True)) == ["Bulk 1"]


def test_bulk_allows_at_most_100_products(admin_client):
    response = admin_client.post(BULK, {"items": [item(n) for n in range(101)]})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "items"


def test_bulk_needs_products_write(make_admin_client):
    assert make_admin_client("products:read").post(BULK, {"items": [item(1)]}).status_code == 403
