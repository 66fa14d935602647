"""Note stock under real concurrency on PostgreSQL: threads, each with its own connection."""

from decimal import Decimal

import pytest
from django.db import connection, transaction

from blends.models import Note, NoteStockMovement
from blends.services import note_stock_take_many
from moodmnky.actors import SYSTEM
from tests.blends.factories import NoteFactory
from tests.concurrency import outcome_names, run_concurrently

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]


def test_twenty_takes_of_a_tenth_never_oversell_the_note():
    note = NoteFactory(stock_grams=Decimal("10.00"))

    def take(index: int):
        note_stock_take_many(items=[(note.pk, Decimal("1.00"))], reference=f"order-{index}", actor=SYSTEM)

    outcomes = outcome_names(run_concurrently(take, [(index,) for index in range(20)]))

    assert outcomes.count("ok") == 10
    assert outcomes.count("NoteOutOfStockError") == 10
    assert Note.objects.get(pk=note.pk).stock_grams == Decimal("0.00")
    afters = sorted(NoteStockMovement.objects.filter(note=note).values_list("grams_after", flat=True))
    assert afters == [Decimal(n) for n in range(10)]  # never negative, no repeats


def test_multi_note_takes_in_opposite_orders_do_not_deadlock():
    first, second = NoteFactory(stock_grams=Decimal("100")), NoteFactory(stock_grams=Decimal("100"))
    orders = [[(first.pk, Decimal("1.5")), (second.pk, Decimal("2"))], [(second.pk, Decimal("2")),
                                                                        (first.pk, Decimal("1.5"))]]

    def checkout(index: int):
        with transaction.atomic():
            note_stock_take_many(items=orders[index % 2], reference=f"order-{index}", actor=SYSTEM)

    outcomes = outcome_names(run_concurrently(checkout, [(index,) for index in range(16)]))

    assert outcomes == ["ok"] * 16
    assert Note.objects.get(pk=first.pk).stock_grams == Decimal("76.00")
    assert Note.objects.get(pk=second.pk).stock_grams == Decimal("68.00")
