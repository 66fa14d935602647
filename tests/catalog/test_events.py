import pytest
from django.db import transaction

from catalog.services import (
    media_add,
    media_delete,
    product_archive,
    product_create,
    product_update,
    stock_move,
    variant_create,
    variant_delete,
    variant_update,
)
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.catalog.factories import ProductFactory, VariantFactory
from tests.catalog.images import image_upload

pytestmark = pytest.mark.django_db


def types() -> list[str]:
    return list(Event.objects.order_by("created_at", "id").values_list("type", flat=True))


def test_product_lifecycle_events_carry_the_admin_representation():
    product = product_create(actor=SYSTEM, name="Evented", product_type="soap", status="active",
                             variants=[{"sku": "EV-1", "name": "Bar", "price": "8.00", "quantity": 4}])
    product_update(actor=SYSTEM, product_id=product.pk, name="Evented 2")
    product_archive(actor=SYSTEM, product_id=product.pk)

    created = Event.objects.get(type="product.created")
    assert created.data["variants"][0]["quantity"] == 4  # admin fields are in the payload
    assert created.data["variants"][0]["price"] == "8.00"
    assert Event.objects.get(type="product.updated").data["name"] == "Evented 2"
    assert Event.objects.get(type="product.deleted").data["status"] == "archived"


def test_variant_and_media_changes_record_product_updated():
    product = ProductFactory()

    variant = variant_create(actor=SYSTEM, product_id=product.pk, sku="V-1", name="8 oz", price="10.00")
    variant_update(actor=SYSTEM, variant_id=variant.pk, price="12.00")
    media = media_add(actor=SYSTEM, product_id=product.pk, image=image_upload())
    media_delete(actor=SYSTEM, media_id=media.pk)
    variant_delete(actor=SYSTEM, variant_id=variant.pk)

    assert types().count("product.updated") == 5
    assert Event.objects.filter(type="product.updated").first().data["variants"] == []


@pytest.mark.parametrize("change", [
    lambda: product_create(actor=SYSTEM, name="Rolled back", product_type="soap"),
    lambda: product_update(actor=SYSTEM, product_id=ProductFactory().pk, name="Rolled back"),
    lambda: stock_move(actor=SYSTEM, variant_id=VariantFactory(quantity=10, low_stock_threshold=9).pk, delta=-5,
                       reason="sale"),
    lambda: media_add(actor=SYSTEM, product_id=ProductFactory().pk, image=image_upload()),
])
def test_a_rolled_back_change_records_no_event(change):
    with pytest.raises(RuntimeError), transaction.atomic():
        change()
        assert Event.objects.exists()
        raise RuntimeError("the caller failed after the change")

    assert not Event.objects.exists()
