"""Catalog back office: a catalog manager creates a product with variants and a photo, filters the list and
adjusts stock through the ledger; photo previews; bulk publishing."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from catalog.models import Product, ProductMedia, StockMovement, Variant
from moodmnky.roles import CATALOG_MANAGERS
from tests.catalog.factories import CategoryFactory, ProductFactory, VariantFactory
from tests.e2e.conftest import messages, result_rows, run_action, signed_in, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOT = "/tmp/e2e-product.png"


def pick_autocomplete(page, field: str, typed: str, choice: str) -> None:
    """Choose in an autocomplete (select2) field the way staff do: open it, type, click the match."""
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    page.click(f".select2-results__option:text-is('{choice}')")


@pytest.fixture
def manager_page(page, live_server, make_member):
    """`page` signed in as a catalog manager (the role group, not a superuser); `page.user` is the account."""
    page.user = make_member(CATALOG_MANAGERS)
    return signed_in(page, live_server, page.user)


def test_a_catalog_manager_creates_a_product_with_two_variants_and_a_photo_then_filters_the_list(manager_page,
                                                                                                  shot):
    page = manager_page
    category = CategoryFactory(name="Candles")
    ProductFactory(name="Draft Amber", status=Product.Status.DRAFT, product_type=Product.ProductType.CANDLE)
    ProductFactory(name="Lavender Bar", status=Product.Status.ACTIVE, product_type=Product.ProductType.SOAP)

    page.goto("/admin/catalog/product/add/")
    page.locator("#id_name").press_sequentially("Midnight Fig")  # typed: the slug follows key by key
    assert page.input_value("#id_slug") == "midnight-fig"
    page.select_option("#id_status", "active")
    page.select_option("#id_product_type", "candle")
    pick_autocomplete(page, "category", "cand", "Candles")
    page.fill("#id_tags", "Fig, evening, fig")
    page.fill("#id_top_notes", "green fig, bergamot")
    page.click("#variants-group .add-row a")
    page.fill("#id_variants-0-sku", "FIG-8OZ")
    page.fill("#id_variants-0-name", "8 oz")
    page.fill("#id_variants-0-price", "32.00")
    page.click("#variants-group .add-row a")
    page.fill("#id_variants-1-sku", "FIG-4OZ")
    page.fill("#id_variants-1-name", "4 oz")
    page.fill("#id_variants-1-price", "18.00")
    page.fill("#id_variants-1-position", "1")
    assert page.locator("[name='variants-0-quantity']").count() == 0  # stock is not typed in
    page.click("#media-group .add-row a")
    page.set_input_files("#id_media-0-image", files=[
        {"name": "fig.png", "mimeType": "image/png", "buffer": _photo((60, 40, 90))}])
    page.fill("#id_media-0-alt", "Midnight Fig candle")
    shot("product-form")
    submit(page, "input[name=_continue]")
    shot("product-saved")

    assert any("was added successfully" in message for message in messages(page)), messages(page)
    product = Product.objects.get(slug="midnight-fig")
    assert (product.name, product.status, product.product_type, product.category) == (
        "Midnight Fig", "active", "candle", category)
    assert product.tags == ["fig", "evening"]  # cleaned by the service
    assert "fig-8oz" in product.search_text.lower()
    assert [(v.sku, v.name, str(v.price), v.quantity) for v in product.variants.order_by("position")] == [
        ("FIG-8OZ", "8 oz", "32.00", 0), ("FIG-4OZ", "4 oz", "18.00", 0)]
    [photo] = product.media.all()
    assert (photo.alt, photo.width) == ("Midnight Fig candle", 480)
    assert photo.image.name.startswith(f"products/{product.pk}/")
    assert page.locator("#media-group td.field-preview img").evaluate("image => image.naturalWidth") == 480
    assert not StockMovement.objects.exists()

    # The change list, narrowed by the status and type filters in the sidebar.
    page.goto("/admin/catalog/product/")
    assert len(result_rows(page)) == 3
    submit(page, "#changelist-filter a:text-is('Active')")
    assert "status__exact=active" in page.url
    rows = result_rows(page)
    assert len(rows) == 2 and not any("Draft Amber" in row for row in rows)
    submit(page, "#changelist-filter a:text-is('Candle')")
    [row] = result_rows(page)
    assert "Midnight Fig" in row and "Candles" in row
    assert "status__exact=active" in page.url and "product_type__exact=candle" in page.url
    shot("filtered-list")


def test_a_catalog_manager_adjusts_stock_through_the_ledger_and_cannot_type_a_quantity(manager_page, shot):
    page = manager_page
    variant = VariantFactory(sku="FIG-8OZ", name="8 oz", quantity=0, product__name="Midnight Fig")
    VariantFactory(sku="OTHER-1", quantity=5)

    page.goto("/admin/catalog/variant/")
    page.fill("#searchbar", "FIG-8OZ")
    submit(page, "#changelist-search input[type=submit]")
    [row] = result_rows(page)
    assert "FIG-8OZ" in row
    run_action(page, "adjust_stock", variant.pk)

    # The intermediate form names the variant and its current stock; nothing has changed yet.
    assert page.inner_text("h1") == "Adjust stock"
    assert "FIG-8OZ — Midnight Fig / 8 oz: 0 in stock" in page.inner_text("#content")
    page.fill("#id_delta", "12")
    page.select_option("#id_reason", "receive")
    page.fill("#id_note", "First pour")
    shot("adjust-form")
    submit(page, "input[name=apply]")

    assert "Adjusted the stock of 1 variant(s)." in messages(page)
    variant.refresh_from_db()
    assert variant.quantity == 12
    [movement] = StockMovement.objects.all()
    assert (movement.variant_id, movement.sku, movement.delta, movement.quantity_after, movement.reason,
            movement.note, movement.reference) == (variant.pk, "FIG-8OZ", 12, 12, "receive", "First pour", "admin")
    assert movement.actor == page.user

    # A removal below zero is refused with a message and leaves stock and ledger alone.
    page.goto("/admin/catalog/variant/?q=FIG-8OZ")
    run_action(page, "adjust_stock", variant.pk)
    page.fill("#id_delta", "-20")
    submit(page, "input[name=apply]")
    assert any("would go below zero" in message for message in messages(page)), messages(page)
    variant.refresh_from_db()
    assert variant.quantity == 12 and StockMovement.objects.count() == 1

    # The ledger lists the movement, read-only.
    page.goto("/admin/catalog/stockmovement/")
    [row] = result_rows(page)
    assert row.split("\t")[1:] == ["FIG-8OZ", "12", "12", "Receive", "admin", page.user.email]
    shot("ledger")
    assert page.locator("#content-main .object-tools a.addlink").count() == 0  # no "Add" button

    # The variant page shows the quantity as text, not as an input.
    page.goto(f"/admin/catalog/variant/{variant.pk}/change/")
    assert page.locator("[name=quantity]").count() == 0
    assert page.inner_text(".field-quantity .readonly").strip() == "12"

    # On the product page it is read-only too, and a forged form field is ignored on save.
    page.goto(f"/admin/catalog/product/{variant.product_id}/change/")
    assert page.inner_text("#variants-group td.field-quantity").strip() == "12"
    page.evaluate("""() => {
        const input = document.createElement('input');
        input.type = 'hidden'; input.name = 'variants-0-quantity'; input.value = '999';
        document.querySelector('#product_form').appendChild(input);
    }""")
    page.fill("#id_variants-0-price", "34.00")
    submit(page, "input[name=_continue]")
    assert any("was changed successfully" in message for message in messages(page)), messages(page)
    variant.refresh_from_db()
    assert (variant.quantity, str(variant.price)) == (12, "34.00")
    assert StockMovement.objects.count() == 1


def _photo(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (480, 480), colour)
    ImageDraw.Draw(image).ellipse((140, 140, 340, 340), fill=(250, 240, 220))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_staff_upload_product_photos_and_see_previews(admin_page):
    page = admin_page
    product = ProductFactory(name="Midnight Fig", category=CategoryFactory(name="Candles"), tags=["fig"],
                             top_notes="green fig, bergamot", heart_notes="jasmine", base_notes="cedar, musk")
    small = VariantFactory(product=product, sku="FIG-4OZ", name="4 oz", price="18.00", quantity=2, position=0)
    VariantFactory(product=product, sku="FIG-8OZ", name="8 oz", price="32.00", quantity=40, position=1)
    ProductMedia.objects.create(product=product, image=ContentFile(_photo((60, 40, 90)), name="photo.png"),
                                alt="The candle", position=0)

    page.goto(f"/admin/catalog/product/{product.pk}/change/")
    assert page.locator("#variants-group tbody tr.has_original").count() == 2
    # The media inline's variant choice offers this product's variants only.
    options = page.locator("#id_media-0-variant option").all_inner_texts()
    assert sorted(options[1:]) == ["FIG-4OZ (4 oz)", "FIG-8OZ (8 oz)"]

    # A file that is not an image is refused next to the field; nothing is stored.
    page.click("#media-group .add-row a")
    page.set_input_files("#id_media-1-image", files=[
        {"name": "tin.png", "mimeType": "image/png", "buffer": b"not really a picture"}])
    submit(page, "input[name=_continue]")
    assert "valid image" in page.inner_text("#media-group .errorlist")
    assert product.media.count() == 1

    # A real photo, tied to the 4 oz variant.
    page.set_input_files("#id_media-1-image", files=[
        {"name": "tin.png", "mimeType": "image/png", "buffer": _photo((150, 110, 60))}])
    page.fill("#id_media-1-alt", "4 oz tin")
    page.fill("#id_media-1-position", "1")
    page.select_option("#id_media-1-variant", str(small.pk))
    submit(page, "input[name=_continue]")
    assert any("was changed successfully" in message for message in messages(page)), messages(page)
    uploaded = product.media.get(alt="4 oz tin")
    assert (uploaded.variant, uploaded.width, uploaded.height) == (small, 480, 480)
    assert uploaded.image.name.startswith(f"products/{product.pk}/")

    assert page.locator("#media-group tbody tr.has_original").count() == 2
    previews = page.locator("#media-group td.field-preview img")
    # Every preview actually loaded (the browser decoded the image served from /media/).
    widths = previews.evaluate_all("images => images.map(image => image.complete && image.naturalWidth)")
    assert widths == [480, 480]
    page.screenshot(path=SCREENSHOT, full_page=True)

    # The change list shows the first image as a thumbnail.
    page.goto("/admin/catalog/product/")
    thumbnail = page.locator("#result_list .field-thumbnail img")
    assert thumbnail.evaluate("image => image.complete && image.naturalWidth") == 480
    assert Variant.objects.filter(product=product).count() == 2


def test_staff_publish_and_archive_products_in_bulk_but_never_delete_them(admin_page):
    page = admin_page
    draft = ProductFactory(name="Draft Amber", status=Product.Status.DRAFT)
    live = ProductFactory(name="Old Rose", status=Product.Status.ACTIVE)

    page.goto("/admin/catalog/product/")
    actions = page.locator("select[name=action] option").evaluate_all("options => options.map(o => o.value)")
    assert actions == ["", "make_active", "make_draft", "archive"]  # no "Delete selected"
    run_action(page, "make_active", draft.pk)
    assert "1 product(s) now active." in messages(page)
    run_action(page, "archive", draft.pk, live.pk)
    assert "2 product(s) now archived." in messages(page)
    assert set(Product.objects.values_list("status", flat=True)) == {"archived"}
    page.goto(f"/admin/catalog/product/{live.pk}/change/")
    assert page.locator(".deletelink").count() == 0
