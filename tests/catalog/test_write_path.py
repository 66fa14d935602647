"""The admin, the API and commands write through the same services, rules and actor."""

import io
import re

import pytest
from django.core.management import call_command

from catalog import cache as catalog_cache
from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from catalog.services import category_delete, product_create, product_update, variant_update
from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks.models import Event
from tests.catalog.factories import CategoryFactory, CollectionFactory, ProductFactory, VariantFactory
from tests.catalog.images import image_upload

pytestmark = pytest.mark.django_db
RANDOM_NAME = re.compile(r"products/\d+/[0-9a-f]{32}\.png")


def product_form(product, **extra) -> dict:
    return {
        "name": product.name, "slug": product.slug, "status": product.status, "product_type": product.product_type,
        "category": product.category_id or "", "tags": ", ".join(product.tags), "description": "",
        "top_notes": "", "heart_notes": "", "base_notes": "",
        "variants-TOTAL_FORMS": 0, "variants-INITIAL_FORMS": 0, "variants-MIN_NUM_FORMS": 0,
        "variants-MAX_NUM_FORMS": 1000,
        "media-TOTAL_FORMS": 0, "media-INITIAL_FORMS": 0, "media-MIN_NUM_FORMS": 0, "media-MAX_NUM_FORMS": 1000,
        **extra,
    }


def test_an_image_uploaded_in_the_admin_gets_the_same_random_name_as_through_the_api(admin_site_client, admin_client):
    product = ProductFactory()

    admin_site_client.post(f"/admin/catalog/product/{product.pk}/change/", product_form(product, **{
        "media-TOTAL_FORMS": 1, "media-0-image": image_upload("My Holiday Photo.png"), "media-0-alt": "x",
        "media-0-position": 0}))
    admin_client.post(f"/api/v1/products/{product.pk}/media/", {"image": image_upload("api.png")},
                      format="multipart")

    names = [media.image.name for media in ProductMedia.objects.filter(product=product)]
    assert len(names) == 2
    assert all(RANDOM_NAME.fullmatch(name) for name in names), names


def test_an_admin_save_with_inlines_records_one_event_with_the_staff_actor(admin_site_client, staff_user):
    variant = VariantFactory(sku="ONE-1", quantity=2)
    product = variant.product
    Event.objects.all().delete()

    response = admin_site_client.post(f"/admin/catalog/product/{product.pk}/change/", product_form(product, **{
        "name": "Renamed in admin", "tags": "Fig, fig, Autumn",
        "variants-TOTAL_FORMS": 2, "variants-INITIAL_FORMS": 1,
        "variants-0-id": variant.pk, "variants-0-product": product.pk, "variants-0-sku": "ONE-1",
        "variants-0-name": variant.name, "variants-0-price": "44.00", "variants-0-low_stock_threshold": 5,
        "variants-0-track_inventory": "on", "variants-0-position": 0,
        "variants-1-sku": "ONE-2", "variants-1-name": "Mini", "variants-1-price": "9.00",
        "variants-1-low_stock_threshold": 5, "variants-1-track_inventory": "on", "variants-1-position": 1}))

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.type, event.actor_label) == ("product.updated", staff_user.email)
    assert event.data["name"] == "Renamed in admin"
    assert event.data["tags"] == ["fig", "autumn"]  # the service's tag rule, not the form's
    assert [(v["sku"], v["price"]) for v in event.data["variants"]] == [("ONE-1", "44.00"), ("ONE-2", "9.00")]
    assert Product.objects.get(pk=product.pk).min_price == 9


@pytest.mark.parametrize("slug", ["bulk", "1234"])
def test_reserved_slugs_are_refused_by_the_service_the_api_and_the_admin(slug, admin_client, admin_site_client):
    product = ProductFactory()

    with pytest.raises(ValidationFailedError) as refused:
        product_create(actor=SYSTEM, name="Reserved", product_type="soap", slug=slug)
    api = admin_client.patch(f"/api/v1/products/{product.pk}/", {"slug": slug}, format="json")
    admin = admin_site_client.post(f"/admin/catalog/product/{product.pk}/change/", product_form(product, slug=slug))

    assert refused.value.field == "slug"
    assert api.status_code == 400 and api.json()["error"]["details"][0] == {"field": "slug",
                                                                           "message": refused.value.message}
    assert admin.status_code == 200 and refused.value.message in admin.context["adminform"].form.errors["slug"]
    assert Product.objects.get(pk=product.pk).slug == product.slug


