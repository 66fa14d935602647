"""Extension points other apps fill from their AppConfig.ready(), so customers never imports them
(export parts, order statistics, anonymizers; docs/customers.md "Registries")."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from django.db.models import DateTimeField, DecimalField, IntegerField, QuerySet, Value

# Parts the customers app fills itself; other apps may not replace them.
OWN_EXPORT_PARTS = ("profile", "addresses", "loyalty", "account_history")
# Parts other apps fill, with what the export shows until one registers.
EXPORT_PART_DEFAULTS: dict[str, Callable[[], Any]] = {"orders": list, "blends": list, "scent_profile": lambda: None}

_export_parts: dict[str, Callable[[Any], Any]] = {}
_anonymizers: list[Callable[[Any], None]] = []


@dataclass(frozen=True)
class OrderStats:
    total_orders: int = 0
    total_spent: Decimal = Decimal("0.00")
    last_order_date: datetime | None = None

    @property
    def average_order_value(self) -> Decimal:
        if not self.total_orders:
            return Decimal("0.00")
        return (Decimal(self.total_spent) / self.total_orders).quantize(Decimal("0.01"))


class OrderStatsProvider(Protocol):
    def stats_for(self, customer) -> OrderStats:
        """The statistics of one customer."""

    def annotate(self, queryset: QuerySet) -> QuerySet:
        """The customers annotated with `order_count` (int), `total_spent` (Decimal, 2 places) and
        `last_order_date` (datetime or None), in the same query (no query per row)."""


class NoOrderStats:
    """Until the orders app registers its provider: no orders, with constant annotations (no extra query)."""

    def stats_for(self, customer) -> OrderStats:
        return OrderStats()

    def annotate(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(
            order_count=Value(0, output_field=IntegerField()),
            total_spent=Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2)),
            last_order_date=Value(None, output_field=DateTimeField()),
        )


_order_stats: list[OrderStatsProvider] = [NoOrderStats()]


def register_export_part(name: str, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Add (or replace) the export part `name`, computed as fn(customer); returns fn (usable as a decorator)."""
    if name in OWN_EXPORT_PARTS:
        raise ValueError(f"The export part {name!r} belongs to the customers app.")
    _export_parts[name] = fn
    return fn


def export_parts(customer) -> dict[str, Any]:
    """Every part other apps provide, with the defaults for those nobody registered."""
    parts = {name: default() for name, default in EXPORT_PART_DEFAULTS.items()}
    parts.update({name: fn(customer) for name, fn in _export_parts.items()})
    return parts


def register_order_stats(provider: OrderStatsProvider) -> OrderStatsProvider:
    """Make `provider` the source of order statistics (the last registration wins)."""
    _order_stats[0] = provider
    return provider


def order_stats_provider() -> OrderStatsProvider:
    return _order_stats[0]


def register_anonymizer(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """Run fn(customer) inside the account-deletion transaction, before the account itself is anonymised."""
    if fn not in _anonymizers:
        _anonymizers.append(fn)
    return fn


def run_anonymizers(customer) -> None:
    for fn in list(_anonymizers):
        fn(customer)
