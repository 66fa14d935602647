"""What a cart line is bought as: a small interface so variant and blend lines price the same way.

A line source answers name, sku, unit_price (re-read from the catalog on every read), the product
and category a product-limited code can match, and how many units can be sold: a variant, or a
customer's blend made as a product base (docs/carts.md "Blend lines").
"""

from dataclasses import dataclass
from decimal import Decimal

from blends.analysis import ifra_check
from blends.formulation import blend_unit_price, units_available
from blends.models import Blend, ProductBase
from blends.selectors import blend_parts
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


def blend_source(blend: Blend, base: ProductBase) -> LineSource:
    """A customer's blend made as a product base; on sale while the base is active, the blend exists and
    is within every IFRA limit for the base; available = units the notes' stock can make now.
    `blend` must come with its current version's components loaded (blends.selectors.component_prefetch)."""
    parts = blend_parts(blend)
    sellable = (base.is_active and blend.deleted_at is None and bool(parts)
                and all(part.note.is_active for part in parts) and ifra_check(parts, base).compliant)
    return LineSource(
        name=f"{blend.name} – {base.name}",
        sku=f"BLEND-{blend.pk.hex[:8].upper()}-{base.slug.upper()}"[:64],
        unit_price=blend_unit_price(base),
        product_id=None,  # product- and category-limited codes never apply to a blend line
        category_id=None,
        is_sellable=sellable,
        available=units_available(parts, base),
        product_name=blend.name,
        variant_name=base.name,
    )


def source_of(item) -> LineSource:
    """The source of a CartItem: its variant (product loaded), or its blend and product base."""
    if item.blend_id is not None:
        return blend_source(item.blend, item.product_base)
    return variant_source(item.variant)
