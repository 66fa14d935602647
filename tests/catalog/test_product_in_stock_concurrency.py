"""`Product.in_stock` under real concurrency (PostgreSQL): racing writers on one product's variants."""

import pytest
from django.db import connection, transaction

from catalog.models import Product
from catalog.services import stock_move, stock_take_many, variant_update
from moodmnky.actors import SYSTEM
from tests.catalog.factories import ProductFactory, VariantFactory
from tests.concurrency import outcome_names, run_concurrently

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]


def stored(product_id: int) -> bool:
    return Product.objects.values_list("in_stock", flat=True).get(pk=product_id)


def test_selling_the_last_unit_of_two_variants_at_once_leaves_the_product_sold_out():
    for _round in range(8):  # each round a fresh product: the race is in the few microseconds of overlap
        product = ProductFactory()
        variants = [VariantFactory(product=product, quantity=1) for _ in range(2)]
        assert stored(product.pk) is True

        def sell(variant_id: int):
            stock_move(actor=SYSTEM, variant_id=variant_id, delta=-1, reason="sale")

        assert outcome_names(run_concurrently(sell, [(v.pk,) for v in variants])) == ["ok", "ok"]
        assert stored(product.pk) is False


def test_a_restock_racing_the_last_sale_leaves_the_product_in_stock():
    for _round in range(8):
        product = ProductFactory()
        selling, restocked = VariantFactory(product=product, quantity=1), VariantFactory(product=product, quantity=0)

        def move(variant_id: int, delta: int):
            stock_move(actor=SYSTEM, variant_id=variant_id, delta=delta, reason="sale" if delta < 0 else "receive")

        assert outcome_names(run_concurrently(move, [(selling.pk, -1), (restocked.pk, 3)])) == ["ok", "ok"]
        assert stored(product.pk) is True


def test_a_variant_edit_racing_the_last_sale_leaves_the_product_sold_out():
    for _round in range(8):
        product = ProductFactory()
        untracked = VariantFactory(product=product, quantity=0, track_inventory=False)
        last = VariantFactory(product=product, quantity=1)

        def write(kind: str, variant_id: int):
            if kind == "sale":
                stock_move(actor=SYSTEM, variant_id=variant_id, delta=-1, reason="sale")
            else:  # tracking a variant at 0 makes it unsellable
                variant_update(actor=SYSTEM, variant_id=variant_id, track_inventory=True)

        assert outcome_names(run_concurrently(write, [("sale", last.pk), ("edit", untracked.pk)])) == ["ok", "ok"]
        assert stored(product.pk) is False


def test_checkouts_selling_out_shared_products_in_opposite_orders_do_not_deadlock():
    products = [ProductFactory() for _ in range(3)]
    variants = [VariantFactory(product=product, quantity=2) for product in products for _ in range(2)]
    carts = [[(v.pk, 1) for v in variants], [(v.pk, 1) for v in reversed(variants)]]

    def checkout(index: int):
        with transaction.atomic():
            stock_take_many(actor=SYSTEM, items=carts[index], reference=f"order-{index}")

    assert outcome_names(run_concurrently(checkout, [(0,), (1,)])) == ["ok", "ok"]
    assert [stored(product.pk) for product in products] == [False, False, False]
