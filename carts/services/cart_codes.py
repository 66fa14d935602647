"""Discount codes on a cart: apply (checked against every rule) and remove."""

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from carts.discount_rules import discount_check, discount_find, discount_scope_prefetches
from carts.errors import DiscountNotOnCartError
from carts.models import Cart, CartDiscount
from carts.selectors import cart_line_inputs, cart_loaded_with
from carts.services.carts import cart_lock_loaded, cart_lock_open


@transaction.atomic
def cart_apply_discount(*, cart: Cart, code: str, customer=None) -> Cart:
    """Apply a code to an open cart; re-applying a code already on it changes nothing. Returns the cart
    loaded (lines and codes, as after the write) for pricing, without reading it again.

    Raises DiscountCodeError (400, field `code`) when it is unknown, inactive, not started,
    expired, used up (in total or by this shopper), applies to nothing in the cart, the cart is
    below its minimum, or it does not combine with a code already applied.
    """
    cart = cart_lock_loaded(cart, timezone.now(), code_scopes=False)
    discount = discount_find(code, with_scope=False)
    applications = list(cart.applied_discounts.all())
    applied = [application.discount for application in applications]
    known = next((other for other in applied if other.pk == discount.pk), None)
    # The products and categories of every code, the new one included, in one read of each.
    prefetch_related_objects(applied if known else [*applied, discount], *discount_scope_prefetches())
    if known is not None:
        return cart
    discount_check(discount=discount, lines=cart_line_inputs(cart.items.all()), applied=applied,
                   customer=customer or cart.customer, email=cart.email)
    applications.append(CartDiscount.objects.create(cart=cart, discount=discount))
    return cart_loaded_with(cart, discounts=applications)


@transaction.atomic
def cart_remove_discount(*, cart: Cart, code: str) -> None:
    """Take a code (any letter case) off an open cart; a code not on it is DiscountNotOnCartError."""
    cart = cart_lock_open(cart.pk)
    deleted, _ = CartDiscount.objects.filter(cart=cart, discount__code__iexact=(code or "").strip()).delete()
    if not deleted:
        raise DiscountNotOnCartError()
    cart.last_activity_at = timezone.now()
    cart.save(update_fields=["last_activity_at"])
