from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.models import ProductMedia, Variant
from moodmnky.webhooks.models import Event
from tests.catalog.factories import ProductFactory, ProductMediaFactory, VariantFactory
from tests.catalog.images import image_upload, noise_png

pytestmark = pytest.mark.django_db


def test_list_variants_of_a_product_public_and_admin(api_client, make_admin_client):
    product = ProductFactory()
    VariantFactory(product=product, name="8 oz", position=0, quantity=3)
    VariantFactory(product=product, name="4 oz", position=1)

    public = api_client.get(f"/api/v1/products/{product.pk}/variants/")
    admin = make_admin_client("products:read").get(f"/api/v1/products/{product.slug}/variants/")

    assert [v["name"] for v in public.json()["data"]] == ["8 oz", "4 oz"]
    assert "quantity" not in public.json()["data"][0]
    assert admin.json()["data"][0]["quantity"] == 3
    assert public.json()["meta"]["pagination"]["total"] == 2


def test_variants_of_a_draft_are_404_for_shoppers(api_client):
    product = ProductFactory(status="draft")

    assert api_client.get(f"/api/v1/products/{product.pk}/variants/").status_code == 404


def test_create_variant_with_opening_stock(admin_client):
    product = ProductFactory()

    response = admin_client.post(f"/api/v1/products/{product.pk}/variants/",
                                 {"sku": "NEW-1", "name": "Travel", "price": "9.50", "quantity": 6,
                                  "options": {"size": "2 oz"}, "low_stock_threshold": 2})

    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["sku"], data["price"], data["quantity"], data["options"]) == ("NEW-1", "9.50", 6, {"size": "2 oz"})
    assert Variant.objects.get(sku="NEW-1").stock_movements.get().reason == "receive"
    assert Event.objects.filter(type="product.updated").exists()


def test_create_variant_refuses_a_taken_sku(admin_client):
    VariantFactory(sku="TAKEN")
    product = ProductFactory()

    response = admin_client.post(f"/api/v1/products/{product.pk}/variants/",
                                 {"sku": "TAKEN", "name": "x", "price": "1.00"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sku"


def test_patch_variant_changes_price(admin_client):
    variant = VariantFactory(price=Decimal("10.00"))

    response = admin_client.patch(f"/api/v1/variants/{variant.pk}/", {"price": "12.00", "allow_backorder": True})

    assert response.status_code == 200
    assert response.json()["data"]["price"] == "12.00"
    variant.refresh_from_db()
    assert variant.price == Decimal("12.00") and variant.allow_backorder


def test_patch_variant_refuses_quantity_saying_so(admin_client):
    variant = VariantFactory(quantity=5)

    response = admin_client.patch(f"/api/v1/variants/{variant.pk}/", {"quantity": 50})

    assert response.status_code == 400
    detail = response.json()["error"]["details"][0]
    assert detail["field"] == "quantity" and "inventory" in detail["message"]
    assert Variant.objects.get(pk=variant.pk).quantity == 5


def test_patch_variant_refuses_turning_off_backorder_below_zero(admin_client):
    variant = VariantFactory(quantity=-2, allow_backorder=True)

    response = admin_client.patch(f"/api/v1/variants/{variant.pk}/", {"allow_backorder": False})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "allow_backorder"


def test_delete_variant_keeps_its_ledger(admin_client):
    variant = VariantFactory()
    admin_client.post("/api/v1/inventory/adjustments/", {"variant_id": variant.pk, "delta": 2, "reason": "receive"})

    response = admin_client.delete(f"/api/v1/variants/{variant.pk}/")

    assert response.status_code == 204
    assert not Variant.objects.filter(pk=variant.pk).exists()
    movements = admin_client.get(f"/api/v1/inventory/movements/?sku={variant.sku}").json()["data"]
    assert movements[0]["variant_id"] is None and movements[0]["sku"] == variant.sku


def test_variant_detail_hides_drafts_from_shoppers(api_client):
    variant = VariantFactory(product=ProductFactory(status="draft"))

    assert api_client.get(f"/api/v1/variants/{variant.pk}/").status_code == 404


def test_variant_writes_need_products_write(make_admin_client):
    variant = VariantFactory()

    response = make_admin_client("products:read").patch(f"/api/v1/variants/{variant.pk}/", {"price": "1.00"})

    assert response.status_code == 403


# --- media ----------------------------------------------------------------------------------------

def upload(client, product, **fields):
    return client.post(f"/api/v1/products/{product.pk}/media/", fields, format="multipart")


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "a.png"), ("JPEG", "a.jpg"), ("WEBP", "a.webp"), ("GIF", "a.gif")])
def test_upload_accepts_allowed_types_and_answers_an_absolute_url(admin_client, fmt, name):
    product = ProductFactory()

    response = upload(admin_client, product, image=image_upload(name, fmt), alt="Front", position=2)

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["url"].startswith("http://testserver/media/products/")
    assert (data["alt"], data["position"], data["width"], data["height"]) == ("Front", 2, 40, 30)
    media = ProductMedia.objects.get()
    assert default_storage.exists(media.image.name)


