"""Catalog input rules, checked by the services and shared by the API serializers and admin forms."""

from moodmnky.errors import ValidationFailedError

RESERVED_SLUGS = {"bulk": "`bulk` is reserved (POST /products/bulk/)."}
MAX_TAG_LENGTH = 50


def product_slug_check(slug: str) -> str:
    """An explicit slug may not be all digits (it would read as an id) nor a reserved path segment."""
    if slug.isdigit():
        raise ValidationFailedError("A slug cannot be only digits (it would read as an id).", field="slug")
    if slug in RESERVED_SLUGS:
        raise ValidationFailedError(RESERVED_SLUGS[slug], field="slug")
    return slug


def product_tags_clean(tags: list[str]) -> list[str]:
    """Tags are stripped, lower-cased, at most 50 characters and listed once, in the order given."""
    cleaned: list[str] = []
    for tag in tags:
        tag = str(tag).strip().lower()[:MAX_TAG_LENGTH]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return cleaned


def stock_delta_check(delta: int, *, field: str = "delta") -> int:
    """A stock adjustment moves something: zero is refused."""
    if delta == 0:
        raise ValidationFailedError("Must not be zero.", field=field)
    return delta


def variant_backorder_check(*, quantity: int, track_inventory: bool, allow_backorder: bool) -> None:
    """Stock below zero is allowed only to variants that allow backorder (or do not track stock)."""
    if quantity < 0 and track_inventory and not allow_backorder:
        raise ValidationFailedError(
            f"The stock is {quantity}; receive stock before turning off backorders.", field="allow_backorder")
