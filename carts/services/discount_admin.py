"""Discount codes as staff manage them: the admin API and the Django admin write through here."""

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from carts.models import DiscountCode
from moodmnky.errors import ValidationFailedError

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{2,49}$")
_UNSET: Any = object()  # "not given" (None is a value: no end date, no limit)


@transaction.atomic
def discount_create(*, code: str, type: str, value: Decimal = Decimal("0"), description: str = "",
                    minimum_subtotal: Decimal = Decimal("0"), starts_at: datetime | None = None,
                    ends_at: datetime | None = None, usage_limit: int | None = None,
                    usage_limit_per_customer: int | None = None, products=(), categories=(),
                    combinable: bool = False, is_active: bool = True) -> DiscountCode:
    """Create a code under discount_validate's rules; codes are unique whatever their letter case."""
    discount = DiscountCode(
        code=code.strip(), description=description, type=type, value=value, minimum_subtotal=minimum_subtotal,
        starts_at=starts_at, ends_at=ends_at, usage_limit=usage_limit,
        usage_limit_per_customer=usage_limit_per_customer, combinable=combinable, is_active=is_active,
    )
    discount_validate(discount)
    discount.save()
    discount.products.set(products)
    discount.categories.set(categories)
    return discount


@transaction.atomic
def discount_update(*, discount: DiscountCode, code: str = _UNSET, description: str = _UNSET, type: str = _UNSET,
                    value: Decimal = _UNSET, minimum_subtotal: Decimal = _UNSET, starts_at: datetime | None = _UNSET,
                    ends_at: datetime | None = _UNSET, usage_limit: int | None = _UNSET,
                    usage_limit_per_customer: int | None = _UNSET, combinable: bool = _UNSET,
                    is_active: bool = _UNSET, products=None, categories=None) -> DiscountCode:
    """Change a code under discount_validate's rules; `products`/`categories` replace the limits when given.

    `times_used` is not editable.
    """
    given = {"code": code, "description": description, "type": type, "value": value,
             "minimum_subtotal": minimum_subtotal, "starts_at": starts_at, "ends_at": ends_at,
             "usage_limit": usage_limit, "usage_limit_per_customer": usage_limit_per_customer,
             "combinable": combinable, "is_active": is_active}
    discount = DiscountCode.objects.select_for_update().get(pk=discount.pk)
    for name, field_value in given.items():
        if field_value is not _UNSET:
            setattr(discount, name, field_value.strip() if name == "code" else field_value)
    discount_validate(discount)
    discount.save()
    if products is not None:
        discount.products.set(products)
    if categories is not None:
        discount.categories.set(categories)
    return discount


@transaction.atomic
def discount_delete(*, discount: DiscountCode) -> None:
    """Delete a code: it leaves every cart it was on; its usage history keeps the code's text."""
    discount.delete()


@transaction.atomic
def discount_deactivate(*, discount_ids: list[int]) -> int:
    return DiscountCode.objects.filter(pk__in=discount_ids, is_active=True).update(is_active=False)


def discount_validate(discount: DiscountCode) -> None:
    """Raise ValidationFailedError naming the field when a code breaks a rule; normalises value."""
    if not CODE_PATTERN.match(discount.code):
        raise ValidationFailedError("A code is 3–50 letters, digits, hyphens or underscores, starting with a "
                                    "letter or digit.", field="code")
    taken = DiscountCode.objects.filter(code__iexact=discount.code)
    if discount.pk:
        taken = taken.exclude(pk=discount.pk)
    if taken.exists():
        raise ValidationFailedError("A discount with this code already exists.", field="code")
    if discount.type not in DiscountCode.Type.values:
        raise ValidationFailedError(f"`type` must be one of: {', '.join(DiscountCode.Type.values)}.", field="type")
    if discount.type == DiscountCode.Type.FREE_SHIPPING:
        discount.value = Decimal("0")
    elif discount.value is None or discount.value <= 0:
        raise ValidationFailedError("A percentage or fixed-amount code needs a value above 0.", field="value")
    elif discount.type == DiscountCode.Type.PERCENTAGE and discount.value > 100:
        raise ValidationFailedError("A percentage can be at most 100.", field="value")
    if discount.minimum_subtotal is None or discount.minimum_subtotal < 0:
        raise ValidationFailedError("The minimum subtotal cannot be negative.", field="minimum_subtotal")
    if discount.starts_at and discount.ends_at and discount.ends_at <= discount.starts_at:
        raise ValidationFailedError("The end must come after the start.", field="ends_at")
    for name in ("usage_limit", "usage_limit_per_customer"):
        if getattr(discount, name) is not None and getattr(discount, name) < 1:
            raise ValidationFailedError("A usage limit is at least 1 (leave it empty for no limit).", field=name)