def test_upload_links_a_variant_of_the_same_product(admin_client):
    variant = VariantFactory()
    other = VariantFactory()

    good = upload(admin_client, variant.product, image=image_upload(), variant_id=variant.pk)
    bad = upload(admin_client, variant.product, image=image_upload(), variant_id=other.pk)

    assert good.json()["data"]["variant_id"] == variant.pk
    assert bad.status_code == 400 and bad.json()["error"]["details"][0]["field"] == "variant_id"


def test_upload_refuses_a_text_file_renamed_png(admin_client):
    product = ProductFactory()
    fake = SimpleUploadedFile("photo.png", b"this is not an image at all", content_type="image/png")

    response = upload(admin_client, product, image=fake)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "image"
    assert not ProductMedia.objects.exists()


def test_upload_refuses_a_file_over_5_mb(admin_client):
    product = ProductFactory()
    big = noise_png()
    assert big.size > 5 * 1024 * 1024

    response = upload(admin_client, product, image=big)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "image"
    assert "5 MB" in response.json()["error"]["details"][0]["message"]


def test_upload_refuses_too_many_pixels(admin_client):
    product = ProductFactory()

    response = upload(admin_client, product, image=image_upload(size=(6001, 4)))

    assert response.status_code == 400
    assert "6000" in response.json()["error"]["details"][0]["message"]


def test_upload_refuses_a_disallowed_format(admin_client):
    product = ProductFactory()

    response = upload(admin_client, product, image=image_upload("a.bmp", "BMP"))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "image"


def test_upload_without_image_is_400_naming_image(admin_client):
    response = upload(admin_client, ProductFactory(), alt="nothing")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "image"


def test_upload_as_json_is_415(admin_client):
    response = admin_client.post(f"/api/v1/products/{ProductFactory().pk}/media/", {"alt": "x"})

    assert response.status_code == 415


def test_upload_needs_products_write(make_admin_client):
    response = upload(make_admin_client("products:read"), ProductFactory(), image=image_upload())

    assert response.status_code == 403


def test_delete_media_removes_the_row_and_the_file(admin_client, django_capture_on_commit_callbacks):
    media = ProductMediaFactory()
    name = media.image.name

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.delete(f"/api/v1/media/{media.pk}/")

    assert response.status_code == 204
    assert not ProductMedia.objects.exists()
    assert not default_storage.exists(name)


def test_delete_unknown_media_is_404(admin_client):
    assert admin_client.delete("/api/v1/media/999999/").status_code == 404


@pytest.mark.parametrize("quantity", [7, -1, None, "x"])
def test_patch_that_sends_quantity_says_stock_moves_through_inventory(admin_client, quantity):
    from tests.catalog.factories import VariantFactory as Variants

    variant = Variants(quantity=3)

    response = admin_client.patch(f"/api/v1/variants/{variant.pk}/", {"quantity": quantity, "name": "x"})

    assert response.status_code == 400
    detail = response.json()["error"]["details"][0]
    assert detail["field"] == "quantity" and "inventory" in detail["message"]