def test_update_services_take_named_fields_only():
    product = ProductFactory()

    with pytest.raises(TypeError):
        product_update(actor=SYSTEM, product_id=product.pk, search_text="sneaky")
    with pytest.raises(TypeError):
        variant_update(actor=SYSTEM, variant_id=VariantFactory().pk, quantity=99)


def test_the_admin_refuses_turning_off_backorder_below_zero(admin_site_client):
    variant = VariantFactory(quantity=-2, allow_backorder=True)

    response = admin_site_client.post(f"/admin/catalog/variant/{variant.pk}/change/", {
        "sku": variant.sku, "name": variant.name, "options": "{}", "price": "9.00", "track_inventory": "on",
        "low_stock_threshold": 2, "position": 0})

    assert response.status_code == 200
    assert "receive stock before turning off backorders" in str(response.context["adminform"].form.errors)
    assert Variant.objects.get(pk=variant.pk).allow_backorder is True


def test_taxonomy_admin_writes_through_the_services(admin_site_client, staff_user):
    parent = CategoryFactory()
    product = ProductFactory(category=parent)
    Event.objects.all().delete()

    added = admin_site_client.post("/admin/catalog/category/add/", {
        "name": "Jar candles", "slug": "jar-candles", "parent": parent.pk, "position": 3, "description": ""})
    loop = admin_site_client.post(f"/admin/catalog/category/{parent.pk}/change/", {
        "name": parent.name, "slug": parent.slug, "parent": Category.objects.get(slug="jar-candles").pk,
        "position": 0, "description": ""}, follow=True)
    deleted = admin_site_client.post(f"/admin/catalog/category/{parent.pk}/delete/", {"post": "yes"})

    assert added.status_code == 302 and Category.objects.get(slug="jar-candles").position == 3
    assert any("cannot sit below itself" in str(m) for m in loop.context["messages"])
    assert deleted.status_code == 302 and not Category.objects.filter(pk=parent.pk).exists()
    event = Event.objects.get()
    assert (event.type, event.data["id"], event.data["category"], event.actor_label) == (
        "product.updated", product.pk, None, staff_user.email)


def test_collection_delete_announces_each_product_with_the_actor():
    collection = CollectionFactory()
    products = ProductFactory.create_batch(2)
    collection.products.set(products)

    category_delete(actor=Actor.system_job("cleanup"), category_id=CategoryFactory().pk)
    from catalog.services import collection_delete

    collection_delete(actor=Actor.system_job("cleanup"), collection_id=collection.pk)

    assert not Collection.objects.exists()
    assert sorted(Event.objects.values_list("data__id", flat=True)) == sorted(p.pk for p in products)
    assert set(Event.objects.values_list("actor_label", flat=True)) == {"cleanup"}


def test_import_announces_each_product_once_and_names_the_command(tmp_path):
    product = VariantFactory(sku="IMP-1", quantity=1).product
    Event.objects.all().delete()
    path = tmp_path / "catalog.csv"
    path.write_text("product_slug,product_name,product_type,sku,variant_name,price,quantity\n"
                    f"{product.slug},{product.name},,IMP-1,8 oz,10.00,5\n"
                    f"{product.slug},{product.name},,IMP-2,4 oz,6.00,2\n"
                    f"{product.slug},{product.name},,IMP-3,2 oz,4.00,\n"
                    "fresh,Fresh,soap,NEW-1,8 oz,10.00,3\n"
                    "fresh,Fresh,soap,NEW-2,4 oz,5.00,\n")

    call_command("import_catalog", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    product_events = list(Event.objects.filter(type__startswith="product.").values_list("type", "data__slug"))
    assert sorted(product_events) == [("product.created", "fresh"), ("product.updated", product.slug)]
    assert len(Event.objects.get(type="product.updated").data["variants"]) == 3
    assert set(StockMovement.objects.values_list("actor_label", flat=True)) == {"import_catalog"}


def test_bulk_stock_forgets_the_list_cache_once_per_request(admin_client, monkeypatch,
                                                             django_capture_on_commit_callbacks):
    variants = VariantFactory.create_batch(5, quantity=10)
    calls = []
    monkeypatch.setattr(catalog_cache.cache, "delete_many",
                        lambda keys, *args, **kwargs: calls.append(list(keys)))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/api/v1/inventory/bulk/", {
            "items": [{"sku": variant.sku, "adjust": -1} for variant in variants]}, format="json")

    assert response.status_code == 200
    assert len(calls) == 2  # once now, once after commit
    assert calls[0] == calls[1] and len([key for key in calls[0] if ":v:product:" in key]) == 5
