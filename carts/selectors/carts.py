"""Cart reads: a cart with its lines and codes in a fixed number of queries, access, abandoned carts."""

import uuid
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from blends.selectors import component_prefetch
from carts.discount_rules import discount_scope_prefetches
from carts.errors import CartNotFoundError
from carts.models import Cart, CartDiscount, CartItem


def cart_queryset() -> QuerySet[Cart]:
    """Carts with lines (variant and product joined) and codes (with their products and categories).

    Queries: the cart, its lines, its codes, and the codes' products and categories (these two
    only when a code is applied), plus the blends' components and IFRA limits (only when a blend line
    is there): never more, whatever the number of lines.
    """
    discounts = CartDiscount.objects.select_related("discount").prefetch_related(
        *discount_scope_prefetches("discount__"))
    return Cart.objects.prefetch_related(
        Prefetch("items", queryset=CartItem.objects.select_related(
            "variant__product", "blend__current_version", "product_base").prefetch_related(
            component_prefetch("blend__current_version__")).order_by("created_at", "id")),
        Prefetch("applied_discounts", queryset=discounts.order_by("created_at", "id")),
    )


def cart_get(*, cart_id, customer=None, loaded: bool = True) -> Cart:
    """The cart if this caller may use it: a guest cart is anyone's who knows its id, a customer's
    cart only that customer's. Anything else (including a malformed id) is CartNotFoundError.

    `loaded=False` reads the cart row alone (an access check before a write)."""
    try:
        pk = cart_id if isinstance(cart_id, uuid.UUID) else uuid.UUID(str(cart_id))
    except (ValueError, TypeError, AttributeError):
        raise CartNotFoundError() from None
    cart = (cart_queryset() if loaded else Cart.objects).filter(pk=pk).first()
    if cart is None or not cart_accessible(cart, customer):
        raise CartNotFoundError()
    return cart


def cart_accessible(cart: Cart, customer) -> bool:
    return cart.customer_id is None or (customer is not None and cart.customer_id == customer.pk)


def cart_abandoned(*, days: int, now: datetime | None = None) -> QuerySet[Cart]:
    """Guest carts (open or merged) with no activity for `days` days; checked-out carts stay."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Cart.objects.filter(customer__isnull=True, last_activity_at__lt=cutoff).exclude(
        status=Cart.Status.CHECKED_OUT)
