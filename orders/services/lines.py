"""Order lines by kind: how a line is drafted from a cart line, snapshotted, and how its stock is taken or returned.

Today there is one kind, `variant`. The blends app adds `blend` (CartItem.blend + product_base): its
draft function fills `blend_snapshot` and `is_made_to_order`, and its stock functions take nothing
(or the base's stock); checkout, admin create, cancel and refunds only go through LINE_KINDS.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Product, Variant
from catalog.services import stock_move, stock_take_many
from moodmnky.actors import Actor
from orders.errors import LineUnavailableError
from orders.models import Order, OrderLine


@dataclass
class LineDraft:
    kind: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal
    discount_total: Decimal
    sku: str
    name: str
    product_name: str = ""
    variant_name: str = ""
    product_id: int | None = None
    variant_id: int | None = None
    blend_snapshot: dict | None = None
    is_made_to_order: bool = False


@dataclass(frozen=True)
class LineKind:
    from_cart_line: Callable  # (PricedLine, index) -> LineDraft
    take_stock: Callable  # (lines, reference, actor) -> None, all lines of this kind at once
    return_stock: Callable  # (line, quantity, reason, reference, actor) -> None


def kind_of_cart_item(item) -> str:
    return "variant" if item.variant_id is not None else "blend"


def kind_of_line(line: OrderLine) -> str:
    return "blend" if line.blend_snapshot is not None else "variant"


# Variant lines -------------------------------------------------------------------------------------------


def variant_draft(priced_line, index: int) -> LineDraft:
    source, item = priced_line.source, priced_line.item
    if not source.is_sellable:
        raise LineUnavailableError(f"{source.name} is no longer available; remove it from the cart.",
                                   field=f"items.{index}", item_id=item.pk)
    return LineDraft(kind="variant", quantity=item.quantity, unit_price=source.unit_price,
                     line_total=priced_line.line_total, discount_total=priced_line.discount_total, sku=source.sku,
                     name=source.name, product_name=source.product_name, variant_name=source.variant_name,
                     product_id=source.product_id, variant_id=item.variant_id)


def variant_draft_for_admin(variant: Variant, quantity: int, *, line_total: Decimal, index: int) -> LineDraft:
    """A phone/manual order line from a variant at today's price (active products only)."""
    product = variant.product
    if product.status != Product.Status.ACTIVE:
        raise LineUnavailableError(f"{product.name} is not on sale.", field=f"lines.{index}.variant_id")
    name = f"{product.name} – {variant.name}" if variant.name else product.name
    return LineDraft(kind="variant", quantity=quantity, unit_price=variant.price, line_total=line_total,
                     discount_total=Decimal("0.00"), sku=variant.sku, name=name, product_name=product.name,
                     variant_name=variant.name, product_id=product.pk, variant_id=variant.pk)


def variant_take_stock(lines: list[OrderLine], reference: str, actor: Actor) -> None:
    # stock_take_many locks the variant rows in ascending id order: concurrent checkouts queue, never deadlock.
    stock_take_many(items=[(line.variant_id, line.quantity) for line in lines], reason="sale",
                    reference=reference, actor=actor)


def variant_return_stock(line: OrderLine, quantity: int, reason: str, reference: str, actor: Actor) -> None:
    if line.variant_id is None:  # the variant was deleted since: nothing to put back
        return
    stock_move(variant_id=line.variant_id, delta=quantity, reason=reason, reference=reference,
               actor=actor)


def _blend_not_ready(*args, **kwargs):
    raise LineUnavailableError("Custom blend lines are not available yet.")


def _nothing(*args, **kwargs) -> None:
    return None


LINE_KINDS: dict[str, LineKind] = {
    "variant": LineKind(from_cart_line=variant_draft, take_stock=variant_take_stock,
                        return_stock=variant_return_stock),
    # Replaced by the blends app (made to order: no stock is taken or returned).
    "blend": LineKind(from_cart_line=_blend_not_ready, take_stock=_nothing, return_stock=_nothing),
}


def register_line_kind(name: str, kind: LineKind) -> None:
    LINE_KINDS[name] = kind


# Shared -------------------------------------------------------------------------------------------------


def lines_create(order: Order, drafts: Iterable[LineDraft]) -> list[OrderLine]:
    """Write the order's lines (one INSERT) and take their stock, kind by kind."""
    lines = OrderLine.objects.bulk_create([
        OrderLine(order=order, position=position, variant_id=d.variant_id, product_id=d.product_id, sku=d.sku,
                  name=d.name[:255], product_name=d.product_name, variant_name=d.variant_name,
                  quantity=d.quantity, unit_price=d.unit_price, line_total=d.line_total,
                  discount_total=d.discount_total, blend_snapshot=d.blend_snapshot,
                  is_made_to_order=d.is_made_to_order)
        for position, d in enumerate(drafts)
    ])
    return lines


def lines_take_stock(lines: list[OrderLine], *, reference: str, actor: Actor) -> None:
    by_kind: dict[str, list[OrderLine]] = {}
    for line in lines:
        by_kind.setdefault(kind_of_line(line), []).append(line)
    for kind, kind_lines in by_kind.items():
        LINE_KINDS[kind].take_stock(kind_lines, reference, actor)


def line_return_stock(line: OrderLine, quantity: int, *, reason: str, reference: str, actor: Actor) -> None:
    if quantity > 0:
        LINE_KINDS[kind_of_line(line)].return_stock(line, quantity, reason, reference, actor)
