"""Carts and their lines: create, edit, add, change and remove items, expire abandoned carts."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from carts.errors import (
    CartItemNotFoundError,
    CartLimitError,
    CartNotFoundError,
    CartNotOpenError,
    CartOutOfStockError,
    ProductUnavailableError,
)
from carts.lines import LineSource, source_of, variant_source
from carts.models import Cart, CartItem
from carts.selectors import cart_abandoned, cart_load, cart_loaded_with, cart_row
from catalog.models import Variant

MAX_LINE_QUANTITY = 99  # units of one variant per cart line
MAX_LINES = 100  # different lines per cart
_UNSET = object()


@transaction.atomic
def cart_create(*, customer=None, email: str = "") -> tuple[Cart, bool]:
    """A new guest cart, or the customer's open cart (created if they have none): (cart, created).

    The partial unique index "one open cart per customer" settles two concurrent creates.
    """
    if customer is None:
        return Cart.objects.create(email=email.strip().lower()), True
    existing = Cart.objects.filter(customer=customer, status=Cart.Status.OPEN).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Cart.objects.create(customer=customer, email=email.strip().lower() or customer.email), True
    except IntegrityError:  # a concurrent request created it first
        return Cart.objects.get(customer=customer, status=Cart.Status.OPEN), False


@transaction.atomic
def cart_update(*, cart: Cart, email=_UNSET, note=_UNSET, shipping_method=_UNSET) -> Cart:
    """Change the contact email, the note or the selected shipping method of an open cart."""
    cart = cart_lock_open(cart.pk)
    fields = ["last_activity_at"]
    if email is not _UNSET:
        cart.email = (email or "").strip().lower()
        fields.append("email")
    if note is not _UNSET:
        cart.note = note or ""
        fields.append("note")
    if shipping_method is not _UNSET:
        cart.shipping_method = shipping_method
        fields.append("shipping_method")
    cart.last_activity_at = timezone.now()
    cart.save(update_fields=fields)
    return cart


@transaction.atomic
def cart_add_item(*, cart: Cart, variant_id: int, quantity: int) -> Cart:
    """Add units of a variant; the same variant again raises the line's quantity. Returns the cart loaded
    (lines and codes, as after the write) for pricing, without reading it again.

    The variant's product must be on sale; the line's new quantity may not pass MAX_LINE_QUANTITY
    nor what can be sold now (CartOutOfStockError, 409, context `available`). Stock is checked,
    not reserved: checkout takes it. A bounded number of queries, whatever the cart's size.
    """
    now = timezone.now()
    cart = cart_lock_loaded(cart, now)
    items = list(cart.items.all())
    item = next((line for line in items if line.variant_id == variant_id), None)
    variant = item.variant if item else Variant.objects.select_related("product").filter(pk=variant_id).first()
    if variant is None:
        raise ProductUnavailableError(variant_id=variant_id)
    source = variant_source(variant)
    if not source.is_sellable:
        raise ProductUnavailableError(f"{source.name} isn't available.", variant_id=variant_id)
    in_cart = item.quantity if item else 0
    wanted = in_cart + quantity
    _check_quantity(source, wanted=wanted, in_cart=in_cart, variant_id=variant.pk)
    if item is None:
        check_line_count(items, field="variant_id")
        items.append(CartItem.objects.create(cart=cart, variant=variant, quantity=wanted,
                                             unit_price_at_add=variant.price, created_at=now, updated_at=now))
    else:
        line_set_quantity(item, wanted, now)
    return cart_loaded_with(cart, items=items)


@transaction.atomic
def cart_update_item(*, cart: Cart, item_id: int, quantity: int) -> Cart:
    """Set a line's quantity (0 removes it); returns the cart loaded as after the write.

    Raising a quantity is checked like an add (on sale, per-line maximum, stock); lowering one is
    always allowed, so a shopper can bring a line back within what is in stock.
    """
    now = timezone.now()
    cart = cart_lock_loaded(cart, now)
    items = list(cart.items.all())
    item = next((line for line in items if line.pk == item_id), None)
    if item is None:
        raise CartItemNotFoundError()
    if quantity == 0:
        item.delete()
        return cart_loaded_with(cart, items=[line for line in items if line is not item])
    if quantity > item.quantity:
        source = source_of(item)  # a variant, or a blend made as a product base
        if not source.is_sellable:
            raise ProductUnavailableError(f"{source.name} isn't available any more.", field="quantity")
        _check_quantity(source, wanted=quantity, in_cart=0, variant_id=item.variant_id)
    line_set_quantity(item, quantity, now)
    return cart


@transaction.atomic
def cart_remove_item(*, cart: Cart, item_id: int) -> Cart:
    """Remove a line; returns the cart loaded as after the write."""
    cart = cart_lock_loaded(cart, timezone.now())
    items = list(cart.items.all())
    if not any(line.pk == item_id for line in items):
        raise CartItemNotFoundError()
    CartItem.objects.filter(pk=item_id).delete()
    return cart_loaded_with(cart, items=[line for line in items if line.pk != item_id])


def carts_expire(*, days: int, dry_run: bool = False, batch_size: int = 500) -> int:
    """Delete guest carts without activity for `days` days (lines and codes go with them), in
    batches of `batch_size`, each its own transaction. Customers' carts and checked-out carts stay.
    Returns how many were (or, with dry_run, would be) deleted."""
    if dry_run:
        return cart_abandoned(days=days).count()
    deleted = 0
    while True:
        with transaction.atomic():
            batch = list(cart_abandoned(days=days).order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not batch:
                return deleted
            Cart.objects.filter(pk__in=batch).delete()
            deleted += len(batch)


def cart_lock_loaded(cart: Cart, now, *, code_scopes: bool = True) -> Cart:
    """Lock an open cart for this transaction, stamp its last activity, and load its lines and codes.

    One UPDATE both locks the row and stamps it (rolled back with the write if that fails); the row is
    not read again: `cart` is the one the caller read to check access, and its lines and codes are read
    after the lock, so concurrent writes to one cart queue and each sees the other's lines.
    """
    if not Cart.objects.filter(pk=cart.pk, status=Cart.Status.OPEN).update(last_activity_at=now):
        cart_lock_open(cart.pk)  # raises: the cart is gone or no longer open (it never reopens)
    cart.status, cart.last_activity_at = Cart.Status.OPEN, now
    return cart_load(cart, code_scopes=code_scopes)


def line_set_quantity(item: CartItem, quantity: int, now) -> None:
    """Write a line's new quantity: one UPDATE (without save()'s signals and field bookkeeping)."""
    CartItem.objects.filter(pk=item.pk).update(quantity=quantity, updated_at=now)
    item.quantity, item.updated_at = quantity, now


def check_line_count(items: list[CartItem], *, field: str) -> None:
    if len(items) >= MAX_LINES:
        raise CartLimitError(f"A cart holds at most {MAX_LINES} different items.", field=field, max_lines=MAX_LINES)


def cart_lock_open(cart_id, *, loaded: bool = False) -> Cart:
    """Lock the cart row for this transaction (concurrent writes to one cart queue) and make
    sure it can still change; `loaded`: with its lines and codes (read after the lock)."""
    cart = cart_row(Cart.objects.select_for_update(), cart_id)
    if cart is None:
        raise CartNotFoundError()
    if not cart.is_open:
        raise CartNotOpenError(_closed_message(cart), status=cart.status,
                               merged_into=str(cart.merged_into_id) if cart.merged_into_id else None)
    return cart_load(cart) if loaded else cart


def _closed_message(cart: Cart) -> str:
    if cart.status == Cart.Status.MERGED:
        return "This cart was merged into the customer's cart after signing in; use that cart instead."
    return "This cart has been checked out and can no longer be changed."


def _check_quantity(source: LineSource, *, wanted: int, in_cart: int, variant_id: int) -> None:
    if wanted > MAX_LINE_QUANTITY:
        raise CartLimitError(f"You can buy at most {MAX_LINE_QUANTITY} of an item per order"
                             + (f" (you already have {in_cart} in your cart)." if in_cart else "."),
                             max_quantity=MAX_LINE_QUANTITY)
    available = source.available
    if available is not None and wanted > available:
        if available == 0:
            message = f"{source.name} is out of stock."
        else:
            message = f"Only {available} of {source.name} available"
            message += f" (you already have {in_cart} in your cart)." if in_cart else "."
        raise CartOutOfStockError(message, available=available, requested=wanted, variant_id=variant_id,
                                  sku=source.sku)
