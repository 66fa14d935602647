"""A cart at today's prices: its lines, codes and shipping fed to carts.pricing.cart_totals."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from carts.discount_rules import discount_category_scopes, discount_code_input, discount_usable
from carts.lines import LineSource, source_of
from carts.models import Cart, CartItem, DiscountCode
from carts.pricing import LineInput, ShippingInput, Totals, cart_totals
from moodmnky.money import store_currency


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
    currency: str = field(default_factory=store_currency)

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
    lines = [cart_item_line_input(item, sources[item.pk]) for item in items]
    applied = [application.discount for application in cart.applied_discounts.all()]
    scopes = discount_category_scopes(applied)
    code_inputs = [
        discount_code_input(d, usable=discount_usable(d, earlier=applied[:index], now=now),
                            category_ids=scopes.get(d.pk, frozenset()))
        for index, d in enumerate(applied)
    ]
    totals = cart_totals(lines=lines, codes=code_inputs, shipping=shipping_method_input(method),
                         tax_rate=settings.TAX_RATE)
    priced_lines = [
        PricedLine(item=item, source=sources[item.pk], line_total=totals.line_totals[item.pk],
                   discount_total=totals.line_discounts[item.pk])
        for item in items
    ]
    codes = [PricedCode(code=r.code, type=r.type, amount=r.amount, applicable=r.applicable, discount=d)
             for r, d in zip(totals.codes, applied, strict=True)]
    return PricedCart(cart=cart, lines=priced_lines, codes=codes, totals=totals, shipping_method=method)


def cart_line_inputs(items: Iterable[CartItem]) -> list[LineInput]:
    """Cart lines (variant and product loaded, as cart_queryset reads them) as pricing sees them, at today's
    prices."""
    return [cart_item_line_input(item, source_of(item)) for item in items]


def cart_item_line_input(item: CartItem, source: LineSource) -> LineInput:
    return LineInput(key=item.pk, unit_price=source.unit_price, quantity=item.quantity,
                     product_id=source.product_id, category_id=source.category_id)


def shipping_method_input(method: str) -> ShippingInput:
    """A method's flat rate from settings; only standard shipping is free from the threshold."""
    rate = settings.SHIPPING_RATES[method]
    free_over = settings.FREE_SHIPPING_THRESHOLD if method == Cart.ShippingMethod.STANDARD else None
    return ShippingInput(method=method, cost=rate["cost"], free_over=free_over)
