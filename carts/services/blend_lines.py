"""Blend lines: a customer's own blend made as a product base, priced by its formulation."""

from django.db import transaction
from django.utils import timezone

from blends.services import blend_line_prepare
from carts.errors import CartLimitError, CartOutOfStockError
from carts.lines import blend_source
from carts.models import Cart, CartItem
from carts.services.carts import MAX_LINE_QUANTITY, MAX_LINES, cart_lock_open
from moodmnky.errors import ValidationFailedError


@transaction.atomic
def cart_add_blend_item(*, cart: Cart, blend_id, product_base_id: int, quantity: int, customer) -> CartItem:
    """Add units of the caller's blend made as a base; the same blend and base again raise the quantity.

    The blend must be the caller's and the cart the caller's own cart (not a guest cart): otherwise a
    400 naming `blend_id` (another customer's blend as if it did not exist). A blend over an IFRA limit
    for the base is a 400 naming the notes; the unit price is the formulation's price for one unit
    (base price + blend premium). More units than the notes' stock can make is a 409 `out_of_stock`.
    """
    cart = cart_lock_open(cart.pk)
    line = blend_line_prepare(blend_id=blend_id, product_base_id=product_base_id, quantity=1, customer=customer)
    blend, base = line.blend, line.product_base
    if cart.customer_id != blend.customer_id:
        # A guest cart is readable by whoever knows its id: a customer's blend goes only in their own cart.
        raise ValidationFailedError("Add your blends to your own cart (sign in first).", field="blend_id")
    item = CartItem.objects.filter(cart=cart, blend=blend, product_base=base).first()
    in_cart = item.quantity if item else 0
    wanted = in_cart + quantity
    check_blend_quantity(blend, base, wanted=wanted, in_cart=in_cart)
    now = timezone.now()
    if item is None:
        if CartItem.objects.filter(cart=cart).count() >= MAX_LINES:
            raise CartLimitError(f"A cart holds at most {MAX_LINES} different items.", field="blend_id",
                                 max_lines=MAX_LINES)
        item = CartItem.objects.create(cart=cart, blend=blend, product_base=base, quantity=wanted,
                                       unit_price_at_add=line.formulation.unit_price, created_at=now, updated_at=now)
    else:
        item.quantity, item.updated_at = wanted, now
        item.save(update_fields=["quantity", "updated_at"])
    Cart.objects.filter(pk=cart.pk).update(last_activity_at=now)
    return item


def check_blend_quantity(blend, base, *, wanted: int, in_cart: int) -> None:
    """The per-line maximum and the units the notes' stock can make now (409 out_of_stock)."""
    if wanted > MAX_LINE_QUANTITY:
        raise CartLimitError(f"You can buy at most {MAX_LINE_QUANTITY} of an item per order"
                             + (f" (you already have {in_cart} in your cart)." if in_cart else "."),
                             max_quantity=MAX_LINE_QUANTITY)
    source = blend_source(blend, base)
    if source.available is not None and wanted > source.available:
        message = (f"{source.name} can't be made right now: a fragrance oil is out of stock." if not source.available
                   else f"Only {source.available} of {source.name} can be made from our oils in stock.")
        raise CartOutOfStockError(message, available=source.available, requested=wanted, blend_id=str(blend.pk),
                                  product_base_id=base.pk, sku=source.sku)
