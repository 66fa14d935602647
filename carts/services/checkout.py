"""What the orders app calls at checkout: lock and read a cart, re-check its codes, count their use."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from carts.discount_rules import (
    discount_check_customer_uses,
    discount_check_state,
    discount_combines,
    discount_per_customer_message,
    discount_uses_by,
)
from carts.errors import DiscountCodeError
from carts.models import Cart, DiscountCode, DiscountUsage
from carts.selectors import PricedCart, cart_price
from carts.services.carts import cart_lock_open


def cart_lock_for_checkout(*, cart_id) -> Cart:
    """Lock an open cart until the caller's transaction ends and return it fully loaded.

    Call inside `transaction.atomic()`: a second checkout of the same cart waits here, then finds
    it `checked_out` (CartNotOpenError, 409). Raises CartNotFoundError for an unknown id.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("cart_lock_for_checkout must run inside transaction.atomic().")
    return cart_lock_open(cart_id, loaded=True)  # one query for the row, locked, then its lines and codes


def cart_mark_checked_out(*, cart: Cart) -> None:
    # One UPDATE is atomic on its own: no transaction (a savepoint inside checkout's) needed.
    Cart.objects.filter(pk=cart.pk).update(status=Cart.Status.CHECKED_OUT, last_activity_at=timezone.now())


@dataclass
class CheckoutDiscounts:
    priced: PricedCart  # the cart priced exactly as the order will be charged
    codes_to_record: list[DiscountCode]  # pass each to discount_record_usage with the order


def discount_validate_for_checkout(*, cart: Cart, customer=None, email: str = "",
                                   shipping_method: str | None = None) -> CheckoutDiscounts:
    """Check the cart's codes again at checkout and price the cart with the survivors.

    A code that is inactive, not started, expired or used up (in total or by this customer or
    email) refuses the checkout (DiscountCodeError, 400, field `code`). A code the cart no longer
    qualifies for (below its minimum, nothing it applies to) does not: it saves 0.00 and its use
    is not counted. `cart` must come from cart_lock_for_checkout.
    """
    now = timezone.now()
    applied = [application.discount for application in cart.applied_discounts.all()]
    for index, discount in enumerate(applied):
        discount_check_state(discount, now)
        discount_check_customer_uses(discount, customer=customer, email=email)
        earlier = applied[:index]
        if earlier and not discount_combines(discount, earlier):
            raise DiscountCodeError(f"The code {discount.code} can't be combined with "
                                    f"{earlier[0].code}. Remove one of them.")
    priced = cart_price(cart, shipping_method=shipping_method, now=now)
    return CheckoutDiscounts(priced=priced,
                             codes_to_record=[code.discount for code in priced.codes if code.applicable])


@transaction.atomic
def discount_record_usage(*, discount: DiscountCode, customer=None, email: str = "",
                          order_reference: str = "") -> DiscountUsage:
    """Count one use of a code by an order; never lets concurrent checkouts pass either limit.

    One conditional UPDATE (`times_used < usage_limit`) takes a use; it also holds the code's row
    lock until the caller commits, so the per-customer count that follows is serialised too.
    Raises DiscountCodeError (400, field `code`) when either limit is used up; the caller's
    transaction (the order) then rolls back.
    """
    taken = DiscountCode.objects.filter(
        Q(usage_limit__isnull=True) | Q(times_used__lt=F("usage_limit")), pk=discount.pk
    ).update(times_used=F("times_used") + 1)
    if not taken:
        raise DiscountCodeError(f"The code {discount.code} has reached its usage limit.",
                                discount_id=discount.pk)
    email = (email or "").strip().lower()
    limit = discount.usage_limit_per_customer
    if limit is not None and (customer is not None or email) and discount_uses_by(
            discount, customer=customer, email=email) >= limit:
        raise DiscountCodeError(discount_per_customer_message(discount), discount_id=discount.pk)
    return DiscountUsage.objects.create(discount=discount, code=discount.code, customer=customer, email=email,
                                        order_reference=str(order_reference)[:100])
