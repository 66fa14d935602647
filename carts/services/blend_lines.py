"""Blend lines: a customer's own blend made as a product base, priced by its formulation."""

from django.db import transaction
from django.utils import timezone

from blends.services import blend_line_from_loaded, blend_line_prepare
from carts.errors import CartLimitError, CartOutOfStockError
from carts.lines import blend_source
from carts.models import Cart, CartItem
from carts.selectors import cart_loaded_with
from carts.services.carts import MAX_LINE_QUANTITY, cart_lock_loaded, check_line_count, line_set_quantity
from moodmnky.errors import ValidationFailedError


@transaction.atomic
def cart_add_blend_item(*, cart: Cart, blend_id, product_base_id: int, quantity: int, customer) -> Cart:
    """Add units of the caller's blend made as a base; the same blend and base again raise the quantity.

    The blend must be the caller's and the cart the caller's own cart (not a guest cart): otherwise a
    400 naming `blend_id` (another customer's blend as if it did not exist). A blend over an IFRA limit
    for the base is a 400 naming the notes; the unit price is the formulation's price for one unit
    (base price + blend premium). More units than the notes' stock can make is a 409 `out_of_stock`.
    Returns the cart loaded as after the write.
    """
    now = timezone.now()
    cart = cart_lock_loaded(cart, now)
    items = list(cart.items.all())
    item = next((line for line in items if line.blend_id is not None and str(line.blend_id) == str(blend_id)
                 and line.product_base_id == product_base_id), None)
    if item is not None:  # the blend and base are loaded with the line: checked again without a query
        line = blend_line_from_loaded(blend=item.blend, product_base=item.product_base, quantity=1, customer=customer)
    else:
        line = blend_line_prepare(blend_id=blend_id, product_base_id=product_base_id, quantity=1, customer=customer)
    blend, base = line.blend, line.product_base
    if cart.customer_id != blend.customer_id:
        # A guest cart is readable by whoever knows its id: a customer's blend goes only in their own cart.
        raise ValidationFailedError("Add your blends to your own cart (sign in first).", field="blend_id")
    in_cart = item.quantity if item else 0
    wanted = in_cart + quantity
    check_blend_quantity(blend, base, wanted=wanted, in_cart=in_cart)
    if item is None:
        check_line_count(items, field="blend_id")
        items.append(CartItem.objects.create(cart=cart, blend=blend, product_base=base, quantity=wanted,
                                             unit_price_at_add=line.formulation.unit_price, created_at=now,
                                             updated_at=now))
    else:
        line_set_quantity(item, wanted, now)
    return cart_loaded_with(cart, items=items)


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
