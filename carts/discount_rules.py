"""Discount code rules: whether a code can be used on a cart, and how pricing sees it."""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from carts.errors import DiscountCodeError
from carts.models import DiscountCode, DiscountUsage
from carts.pricing import CodeInput, LineInput, money
from catalog.models import Category, Product
from catalog.selectors import category_and_descendant_ids
from moodmnky.money import store_currency

MAX_CODES_PER_CART = 5


def discount_scope_prefetches(prefix: str = "") -> list[Prefetch]:
    """A code's products and categories, ids only: what eligibility checks read."""
    return [Prefetch(f"{prefix}products", queryset=Product.objects.only("id")),
            Prefetch(f"{prefix}categories", queryset=Category.objects.only("id", "slug"))]


def discount_find(code: str, *, with_scope: bool = True) -> DiscountCode:
    """The code (with its scope prefetched unless not `with_scope`), whatever letter case the shopper typed;
    unknown codes are refused."""
    code = (code or "").strip()
    codes = DiscountCode.objects.prefetch_related(*discount_scope_prefetches()) if with_scope else DiscountCode.objects
    discount = codes.filter(code__iexact=code).first() if code else None
    if discount is None:
        raise DiscountCodeError(UNKNOWN_CODE_MESSAGE)
    return discount


# Unknown, inactive and not-yet-started codes all get this message (without echoing the code, whose
# stored letter case would tell): none says that the code exists or when it starts.
UNKNOWN_CODE_MESSAGE = "We don't recognise that code. Check the spelling and try again."


def discount_check(*, discount: DiscountCode, lines: Sequence[LineInput], applied: Sequence[DiscountCode],
                   customer=None, email: str = "", now: datetime | None = None) -> None:
    """Refuse a code that cannot be used on these lines, with a message for the shopper.

    Checks, in order: active, started, not expired, total uses left, a non-empty cart with an
    item the code applies to, the minimum subtotal, the shopper's own uses, and whether it
    combines with the codes already on the cart (`applied`, excluding this one).
    """
    discount_check_state(discount, now or timezone.now())
    if not lines:
        raise DiscountCodeError("Add something to your cart before using a code.")
    code_input = discount_code_input(discount)
    if not any(code_input.applies_to(line) for line in lines):
        raise DiscountCodeError(f"The code {discount.code} doesn't apply to any item in your cart.")
    subtotal = sum((money(Decimal(line.unit_price) * line.quantity) for line in lines), Decimal("0.00"))
    if subtotal < discount.minimum_subtotal:
        missing = money(discount.minimum_subtotal - subtotal)
        raise DiscountCodeError(
            f"Spend at least {_amount(discount.minimum_subtotal)} to use the code {discount.code} "
            f"(add {_amount(missing)} more)."
        )
    discount_check_customer_uses(discount, customer=customer, email=email)
    _check_combinable(discount, [other for other in applied if other.pk != discount.pk])


def discount_usable(discount: DiscountCode, *, earlier: Sequence[DiscountCode], now: datetime) -> bool:
    """Whether a code already on a cart still saves anything when the cart is read.

    Read-time checks only (no queries): active, within its dates, total uses left, and it still
    combines with the codes applied before it. The shopper's own uses are checked when the code
    is applied and again at checkout.
    """
    if discount.state(now) != "active":
        return False
    return not earlier or discount_combines(discount, earlier)


def discount_combines(discount: DiscountCode, earlier: Sequence[DiscountCode]) -> bool:
    """Several codes on one cart only when every one of them is combinable."""
    return discount.combinable and all(other.combinable for other in earlier)


def discount_code_input(discount: DiscountCode, *, usable: bool = True,
                   category_ids: frozenset[int] | None = None) -> CodeInput:
    """The code as pricing sees it; a category includes the categories below it.

    Products and categories must be prefetched; `category_ids` (from discount_category_scopes) saves
    reading the category tree again when several codes are priced together.
    """
    product_ids = frozenset(product.pk for product in discount.products.all())
    if category_ids is None:
        category_ids = discount_category_scopes([discount]).get(discount.pk, frozenset())
    return CodeInput(
        code=discount.code, type=discount.type, value=discount.value, minimum_subtotal=discount.minimum_subtotal,
        product_ids=product_ids, category_ids=category_ids, usable=usable,
    )


def discount_category_scopes(discounts: Iterable[DiscountCode]) -> dict[int, frozenset[int]]:
    """For each code limited to categories: those categories and every one below them, by catalog's tree
    walk (one query per distinct category; categories must be prefetched). Other codes are left out."""
    below: dict[str, list[int]] = {}
    scopes = {}
    for discount in discounts:
        categories = list(discount.categories.all())
        if not categories:
            continue
        for category in categories:
            if category.slug not in below:
                below[category.slug] = category_and_descendant_ids(category.slug)
        scopes[discount.pk] = frozenset(pk for category in categories for pk in below[category.slug])
    return scopes


def discount_uses_by(discount: DiscountCode, *, customer=None, email: str = "") -> int:
    """Recorded uses of a code by this customer (by account, or by email for guest checkouts)."""
    who = Q()
    if customer is not None:
        who |= Q(customer=customer)
    if email:
        who |= Q(email=email.strip().lower())
    if not who:
        return 0
    return DiscountUsage.objects.filter(who, discount=discount).count()


def discount_check_state(discount: DiscountCode, now: datetime) -> None:
    state = discount.state(now)
    if state in ("inactive", "scheduled"):
        raise DiscountCodeError(UNKNOWN_CODE_MESSAGE)
    if state == "expired":
        raise DiscountCodeError(f"The code {discount.code} expired on {_date(discount.ends_at)}.")
    if state == "exhausted":
        raise DiscountCodeError(f"The code {discount.code} has reached its usage limit.")


def discount_check_customer_uses(discount: DiscountCode, *, customer, email: str) -> None:
    limit = discount.usage_limit_per_customer
    if limit is None or (customer is None and not email):
        return  # a guest without an email yet is checked again at checkout
    if discount_uses_by(discount, customer=customer, email=email) >= limit:
        raise DiscountCodeError(discount_per_customer_message(discount))


def discount_per_customer_message(discount: DiscountCode) -> str:
    limit = discount.usage_limit_per_customer
    times = "once" if limit == 1 else f"{limit} times"
    return f"The code {discount.code} can be used {times} per customer, and you've already used it."


def _check_combinable(discount: DiscountCode, others: Sequence[DiscountCode]) -> None:
    if not others:
        return
    if len(others) >= MAX_CODES_PER_CART:
        raise DiscountCodeError(f"A cart can hold at most {MAX_CODES_PER_CART} codes.")
    if not discount.combinable:
        raise DiscountCodeError(f"The code {discount.code} can't be combined with other codes. Remove "
                                f"{others[0].code} first to use it instead.")
    blocking = next((other for other in others if not other.combinable), None)
    if blocking is not None:
        raise DiscountCodeError(f"The code {blocking.code} already on your cart can't be combined with "
                                f"other codes. Remove it first to use {discount.code} instead.")


def _date(value: datetime) -> str:
    value = value.astimezone(UTC) if timezone.is_aware(value) else value
    return f"{value:%B} {value.day}, {value.year}"


def _amount(value: Decimal) -> str:
    return f"{money(value)} {store_currency()}"
