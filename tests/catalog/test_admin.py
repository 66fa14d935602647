import pytest

from catalog.models import Product, StockMovement, Variant
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.catalog.factories import CategoryFactory, ProductFactory, ProductMediaFactory, VariantFactory

pytestmark = pytest.mark.django_db


def test_product_changelist_with_filters_and_search(admin_site_client):
    ProductMediaFactory(product=VariantFactory(sku="FIND-ME", quantity=1).product)
    ProductFactory(name="Other")

    page = admin_site_client.get("/admin/catalog/product/?stock=low&status__exact=active&q=FIND-ME")

    assert page.status_code == 200
    assert page.context["cl"].result_count == 1
    assert b"<img src=" in page.content  # thumbnail preview


def test_product_change_page_shows_inlines_with_read_only_quantity(admin_site_client):
    variant = VariantFactory(quantity=7)
    ProductMediaFactory(product=variant.product)

    page = admin_site_client.get(f"/admin/catalog/product/{variant.product.pk}/change/")

    assert page.status_code == 200
    assert b'name="variants-0-quantity"' not in page.content  # quantity is not an input
    assert b'name="variants-0-price"' in page.content
    assert b'name="media-0-alt"' in page.content


def test_product_add_through_admin_records_event_and_search_text(admin_site_client):
    category = CategoryFactory()
    data = {
        "name": "Admin Candle", "slug": "admin-candle", "status": "active", "product_type": "candle",
        "category": category.pk, "tags": "admin", "description": "Made in the admin",
        "top_notes": "", "heart_notes": "", "base_notes": "",
        "variants-TOTAL_FORMS": 1, "variants-INITIAL_FORMS": 0, "variants-MIN_NUM_FORMS": 0,
        "variants-MAX_NUM_FORMS": 1000,
        "variants-0-sku": "ADM-1", "variants-0-name": "8 oz", "variants-0-price": "20.00",
        "variants-0-low_stock_threshold": 5, "variants-0-track_inventory": "on", "variants-0-position": 0,
        "variants-0-quantity": 999,  # ignored: not a form field
        "media-TOTAL_FORMS": 0, "media-INITIAL_FORMS": 0, "media-MIN_NUM_FORMS": 0, "media-MAX_NUM_FORMS": 1000,
    }

    response = admin_site_client.post("/admin/catalog/product/add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    product = Product.objects.get(slug="admin-candle")
    assert Variant.objects.get(sku="ADM-1").quantity == 0
    assert "ADM-1" in product.search_text
    assert Event.objects.get(type="product.created").data["variants"][0]["sku"] == "ADM-1"


def test_products_cannot_be_deleted_in_the_admin_only_archived(admin_site_client):
    product = ProductFactory()

    response = admin_site_client.post("/admin/catalog/product/", {
        "action": "archive", "_selected_action": [product.pk]})

    assert response.status_code == 302
    assert Product.objects.get(pk=product.pk).status == "archived"
    assert admin_site_client.get(f"/admin/catalog/product/{product.pk}/delete/").status_code == 403


def test_stock_adjust_action_shows_a_form_then_writes_movements(admin_site_client, staff_user):
    first, second = VariantFactory(quantity=5), VariantFactory(quantity=1)
    selected = {"action": "adjust_stock", "_selected_action": [first.pk, second.pk]}

    form_page = admin_site_client.post("/admin/catalog/variant/", selected)
    done = admin_site_client.post("/admin/catalog/variant/", {
        **selected, "apply": "1", "delta": -2, "reason": "damage", "note": "Cracked jars"}, follow=True)

    assert form_page.status_code == 200 and b"Adjust stock" in form_page.content
    assert Variant.objects.get(pk=first.pk).quantity == 3
    assert Variant.objects.get(pk=second.pk).quantity == 1  # would go below zero: refused
    movement = StockMovement.objects.get()
    assert (movement.delta, movement.reason, movement.note, movement.actor) == (-2, "damage", "Cracked jars",
                                                                                staff_user)
    messages = [str(m) for m in done.context["messages"]]
    assert any(second.sku in m for m in messages)


def test_variant_change_form_cannot_change_quantity(admin_site_client):
    variant = VariantFactory(quantity=5)

    admin_site_client.post(f"/admin/catalog/variant/{variant.pk}/change/", {
        "product": variant.product.pk, "sku": variant.sku, "name": "Renamed", "options": "{}", "price": "9.00",
        "quantity": 500, "track_inventory": "on", "low_stock_threshold": 2, "position": 0})

    variant.refresh_from_db()
    assert (variant.name, variant.quantity) == ("Renamed", 5)


def test_movement_ledger_is_read_only(admin_site_client):
    variant = VariantFactory()
    from catalog.services import stock_move

    movement = stock_move(actor=SYSTEM, variant_id=variant.pk, delta=1, reason="receive")

    assert admin_site_client.get("/admin/catalog/stockmovement/").status_code == 200
    assert admin_site_client.get("/admin/catalog/stockmovement/add/").status_code == 403
    page = admin_site_client.get(f"/admin/catalog/stockmovement/{movement.pk}/change/")
    assert page.status_code == 200 and b'name="delta"' not in page.content


def test_variant_changelist_low_stock_filter(admin_site_client):
    VariantFactory(sku="LOW", quantity=1, low_stock_threshold=3)
    VariantFactory(sku="HIGH", quantity=30)

    page = admin_site_client.get("/admin/catalog/variant/?stock=low")

    assert [v.sku for v in page.context["cl"].result_list] == ["LOW"]


def test_media_inline_refuses_a_fake_image(admin_site_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    product = ProductFactory()
    data = {
        "name": product.name, "slug": product.slug, "status": "active", "product_type": "candle",
        "tags": "[]", "description": "", "top_notes": "", "heart_notes": "", "base_notes": "",
        "variants-TOTAL_FORMS": 0, "variants-INITIAL_FORMS": 0, "variants-MIN_NUM_FORMS": 0,
        "variants-MAX_NUM_FORMS": 1000,
        "media-TOTAL_FORMS": 1, "media-INITIAL_FORMS": 0, "media-MIN_NUM_FORMS": 0, "media-MAX_NUM_FORMS": 1000,
        "media-0-image": SimpleUploadedFile("x.png", b"not an image", content_type="image/png"),
        "media-0-alt": "x", "media-0-position": 0,
    }

    response = admin_site_client.post(f"/admin/catalog/product/{product.pk}/change/", data)

    assert response.status_code == 200  # the form comes back with errors
    assert not product.media.exists()


def test_admin_save_that_deletes_images_announces_the_product_once(admin_site_client):
    variant = VariantFactory(sku="ONE-1", quantity=2)
    product = variant.product
    media = [ProductMediaFactory(product=product), ProductMediaFactory(product=product)]
    Event.objects.all().delete()
    data = {
        "name": product.name, "slug": product.slug, "status": product.status, "product_type": product.product_type,
        "category": product.category_id or "", "tags": "", "description": "", "top_notes": "", "heart_notes": "",
        "base_notes": "",
        "variants-TOTAL_FORMS": 1, "variants-INITIAL_FORMS": 1, "variants-MIN_NUM_FORMS": 0,
        "variants-MAX_NUM_FORMS": 1000, "variants-0-id": variant.pk, "variants-0-product": product.pk,
        "variants-0-sku": "ONE-1", "variants-0-name": variant.name, "variants-0-price": str(variant.price),
        "variants-0-low_stock_threshold": variant.low_stock_threshold, "variants-0-track_inventory": "on",
        "variants-0-position": 0,
        "media-TOTAL_FORMS": 2, "media-INITIAL_FORMS": 2, "media-MIN_NUM_FORMS": 0, "media-MAX_NUM_FORMS": 1000,
    }
    for index, image in enumerate(media):
        data |= {f"media-{index}-id": image.pk, f"media-{index}-product": product.pk,
                 f"media-{index}-alt": image.alt, f"media-{index}-position": index, f"media-{index}-DELETE": "on"}

    response = admin_site_client.post(f"/admin/catalog/product/{product.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert not product.media.exists()
    assert list(Event.objects.values_list("type", flat=True)) == ["product.updated"]
