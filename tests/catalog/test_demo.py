import io

import pytest
from django.core.management import call_command

from catalog import demo
from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant

pytestmark = pytest.mark.django_db


def test_seed_builds_a_believable_catalog_and_is_idempotent():
    summary = demo.seed(stdout=io.StringIO(), products=0)
    again = demo.seed(stdout=io.StringIO(), products=0)

    assert Product.objects.count() == len(demo.PRODUCTS) >= 20
    assert set(Product.objects.values_list("product_type", flat=True)) >= {
        "candle", "room_spray", "reed_diffuser", "body_oil", "wax_melt", "soap", "gift_set"}
    assert Category.objects.filter(parent__isnull=False).count() >= 7 and Collection.objects.count() >= 4
    assert ProductMedia.objects.count() == len(demo.PRODUCTS)
    assert Variant.objects.filter(Variant.low_stock_q()).exists()
    assert Variant.objects.filter(product__slug="moonlit-fig").count() == 3
    # Every opening stock is in the ledger.
    for variant in Variant.objects.filter(track_inventory=True):
        assert sum(variant.stock_movements.values_list("delta", flat=True)) == variant.quantity
    assert "(24 new)" in summary and "(0 new)" in again


def test_seed_generates_products_in_bulk_and_tops_up(capsys):
    out = io.StringIO()

    demo.seed(stdout=out, products=30)
    demo.seed(stdout=io.StringIO(), products=45)

    generated = Product.objects.filter(slug__startswith="gen-")
    assert generated.count() == 45
    assert not generated.filter(variants__isnull=True).exists()
    assert Variant.objects.filter(product__in=generated).count() == 45 * 2 - 6  # gift sets come in one size
    assert "30/30" in out.getvalue()
    assert StockMovement.objects.filter(reference="seed_demo").exists()
    assert "GEN-000001" in generated.get(slug="gen-000001").search_text


def test_seed_demo_command_runs(api_client):
    call_command("seed_demo", stdout=io.StringIO())

    response = api_client.get("/api/v1/products/?search=fig&category=home-fragrance")
    assert response.status_code == 200
    assert "Moonlit Fig" in [p["name"] for p in response.json()["data"]]
    assert response.json()["data"][0]["media"][0]["url"].startswith("http://testserver/media/")


def test_generated_rows_are_searchable_keep_their_ledger_and_the_id_sequences(api_client):
    demo.generate_products(count=20, stdout=io.StringIO())  # COPY on PostgreSQL, bulk_create elsewhere

    generated = Variant.objects.filter(product__slug__startswith="gen-")
    for variant in generated:
        assert sum(variant.stock_movements.values_list("delta", flat=True)) == variant.quantity
    later = Product.objects.create(name="Made after", slug="made-after")  # the sequence moved past the COPY
    assert later.pk > max(generated.values_list("product_id", flat=True))
    names = [p["name"] for p in api_client.get("/api/v1/products/", {"search": "velvet"}).json()["data"]]
    assert sorted(names) == ["Velvet Cedar 17", "Velvet Fig 1"]
