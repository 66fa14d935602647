"""Reads of customer data, shaped for the API and for other apps (orders read saved addresses here)."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from customers.models import Address, Customer, CustomerAuditEntry, LoyaltyTransaction
from customers.registry import OrderStats, export_parts, order_stats_provider
from customers.tiers import NextTier, next_tier_for

LOYALTY_RECENT_TRANSACTIONS = 50  # GET /customers/loyalty/ lists this many; the export has the whole ledger


@dataclass
class LoyaltySummary:
    membership_tier: str
    points: int
    lifetime_points: int
    next_tier: NextTier | None
    transactions: list[LoyaltyTransaction] = field(default_factory=list)


@dataclass
class CustomerExport:
    """Everything the platform holds about a customer: this app's parts, and `parts` from customers.registry."""

    profile: Customer
    addresses: list[Address]
    loyalty: LoyaltySummary
    account_history: list[CustomerAuditEntry]
    parts: dict[str, Any]


def address_list_for_customer(customer: Customer) -> QuerySet[Address]:
    return Address.objects.filter(customer_id=customer.pk)


def address_get_for_customer(customer: Customer, address_id) -> Address | None:
    """The customer's saved address `address_id`, or None (unknown, malformed or someone else's):
    callers answer 404, or a 400 naming their field (e.g. shipping_address_id)."""
    try:
        address_id = int(address_id)
    except (TypeError, ValueError):
        return None
    return Address.objects.filter(customer_id=customer.pk, pk=address_id).first()


def audit_entries_for_customer(customer: Customer) -> QuerySet[CustomerAuditEntry]:
    return CustomerAuditEntry.objects.filter(customer_id=customer.pk).order_by("-created_at", "-id")


def customer_order_stats(customer: Customer) -> OrderStats:
    """From the list annotations when the customer was read with them, else from the registered provider
    (asked once per instance: the serializers read the stats several times)."""
    if hasattr(customer, "order_count"):
        return OrderStats(total_orders=customer.order_count, total_spent=customer.total_spent,
                          last_order_date=getattr(customer, "last_order_date", None))
    if not hasattr(customer, "_order_stats"):
        customer._order_stats = order_stats_provider().stats_for(customer)
    return customer._order_stats


def customer_admin_queryset() -> QuerySet[Customer]:
    """Customers with order_count, total_spent and last_order_date annotated in the same query."""
    return order_stats_provider().annotate(Customer.objects.all())


def loyalty_summary(customer: Customer, *, limit: int | None = LOYALTY_RECENT_TRANSACTIONS) -> LoyaltySummary:
    transactions = LoyaltyTransaction.objects.filter(customer_id=customer.pk).order_by("-created_at", "-id")
    return LoyaltySummary(
        membership_tier=customer.membership_tier,
        points=customer.loyalty_points,
        lifetime_points=customer.lifetime_points,
        next_tier=next_tier_for(customer.lifetime_points),
        transactions=list(transactions if limit is None else transactions[:limit]),
    )


def customer_export(customer: Customer) -> CustomerExport:
    """The data export (GET /customers/profile/export/): the whole ledger and audit trail, and every
    part other apps registered (with the defaults of those nobody registered)."""
    return CustomerExport(
        profile=customer,
        addresses=list(address_list_for_customer(customer)),
        loyalty=loyalty_summary(customer, limit=None),
        account_history=list(audit_entries_for_customer(customer)),
        parts=export_parts(customer),
    )
