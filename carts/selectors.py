"""Cart reads: a cart with its lines and codes in a fixed number of queries, and its priced view."""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from blends.selectors import component_prefetch
from carts.discounts import category_tree_load, code_input_for, discount_usable, scope_prefetches
from carts.errors import CartNotFoundError
from carts.lines import LineSource, source_of
from carts.models import Cart, CartDiscount, CartItem, DiscountCode
from carts.pricing import LineInput, ShippingInput, Totals, cart_totals, money


@dataclass
class PricedLine:
    item: CartItem
    source: LineSource
    line_total: Decimal
    discount_total: Decimal

    @property
    def id(self) -> int:
        return self.item.pk

    @property
    def quantity(self) -> int:
        return self.item.quantity

    @property
    def unit_price(self) -> Decimal:
        return self.source.unit_price

    @property
    def price_changed(self) -> bool:
        return self.item.unit_price_at_add != self.source.unit_price

    @property
    def previous_unit_price(self) -> Decimal | None:
        return self.item.unit_price_at_add if self.price_changed else None

    @property
    def is_available(self) -> bool:
        """On sale and in stock for the quantity on the line (what checkout will require)."""
        available = self.source.available
        return self.source.is_sellable and (available is None or self.item.quantity <= available)


@dataclass
class PricedCode:
    code: str
    type: str
    amount: Decimal
    applicable: bool
    discount: DiscountCode


@dataclass
class PricedCart:
    """A cart with prices re-read from the catalog and totals from carts.pricing.cart_totals."""

    cart: Cart
    lines: list[PricedLine]
    codes: list[PricedCode]
    totals: Totals
    shipping_method: str
    currency: str = field(default_factory=lambda: settings.STORE_CURRENCY)

    @property
    def subtotal(self) -> Decimal:
        return self.totals.subtotal

    @property
    def discount_total(self) -> Decimal:
        return self.totals.discount_total

    @property
    def shipping_total(self) -> Decimal:
        return self.totals.shipping_total

    @property
    def tax_total(self) -> Decimal:
        return self.totals.tax_total

    @property
    def total(self) -> Decimal:
        return self.totals.total

    @property
    def item_count(self) -> int:
        return self.totals.item_count


def cart_queryset() -> QuerySet[Cart]:
    """Carts with lines (variant and product joined) and codes (with their products and categories).

    Queries: the cart, its lines, its codes, and the codes' products and categories (these two
    only when a code is applied), plus the blends' components and IFRA limits (only when a blend line
    is there): never more, whatever the number of lines.
    """
    discounts = CartDiscount.objects.select_related("discount").prefetch_related(*scope_prefetches("discount__"))
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


def cart_price(cart: Cart, *, shipping_method: str | None = None, now: datetime | None = None) -> PricedCart:
    """Price a cart (loaded with cart_queryset) at today's catalog prices; no query beyond the
    category tree when a category-limited code is applied.

    Codes that no longer qualify (inactive, expired, used up, no longer combinable, below the
    minimum) stay listed with amount 0.00.
    """
    now = now or timezone.now()
    method = shipping_method or cart.shipping_method
    items = list(cart.items.all())
    sources = {item.pk: source_of(item) for item in items}
    lines = [line_input(item, sources[item.pk]) for item in items]
    applied = [application.discount for application in cart.applied_discounts.all()]
    tree = category_tree_load() if any(d.categories.all() for d in applied) else None
    code_inputs = [
        code_input_for(d, usable=discount_usable(d, earlier=applied[:index], now=now), category_tree=tree)
        for index, d in enumerate(applied)
    ]
    totals = cart_totals(lines=lines, codes=code_inputs, shipping=shipping_input(method),
                         tax_rate=settings.TAX_RATE)
    priced_lines = [
        PricedLine(item=item, source=sources[item.pk], line_total=totals.line_totals[item.pk],
                   discount_total=totals.line_discounts[item.pk])
        for item in items
    ]
    codes = [PricedCode(code=r.code, type=r.type, amount=r.amount, applicable=r.applicable, discount=d)
             for r, d in zip(totals.codes, applied, strict=True)]
    return PricedCart(cart=cart, lines=priced_lines, codes=codes, totals=totals, shipping_method=method)


def price_lines(cart: Cart) -> list[LineInput]:
    """The cart's lines (loaded with cart_queryset) as pricing sees them, at today's prices."""
    return [line_input(item, source_of(item)) for item in cart.items.all()]


def line_input(item: CartItem, source: LineSource) -> LineInput:
    return LineInput(key=item.pk, unit_price=source.unit_price, quantity=item.quantity,
                     product_id=source.product_id, category_id=source.category_id)


def shipping_input(method: str) -> ShippingInput:
    """A method's flat rate from settings; only standard shipping is free from the threshold."""
    rate = settings.SHIPPING_RATES[method]
    free_over = settings.FREE_SHIPPING_THRESHOLD if method == Cart.ShippingMethod.STANDARD else None
    return ShippingInput(method=method, cost=rate["cost"], free_over=free_over)


@dataclass
class ShippingEstimate:
    method: str
    carrier: str
    cost: Decimal
    currency: str
    estimated_delivery_min: date
    estimated_delivery_max: date
    selected: bool


def cart_shipping_estimates(cart: Cart, *, today: date | None = None) -> dict:
    """Every method's cost for this cart (codes and the free-shipping threshold included) and its
    delivery window in business days from today. An empty cart shows the flat rates."""
    today = today or timezone.now().date()
    estimates = []
    spent = Decimal("0.00")  # merchandise after discounts: the same whatever the method
    for method, rate in settings.SHIPPING_RATES.items():
        priced = cart_price(cart, shipping_method=method)
        spent = priced.totals.subtotal - priced.totals.discount_total
        cost = priced.totals.shipping_total if priced.lines else money(rate["cost"])
        low, high = rate["days"]
        estimates.append(ShippingEstimate(
            method=method, carrier=rate["carrier"], cost=cost, currency=settings.STORE_CURRENCY,
            estimated_delivery_min=add_business_days(today, low),
            estimated_delivery_max=add_business_days(today, high), selected=method == cart.shipping_method,
        ))
    threshold = money(settings.FREE_SHIPPING_THRESHOLD)
    return {
        "estimates": estimates,
        "free_shipping_threshold": threshold,
        "amount_to_free_shipping": max(threshold - spent, Decimal("0.00")),
        "currency": settings.STORE_CURRENCY,
    }


def add_business_days(start: date, days: int) -> date:
    """`days` working days (Monday–Friday) after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def cart_abandoned(*, days: int, now: datetime | None = None) -> QuerySet[Cart]:
    """Guest carts (open or merged) with no activity for `days` days; checked-out carts stay."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Cart.objects.filter(customer__isnull=True, last_activity_at__lt=cutoff).exclude(
        status=Cart.Status.CHECKED_OUT)


def discount_list() -> QuerySet[DiscountCode]:
    return DiscountCode.objects.prefetch_related(*scope_prefetches()).order_by("-created_at", "-id")


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
