"""What a cart line is bought as: a small interface so variant and blend lines price the same way.

A line source answers name, sku, unit_price (re-read from the catalog on every read), the product
and category a product-limited code can match, and how many units can be sold. The custom-blends
issue adds a blend source (blend + product base) next to the variant one and teaches `source_of`
to pick it.
"""

from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Product, Variant
from catalog.selectors import variant_available


@dataclass(frozen=True)
class LineSource:
    name: str
    sku: str
    unit_price: Decimal
    product_id: int | None  # None: no product- or category-limited code applies to this line
    category_id: int | None
    is_sellable: bool  # the product is on sale (active)
    available: int | None  # units that can be sold now; None = unlimited
    compare_at_price: Decimal | None = None
    product_name: str = ""
    variant_name: str = ""


def variant_source(variant: Variant) -> LineSource:
    """A variant line; `variant.product` must be loaded (select_related)."""
    product = variant.product
    return LineSource(
        name=f"{product.name} – {variant.name}" if variant.name else product.name,
        sku=variant.sku,
        unit_price=variant.price,
        product_id=product.pk,
        category_id=product.category_id,
        is_sellable=product.status == Product.Status.ACTIVE,
        available=variant_available(variant),
        compare_at_price=variant.compare_at_price,
        product_name=product.name,
        variant_name=variant.name,
    )


def source_of(item) -> LineSource:
    """The source of a CartItem (its variant, with the product loaded)."""
    return variant_source(item.variant)
