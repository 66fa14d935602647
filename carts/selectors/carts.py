"""Cart reads: a cart with its lines and codes in a fixed number of queries, access, abandoned carts."""

import uuid
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from blends.selectors import component_prefetch
from carts.discount_rules import discount_scope_prefetches
from carts.errors import CartNotFoundError
from carts.models import Cart, CartDiscount, CartItem


def cart_prefetches(*, code_scopes: bool = True) -> list[Prefetch]:
    """Lines (variant and product joined; a blend line's components) and codes (with their products and
    categories unless not `code_scopes`), as every cart read loads them."""
    return [Prefetch("items", queryset=_items(CartItem.objects.all()).order_by("created_at", "id")),
            Prefetch("applied_discounts", queryset=_codes(CartDiscount.objects.all(), code_scopes=code_scopes).order_by(
                "created_at", "id"))]


def _items(items: QuerySet[CartItem]) -> QuerySet[CartItem]:
    return items.select_related("variant__product", "blend__current_version", "product_base").prefetch_related(
        component_prefetch("blend__current_version__"))


def _codes(applications: QuerySet[CartDiscount], *, code_scopes: bool) -> QuerySet[CartDiscount]:
    applications = applications.select_related("discount")
    if code_scopes:
        applications = applications.prefetch_related(*discount_scope_prefetches("discount__"))
    return applications


def cart_queryset() -> QuerySet[Cart]:
    """Carts with lines (variant and product joined) and codes (with their products and categories).

    Queries: the cart, its lines, its codes, and the codes' products and categories (these two
    only when a code is applied), plus the blends' components and IFRA limits (only when a blend line
    is there): never more, whatever the number of lines.
    """
    return Cart.objects.prefetch_related(*cart_prefetches())


def cart_load(cart: Cart, *, code_scopes: bool = True) -> Cart:
    """Load the lines and codes of a cart row already read (as cart_queryset would, without the row again);
    without the codes' products and categories if not `code_scopes` (the caller loads them).

    Lines and codes are read unordered and sorted here, as the prefetch orders them: with an ORDER BY,
    Django hashes every selected column (~70 for the lines) when compiling, a third of a cart write's
    query building.

    Each line says whether the cart has a code (an EXISTS, much cheaper than a query): the codes are read
    only if it has (or if it has no line to tell)."""
    cart._prefetched_objects_cache = {}
    has_codes = Exists(CartDiscount.objects.filter(cart_id=OuterRef("cart_id")))
    items = sorted(_items(cart.items.order_by()).annotate(cart_has_codes=has_codes), key=_created)
    applications = []
    if not items or items[0].cart_has_codes:
        applications = sorted(_codes(cart.applied_discounts.order_by(), code_scopes=code_scopes), key=_created)
    return cart_loaded_with(cart, items=items, discounts=applications)


def _created(row: CartItem | CartDiscount) -> tuple:
    return row.created_at, row.pk


def cart_loaded_with(cart: Cart, *, items: list[CartItem] | None = None,
                     discounts: list[CartDiscount] | None = None) -> Cart:
    """`cart` (loaded) with its lines or codes replaced by what a write just made of them, so the answer
    is priced from memory instead of read again. Kept as Django's prefetch keeps them."""
    for name, rows in (("items", items), ("applied_discounts", discounts)):
        if rows is not None:
            loaded = getattr(cart, name).all()
            loaded._result_cache, loaded._prefetch_done = list(rows), True
            cart._prefetched_objects_cache[name] = loaded
    return cart


def cart_get(*, cart_id, customer=None, loaded: bool = True) -> Cart:
    """The cart if this caller may use it: a guest cart is anyone's who knows its id, a customer's
    cart only that customer's. Anything else (including a malformed id) is CartNotFoundError.

    `loaded=False` reads the cart row alone (an access check before a write)."""
    try:
        pk = cart_id if isinstance(cart_id, uuid.UUID) else uuid.UUID(str(cart_id))
    except (ValueError, TypeError, AttributeError):
        raise CartNotFoundError() from None
    cart = cart_row(Cart.objects, pk)
    if cart is None or not cart_accessible(cart, customer):
        raise CartNotFoundError()
    return cart_load(cart) if loaded else cart


def cart_row(carts: QuerySet[Cart], pk) -> Cart | None:
    """The cart row with this id, or None; read without ORDER BY (`first()` would order by the default
    ordering, a cost when compiling for nothing)."""
    return next(iter(carts.filter(pk=pk).order_by()), None)


def cart_accessible(cart: Cart, customer) -> bool:
    return cart.customer_id is None or (customer is not None and cart.customer_id == customer.pk)


def cart_abandoned(*, days: int, now: datetime | None = None) -> QuerySet[Cart]:
    """Guest carts (open or merged) with no activity for `days` days; checked-out carts stay."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Cart.objects.filter(customer__isnull=True, last_activity_at__lt=cutoff).exclude(
        status=Cart.Status.CHECKED_OUT)
