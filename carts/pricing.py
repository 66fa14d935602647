"""Cart totals: one pure function (no database, no settings) from lines, codes, shipping and tax;
its rounding rule is in cart_totals and docs/carts.md."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

PERCENTAGE = "percentage"
FIXED_AMOUNT = "fixed_amount"
FREE_SHIPPING = "free_shipping"


def money(value: Decimal | int | str) -> Decimal:
    """Round half-up to the cent."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineInput:
    """What pricing needs of a cart line; a variant line and a blend line look the same here."""

    key: object  # the cart item's id (any hashable)
    unit_price: Decimal
    quantity: int
    product_id: int | None = None  # None for lines no product-limited code can apply to (blends)
    category_id: int | None = None


@dataclass(frozen=True)
class CodeInput:
    """A discount code as pricing sees it, in the order it was applied to the cart."""

    code: str
    type: str  # percentage | fixed_amount | free_shipping
    value: Decimal = ZERO  # percent (0–100) or an amount; ignored for free shipping
    minimum_subtotal: Decimal = ZERO
    product_ids: frozenset = frozenset()
    category_ids: frozenset = frozenset()
    usable: bool = True  # False: listed on the cart but saves nothing (expired, used up, ...)

    def applies_to(self, line: LineInput) -> bool:
        if not self.product_ids and not self.category_ids:
            return True
        return (line.product_id is not None and line.product_id in self.product_ids) or (
            line.category_id is not None and line.category_id in self.category_ids
        )


@dataclass(frozen=True)
class ShippingInput:
    """The selected method's flat cost; free when the discounted subtotal reaches `free_over`."""

    method: str = "standard"
    cost: Decimal = ZERO
    free_over: Decimal | None = None  # None: this method is never free by threshold


@dataclass(frozen=True)
class CodeResult:
    code: str
    type: str
    amount: Decimal  # what the code saves: merchandise discount, or the shipping it waived
    applicable: bool  # False when it saves nothing right now (below minimum, no eligible line, unusable)


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    discount_total: Decimal  # merchandise discounts only; waived shipping shows in shipping_total
    shipping_total: Decimal
    tax_total: Decimal
    total: Decimal
    item_count: int
    line_totals: dict = field(default_factory=dict)  # key -> line total (before discounts)
    line_discounts: dict = field(default_factory=dict)  # key -> share of discount_total
    codes: list = field(default_factory=list)  # [CodeResult] in the order given


def cart_totals(*, lines: Sequence[LineInput], codes: Sequence[CodeInput] = (),
                shipping: ShippingInput | None = None, tax_rate: Decimal = ZERO) -> Totals:
    """Price a cart. Pure: same inputs, same totals, no I/O.

    Codes are applied in order; each works on what earlier codes left of its eligible lines, so
    the discount never exceeds the subtotal. `tax_rate` is a fraction (0.08 = 8 %) charged on
    each line's discounted amount; shipping is not taxed. An empty cart ships for nothing.

    Rounding: money is `Decimal`, worked in whole cents. A line total is `unit_price × quantity` rounded
    half-up to the cent; each discount is rounded half-up and then spread over the lines it applies to
    (largest remainder, so the cents add up exactly); tax is rounded half-up per line and summed. Totals
    are sums of rounded amounts, so `total = subtotal − discount_total + shipping_total + tax_total` exactly.
    """
    shipping = shipping or ShippingInput()
    line_cents = {line.key: _cents(money(Decimal(line.unit_price) * line.quantity)) for line in lines}
    subtotal_cents = sum(line_cents.values())
    remaining = dict(line_cents)  # what is left of each line after the codes so far
    results: list[tuple[CodeInput, int, bool]] = []
    waives_shipping = False

    for code in codes:
        eligible = [line.key for line in lines if code.applies_to(line)]
        base = sum(remaining[key] for key in eligible)
        meets_minimum = subtotal_cents >= _cents(money(code.minimum_subtotal))
        if not (code.usable and meets_minimum and eligible):
            results.append((code, 0, False))
            continue
        if code.type == FREE_SHIPPING:
            waives_shipping = True
            results.append((code, 0, True))  # its amount is the shipping waived, known below
            continue
        amount = _code_amount(code, base)
        _allocate(amount, eligible, remaining)
        results.append((code, amount, amount > 0))

    discount_cents = subtotal_cents - sum(remaining.values())
    shipping_cents = 0
    if lines:
        shipping_cents = _cents(money(shipping.cost))
        free_over = shipping.free_over
        if free_over is not None and subtotal_cents - discount_cents >= _cents(money(free_over)):
            shipping_cents = 0
    waived_cents = shipping_cents if waives_shipping else 0
    tax_rate = Decimal(tax_rate)
    tax_cents = sum(_cents(money(Decimal(remaining[line.key]) / HUNDRED * tax_rate)) for line in lines)

    shipping_total_cents = shipping_cents - waived_cents
    codes_out = []
    for code, amount, applicable in results:
        if code.type == FREE_SHIPPING and applicable:
            amount = waived_cents
            applicable = waived_cents > 0
        codes_out.append(CodeResult(code=code.code, type=code.type, amount=_money(amount), applicable=applicable))
    return Totals(
        subtotal=_money(subtotal_cents),
        discount_total=_money(discount_cents),
        shipping_total=_money(shipping_total_cents),
        tax_total=_money(tax_cents),
        total=_money(subtotal_cents - discount_cents + shipping_total_cents + tax_cents),
        item_count=sum(line.quantity for line in lines),
        line_totals={key: _money(cents) for key, cents in line_cents.items()},
        line_discounts={key: _money(line_cents[key] - remaining[key]) for key in line_cents},
        codes=codes_out,
    )


def _code_amount(code: CodeInput, base_cents: int) -> int:
    """A percentage of what is left of the eligible lines, or a fixed amount capped by it."""
    if code.type == PERCENTAGE:
        percent = min(max(Decimal(code.value), Decimal(0)), HUNDRED)
        return min(_cents(money(Decimal(base_cents) * percent / HUNDRED / HUNDRED)), base_cents)
    if code.type == FIXED_AMOUNT:
        return min(max(_cents(money(code.value)), 0), base_cents)
    return 0


def _allocate(amount: int, keys: list, remaining: dict) -> None:
    """Spread `amount` cents over `keys` in proportion to what is left of each (largest remainder).

    No line goes below zero: amount ≤ sum(remaining), and a share only rounds up past its floor
    when it was strictly below the line's (whole-cent) remainder.
    """
    base = sum(remaining[key] for key in keys)
    if amount <= 0 or base <= 0:
        return
    shares = []
    for index, key in enumerate(keys):
        exact = Decimal(amount) * remaining[key] / base
        floor = int(exact.to_integral_value(rounding=ROUND_FLOOR))
        shares.append((exact - floor, -index, key, floor))
    leftover = amount - sum(share[3] for share in shares)
    shares.sort(reverse=True)  # biggest fraction first; ties go to the earlier line
    for position, (_, _, key, floor) in enumerate(shares):
        remaining[key] -= floor + (1 if position < leftover else 0)


def _cents(value: Decimal) -> int:
    return int(value * 100)


def _money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)
