"""`Product.in_stock` (a sellable variant exists) is right after every write that can flip it."""

import importlib
import random
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from catalog.models import Product, Variant
from catalog.services import (
    product_archive,
    product_create,
    product_refresh_denormalized,
    product_update,
    stock_adjust,
    stock_move,
    stock_set,
    stock_take_many,
    variant_create,
    variant_delete,
    variant_update,
)
from moodmnky.actors import SYSTEM
from tests.catalog.factories import ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db


def stored(product) -> bool:
    return Product.objects.values_list("in_stock", flat=True).get(pk=product.pk)


def assert_consistent():
    """The column equals the computed truth for every product."""
    wrong = Product.objects.annotate(now=Product.in_stock_now()).exclude(in_stock=F("now"))
    assert list(wrong.values_list("name", "in_stock")) == []


def test_a_product_without_variants_is_not_in_stock():
    product = product_create(actor=SYSTEM, name="Empty", product_type="candle", status="active")
    assert stored(product) is False


def test_product_create_with_stocked_and_unstocked_variants():
    stocked = product_create(actor=SYSTEM, name="Stocked", product_type="candle", variants=[
        {"sku": "S-1", "name": "8 oz", "price": Decimal("10"), "quantity": 0},
        {"sku": "S-2", "name": "4 oz", "price": Decimal("8"), "quantity": 3}])
    empty = product_create(actor=SYSTEM, name="Sold out", product_type="candle", variants=[
        {"sku": "E-1", "name": "8 oz", "price": Decimal("10"), "quantity": 0}])
    assert (stored(stocked), stored(empty)) == (True, False)


def test_selling_the_last_unit_and_restocking_flip_it():
    variant = VariantFactory(quantity=1)
    assert stored(variant.product) is True
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")
    assert stored(variant.product) is False
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=4, reason="receive")
    assert stored(variant.product) is True


def test_a_sale_leaving_another_variant_in_stock_keeps_it():
    variant = VariantFactory(quantity=1)
    VariantFactory(product=variant.product, quantity=2)
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")
    assert stored(variant.product) is True


def test_adjust_and_set_flip_it():
    variant = VariantFactory(quantity=2)
    stock_adjust(actor=SYSTEM, variant_id=variant.pk, delta=-2, reason="damage")
    assert stored(variant.product) is False
    stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=5)
    assert stored(variant.product) is True
    stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=0)
    assert stored(variant.product) is False


def test_stock_take_many_flips_only_the_products_it_sold_out():
    last = VariantFactory(quantity=1)
    plenty = VariantFactory(quantity=9)
    with transaction.atomic():
        stock_take_many(actor=SYSTEM, items=[(last.pk, 1), (plenty.pk, 2)], reference="order-1")
    assert (stored(last.product), stored(plenty.product)) == (False, True)


def test_a_backorder_or_untracked_variant_stays_in_stock_at_zero():
    backorder = VariantFactory(quantity=0, allow_backorder=True)
    untracked = VariantFactory(quantity=0, track_inventory=False)
    stock_move(actor=SYSTEM, variant_id=backorder.pk, delta=-3, reason="sale")
    assert (stored(backorder.product), stored(untracked.product)) == (True, True)


def test_variant_create_update_and_delete_flip_it():
    product = ProductFactory()
    assert stored(product) is False
    variant = variant_create(actor=SYSTEM, product_id=product.pk, sku="V-1", name="8 oz", price=Decimal("9"))
    assert stored(product) is False  # no opening stock
    variant_update(actor=SYSTEM, variant_id=variant.pk, track_inventory=False)
    assert stored(product) is True
    variant_update(actor=SYSTEM, variant_id=variant.pk, track_inventory=True)
    assert stored(product) is False
    variant_update(actor=SYSTEM, variant_id=variant.pk, allow_backorder=True)
    assert stored(product) is True
    variant_update(actor=SYSTEM, variant_id=variant.pk, allow_backorder=False)
    stocked = variant_create(actor=SYSTEM, product_id=product.pk, sku="V-2", name="4 oz", price=Decimal("7"),
                             quantity=2)
    assert stored(product) is True
    variant_delete(actor=SYSTEM, variant_id=stocked.pk)
    assert stored(product) is False


