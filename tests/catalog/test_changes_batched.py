"""product_changes_batched(): one event per product, in one transaction with the writes, locking nothing again."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalog.models import Product
from catalog.services import product_changes_batched, product_update, variant_update
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.catalog.factories import VariantFactory


@pytest.mark.django_db
def test_a_batch_announces_each_product_once_with_its_final_state():
    variant = VariantFactory(sku="BATCH-1")
    product = variant.product
    Event.objects.all().delete()

    with transaction.atomic(), product_changes_batched():
        product_update(actor=SYSTEM, product_id=product.pk, name="First")
        variant_update(actor=SYSTEM, variant_id=variant.pk, name="Large")
        product_update(actor=SYSTEM, product_id=product.pk, name="Final")

    events = list(Event.objects.filter(type="product.updated"))
    assert len(events) == 1
    assert events[0].data["name"] == "Final"
    assert [row["name"] for row in events[0].data["variants"]] == ["Large"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no SELECT … FOR UPDATE")
def test_a_batch_does_not_lock_the_variants_again_when_it_announces():
    product = VariantFactory().product
    VariantFactory(product=product)

    with CaptureQueriesContext(connection) as queries, transaction.atomic(), product_changes_batched():
        product_update(actor=SYSTEM, product_id=product.pk, name="Once")

    variant_locks = [q["sql"] for q in queries if "FOR UPDATE" in q["sql"] and 'FROM "catalog_variant"' in q["sql"]]
    assert len(variant_locks) == 1  # product_update's own (_product_locked); announcing takes none
    assert Product.objects.get(pk=product.pk).name == "Once"


@pytest.mark.django_db(transaction=True)
def test_a_batch_outside_a_transaction_is_one_and_rolls_back_whole():
    variant = VariantFactory()
    product = variant.product
    Event.objects.all().delete()

    with pytest.raises(RuntimeError), product_changes_batched():
        product_update(actor=SYSTEM, product_id=product.pk, name="Rolled back")
        raise RuntimeError("a later step fails")

    assert Product.objects.get(pk=product.pk).name == product.name
    assert not Event.objects.exists()
