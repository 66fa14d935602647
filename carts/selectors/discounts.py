"""Discount code reads for staff: the list, usage counts, and the state filter."""

from datetime import datetime

from django.db.models import Count, F, Q, QuerySet

from carts.discount_rules import discount_scope_prefetches
from carts.models import Cart, DiscountCode


def discount_list() -> QuerySet[DiscountCode]:
    return DiscountCode.objects.prefetch_related(*discount_scope_prefetches()).order_by("-created_at", "-id")


def discount_with_usage_counts() -> QuerySet[DiscountCode]:
    return DiscountCode.objects.annotate(
        usage_count=Count("usages", distinct=True),
        open_cart_count=Count("cart_applications", filter=Q(cart_applications__cart__status=Cart.Status.OPEN),
                              distinct=True),
    )


def discount_state_q(state: str, now: datetime) -> Q:
    """Codes in one of DiscountCode.STATES, decided as DiscountCode.state() decides (API and admin filters)."""
    if state == "inactive":
        return Q(is_active=False)
    if state == "scheduled":
        return Q(is_active=True, starts_at__gt=now)
    if state == "expired":
        return Q(is_active=True, ends_at__lte=now)
    running = Q(is_active=True) & (Q(starts_at__isnull=True) | Q(starts_at__lte=now)) & (
        Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    used_up = Q(usage_limit__isnull=False, times_used__gte=F("usage_limit"))
    return running & used_up if state == "exhausted" else running & ~used_up
