"""Arranging a live test: its marks, and data written with the ORM into the database the servers use."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection

from blends.services import note_stock_adjust
from catalog.services import stock_move
from moodmnky.actors import SYSTEM
from moodmnky.tokens import tokens_for
from tests.blends.factories import NoteFactory
from tests.catalog.factories import VariantFactory
from tests.customers.factories import CustomerFactory

LIVE = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL (DATABASE_URL): the servers share one database with row locks"),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (REDIS_URL): the servers share one cache"),
    pytest.mark.django_db(transaction=True),
]


def stocked_variant(quantity: int, price: str = "20.00"):
    """A variant whose whole stock came in through the ledger (a `receive` movement)."""
    variant = VariantFactory(quantity=0, price=Decimal(price))
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=quantity, reason="receive")
    variant.refresh_from_db()
    return variant


def stocked_note(grams: str):
    note = NoteFactory(stock_grams=Decimal("0.00"))
    note_stock_adjust(note_id=note.pk, delta=Decimal(grams), reason="receive", actor=SYSTEM)
    note.refresh_from_db()
    return note


def signed_in_customer():
    """(customer, access token) minted here with the servers' signing key."""
    customer = CustomerFactory()
    return customer, tokens_for(customer)["access_token"]
