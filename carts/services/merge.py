"""Fold a guest cart into a signed-in customer's open cart (on login)."""

from django.db import transaction
from django.utils import timezone

from carts.discount_rules import discount_check
from carts.errors import CartNotOpenError, DiscountCodeError
from carts.lines import source_of
from carts.models import Cart, CartDiscount, CartItem
from carts.selectors import cart_line_inputs, cart_queryset
from carts.services.carts import MAX_LINE_QUANTITY, MAX_LINES, cart_create
from moodmnky.errors import ValidationFailedError


@transaction.atomic
def cart_merge(*, guest_cart: Cart, customer) -> Cart:
    """Move a guest cart's lines and codes into the customer's open cart (created if needed).

    Quantities of the same variant are summed, then capped by MAX_LINE_QUANTITY and by what can be
    sold now; lines whose product is no longer on sale are left behind. Codes come along only if
    they still pass every rule on the merged cart. The guest cart becomes `merged` and points to
    the customer's cart; merging it again returns that cart unchanged.
    """
    if guest_cart.customer_id is not None:
        raise ValidationFailedError("Only a guest cart can be merged into your cart.", field="id")
    target, _ = cart_create(customer=customer)
    # Both rows locked in one order (by id) so concurrent merges queue instead of deadlocking; their
    # lines and codes are read once, under the lock.
    locked = {cart.pk: cart for cart in
              cart_queryset().select_for_update().filter(pk__in=[guest_cart.pk, target.pk]).order_by("pk")}
    guest, target = locked[guest_cart.pk], locked[target.pk]
    if guest.status == Cart.Status.MERGED and guest.merged_into_id == target.pk:
        return target
    if not guest.is_open:
        raise CartNotOpenError("This cart can no longer be merged.", status=guest.status)

    merged_items = _merge_lines(guest, target)
    _merge_codes(guest, target, merged_items, customer)

    now = timezone.now()
    Cart.objects.filter(pk=guest.pk).update(status=Cart.Status.MERGED, merged_into=target, last_activity_at=now)
    fields = {"last_activity_at": now}
    if not target.note and guest.note:
        fields["note"] = guest.note
    Cart.objects.filter(pk=target.pk).update(**fields)
    return target


def _merge_lines(guest: Cart, target: Cart) -> list[CartItem]:
    """Write the guest's lines into the target; returns the target's lines as they now are."""
    items = list(target.items.all())
    by_variant = {item.variant_id: item for item in items if item.variant_id is not None}
    line_count = len(by_variant)
    now = timezone.now()
    to_update, to_create = [], []
    for item in guest.items.all():
        if item.variant_id is None:
            continue  # not a variant line
        source = source_of(item)
        if not source.is_sellable:
            continue
        existing = by_variant.get(item.variant_id)
        in_cart = existing.quantity if existing else 0
        cap = MAX_LINE_QUANTITY if source.available is None else min(MAX_LINE_QUANTITY, source.available)
        quantity = min(in_cart + item.quantity, max(cap, in_cart))  # never lowers what the customer had
        if quantity <= in_cart:
            continue
        if existing is not None:
            existing.quantity, existing.updated_at = quantity, now
            to_update.append(existing)
        elif line_count < MAX_LINES:
            to_create.append(CartItem(cart=target, variant=item.variant, quantity=quantity,
                                      unit_price_at_add=item.unit_price_at_add, created_at=item.created_at,
                                      updated_at=now))
            line_count += 1
    CartItem.objects.bulk_update(to_update, ["quantity", "updated_at"])
    CartItem.objects.bulk_create(to_create)
    return items + to_create


def _merge_codes(guest: Cart, target: Cart, merged_items: list[CartItem], customer) -> None:
    guest_codes = [application.discount for application in guest.applied_discounts.all()]
    if not guest_codes:
        return
    applied = [application.discount for application in target.applied_discounts.all()]
    lines = cart_line_inputs(merged_items)
    for discount in guest_codes:
        if any(other.pk == discount.pk for other in applied):
            continue
        try:
            discount_check(discount=discount, lines=lines, applied=applied, customer=customer,
                           email=target.email or customer.email)
        except DiscountCodeError:
            continue  # a code that no longer qualifies is dropped, as on any apply
        CartDiscount.objects.create(cart=target, discount=discount)
        applied.append(discount)
