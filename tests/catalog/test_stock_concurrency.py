"""Real concurrency on PostgreSQL: threads, each with its own database connection."""

import pytest
from django.db import connection, transaction

from catalog.models import StockMovement, Variant
from catalog.services import stock_adjust, stock_move, stock_set, stock_take_many
from moodmnky.actors import SYSTEM
from tests.catalog.factories import VariantFactory
from tests.concurrency import outcome_names, run_concurrently

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]


def test_twenty_buyers_for_ten_units_sell_exactly_ten():
    variant = VariantFactory(quantity=10)

    def buy(index: int):
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale", reference=f"order-{index}")

    outcomes = outcome_names(run_concurrently(buy, [(index,) for index in range(20)]))

    assert outcomes.count("ok") == 10
    assert outcomes.count("VariantOutOfStockError") == 10
    assert Variant.objects.get(pk=variant.pk).quantity == 0
    sales = StockMovement.objects.filter(variant=variant, reason="sale")
    assert sales.count() == 10
    assert sorted(sales.values_list("quantity_after", flat=True)) == list(range(10))  # never negative, no repeats


def test_uneven_takes_never_go_below_zero():
    variant = VariantFactory(quantity=25)

    def buy(index: int):
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-(1 + index % 4), reason="sale")

    outcomes = outcome_names(run_concurrently(buy, [(index,) for index in range(16)]))

    final = Variant.objects.get(pk=variant.pk).quantity
    taken = -sum(StockMovement.objects.filter(variant=variant).values_list("delta", flat=True))
    assert final >= 0
    assert final == 25 - taken
    assert outcomes.count("ok") == StockMovement.objects.filter(variant=variant).count()


def test_multi_line_takes_in_opposite_orders_do_not_deadlock():
    first, second, third = (VariantFactory(quantity=30) for _ in range(3))
    orders = [[(first.pk, 1), (second.pk, 1), (third.pk, 1)], [(third.pk, 1), (second.pk, 1), (first.pk, 1)]]

    def checkout(index: int):
        with transaction.atomic():
            stock_take_many(actor=SYSTEM, items=orders[index % 2], reference=f"order-{index}")

    outcomes = outcome_names(run_concurrently(checkout, [(index,) for index in range(20)]))

    assert outcomes == ["ok"] * 20
    assert [Variant.objects.get(pk=v.pk).quantity for v in (first, second, third)] == [10, 10, 10]


def test_all_or_nothing_checkouts_under_contention():
    scarce, plenty = VariantFactory(quantity=5), VariantFactory(quantity=100)

    def checkout(index: int):
        with transaction.atomic():
            stock_take_many(actor=SYSTEM, items=[(plenty.pk, 2), (scarce.pk, 1)])

    outcomes = outcome_names(run_concurrently(checkout, [(index,) for index in range(12)]))

    assert outcomes.count("ok") == 5
    assert Variant.objects.get(pk=scarce.pk).quantity == 0
    assert Variant.objects.get(pk=plenty.pk).quantity == 100 - 2 * 5  # failed checkouts took nothing


def test_stock_counts_and_sales_interleave_consistently():
    variant = VariantFactory(quantity=50)

    def work(index: int):
        if index % 5 == 0:
            stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=40)
        elif index % 5 == 1:
            stock_adjust(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="damage")
        else:
            stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")

    outcomes = outcome_names(run_concurrently(work, [(index,) for index in range(20)]))

    assert set(outcomes) == {"ok"}
    movements = list(StockMovement.objects.filter(variant=variant).order_by("id"))
    running = 50
    for movement in movements:  # the ledger replays exactly to every recorded quantity
        running += movement.delta
        assert movement.quantity_after == running
    assert Variant.objects.get(pk=variant.pk).quantity == running >= 0