def test_opening_stock_writes_the_product_row_once():
    """A new variant's opening stock flips the product in stock; the product service's own update writes it, the
    stock movement does not lock and rewrite the product again."""
    product = ProductFactory()

    with CaptureQueriesContext(connection) as captured:
        variant_create(actor=SYSTEM, product_id=product.pk, sku="O-1", name="8 oz", price=Decimal("9"), quantity=4)

    product_writes = [q["sql"] for q in captured.captured_queries if q["sql"].startswith('UPDATE "catalog_product"')]
    assert len(product_writes) == 1, product_writes  # the service's own (search text, lowest price, in_stock)
    assert stored(product) is True


def test_status_changes_keep_the_stock_fact():
    variant = VariantFactory(quantity=3)
    product_update(actor=SYSTEM, product_id=variant.product_id, status="draft")
    assert stored(variant.product) is True
    product_archive(actor=SYSTEM, product_id=variant.product_id)
    assert stored(variant.product) is True  # hidden by status, not by stock; unarchiving shows it in stock


def test_refresh_repairs_a_stale_flag():
    variant = VariantFactory(quantity=3)
    Product.objects.filter(pk=variant.product_id).update(in_stock=False)
    product_refresh_denormalized([variant.product_id])
    assert stored(variant.product) is True


def test_the_migration_backfill_computes_every_product():
    backfill = importlib.import_module("catalog.migrations.0006_product_in_stock").backfill_in_stock
    sold_out = VariantFactory(quantity=0)
    VariantFactory(quantity=4)
    VariantFactory(quantity=0, allow_backorder=True)
    ProductFactory()  # no variants
    Product.objects.update(in_stock=~Product.in_stock_now())  # every flag wrong
    assert Product.objects.filter(pk=sold_out.product_id, in_stock=True).exists()
    backfill(apps, None)
    assert_consistent()


def test_the_column_matches_the_truth_across_a_varied_catalog_after_random_writes():
    rng = random.Random(14)
    variants = []
    for index in range(12):
        product = ProductFactory(name=f"Random {index}")
        for position in range(rng.randint(0, 3)):
            variants.append(VariantFactory(product=product, quantity=rng.choice([0, 0, 1, 2, 5]),
                                           track_inventory=rng.random() > 0.2,
                                           allow_backorder=rng.random() < 0.15, position=position))
    assert_consistent()
    for step in range(60):
        variant = Variant.objects.get(pk=rng.choice(variants).pk)
        action = rng.choice(["sale", "receive", "set", "flags", "take"])
        if action == "sale" and (variant.quantity > 0 or not variant.track_inventory or variant.allow_backorder):
            stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")
        elif action == "receive":
            stock_move(actor=SYSTEM, variant_id=variant.pk, delta=rng.randint(1, 3), reason="receive")
        elif action == "set" and variant.quantity >= 0:
            stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=rng.choice([0, 1, 3]))
        elif action == "flags" and variant.quantity >= 0:
            variant_update(actor=SYSTEM, variant_id=variant.pk, track_inventory=rng.random() > 0.3,
                           allow_backorder=rng.random() < 0.3)
        elif action == "take":
            sellable = [v for v in Variant.objects.filter(pk__in=[v.pk for v in variants]) if v.quantity >= 2
                        or not v.track_inventory or v.allow_backorder]
            picked = rng.sample(sellable, min(2, len(sellable)))
            with transaction.atomic():
                stock_take_many(actor=SYSTEM, items=[(v.pk, 1) for v in picked], reference=f"order-{step}")
        assert_consistent()
    assert Product.objects.filter(in_stock=True).exists() and Product.objects.filter(in_stock=False).exists()
