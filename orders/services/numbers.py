"""Order numbers MNKY-1001, MNKY-1002, ...: unique under any concurrency, gaps allowed (a rolled-back checkout)."""

from django.db import connection
from django.db.models import F

from orders.models import OrderNumberCounter

PREFIX = "MNKY-"
FIRST = 1001
SEQUENCE = "orders_order_number_seq"  # created by migration 0002 on PostgreSQL


def order_number_next() -> str:
    """The next number. PostgreSQL: nextval() of a sequence (never blocks, never repeats, survives
    rollbacks as a gap). Other databases: one counter row bumped with an UPDATE inside the caller's
    transaction (SQLite has a single writer, so the row cannot be read twice)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [SEQUENCE])
            value = cursor.fetchone()[0]
        return f"{PREFIX}{value}"
    if not OrderNumberCounter.objects.filter(pk=1).update(value=F("value") + 1):
        OrderNumberCounter.objects.create(pk=1, value=FIRST)
    return f"{PREFIX}{OrderNumberCounter.objects.values_list('value', flat=True).get(pk=1)}"
