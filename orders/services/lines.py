"""Order lines by kind: how a line is drafted from a cart line, snapshotted, and how its stock is taken or returned.

Two kinds: `variant` (catalog stock in units) and `blend` (a customer's blend made as a product base:
the line points at the BlendVersion bought, snapshots the formulation and the IFRA result, is made to
order, and takes the notes' stock in grams through blends.services). Checkout, admin create, cancel and
refunds only go through LINE_KINDS; stock is always taken kind by kind in LINE_KINDS order (variants,
then notes), so concurrent checkouts lock rows in one global order and never deadlock; a cancel or a refund
locks every row it will put stock back into first, in that same order (lines_lock_stock).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone

from blends.services import (
    blend_line_from_loaded,
    blend_lines_take_stock,
    blend_snapshots_lock_stock,
    blend_snapshots_release_stock,
)
from catalog.models import Product, Variant
from catalog.services import catalog_rows_lock, stock_move, stock_take_many
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
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
    blend_version_id: int | None = None
    is_made_to_order: bool = False
    ready_by: date | None = None  # made-to-order lines: the earliest day this line can ship
    prepared: object = None  # what the kind's take_stock needs beyond the row (a blends BlendLine)


@dataclass(frozen=True)
class LineKind:
    from_cart_line: Callable  # (PricedLine, index) -> LineDraft
    take_stock: Callable  # (lines, reference, actor) -> None, all lines of this kind at once
    return_stock: Callable  # (line, quantity, reason, reference, actor) -> None
    # (lines) -> None: lock, in the global order, every stock row return_stock will write for these lines.
    lock_stock: Callable
    # False: a refund may not put this kind back in stock (`restock: true` is a 400).
    restockable_on_refund: bool = True


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


def variant_lock_stock(lines: list[OrderLine]) -> None:
    # The variants, then their products (ascending ids): the order stock_take_many takes them in.
    catalog_rows_lock(variant_ids=[line.variant_id for line in lines if line.variant_id is not None])


def variant_return_stock(line: OrderLine, quantity: int, reason: str, reference: str, actor: Actor) -> None:
    if line.variant_id is None:  # the variant was deleted since: nothing to put back
        return
    stock_move(variant_id=line.variant_id, delta=quantity, reason=reason, reference=reference,
               actor=actor)


# Blend lines ---------------------------------------------------------------------------------------------


def blend_draft(priced_line, index: int) -> LineDraft:
    """A customer's blend made as a product base: priced by its formulation, made to order, with the version,
    the formulation and the IFRA result kept. The cart's blend, version and components are already loaded,
    so this reads nothing; a blend over an IFRA limit is a 400 naming the notes (NotCompliantError)."""
    source, item = priced_line.source, priced_line.item
    prepared = blend_line_from_loaded(blend=item.blend, product_base=item.product_base, quantity=item.quantity,
                                      customer=item.cart.customer)
    unit_price = prepared.formulation.unit_price
    return LineDraft(kind="blend", quantity=item.quantity, unit_price=unit_price,
                     line_total=priced_line.line_total,
                     discount_total=priced_line.discount_total, sku=source.sku, name=source.name,
                     product_name=source.product_name, variant_name=source.variant_name,
                     blend_snapshot=prepared.snapshot(), blend_version_id=prepared.version.pk,
                     is_made_to_order=True, ready_by=prepared.ready_by(timezone.now()), prepared=prepared)


def blend_take_stock(lines: list[OrderLine], reference: str, actor: Actor) -> None:
    # Every note of every blend line at once, in ascending note id (409 out_of_stock).
    blend_lines_take_stock(lines=[line.prepared for line in lines], reference=reference, actor=actor)


def blend_lock_stock(lines: list[OrderLine]) -> None:
    blend_snapshots_lock_stock(snapshots=[line.blend_snapshot for line in lines])


def blend_return_stock(line: OrderLine, quantity: int, reason: str, reference: str, actor: Actor) -> None:
    """Put back the grams of `quantity` units (a cancel): all the snapshot's grams for the whole line,
    else the units' share rounded down, so more than was taken never goes back."""
    snapshot = line.blend_snapshot
    if quantity < line.quantity:
        share = Decimal(quantity) / Decimal(line.quantity)
        components = [{**c, "grams": str((Decimal(c["grams"]) * share).quantize(Decimal("0.01"), ROUND_DOWN))}
                      for c in snapshot["formulation"]["components"]]
        components = [c for c in components if Decimal(c["grams"]) > 0]
        snapshot = {**snapshot, "formulation": {**snapshot["formulation"], "components": components}}
    blend_snapshots_release_stock(snapshots=[snapshot], reference=reference, actor=actor)


def _nothing(*args, **kwargs) -> None:
    return None


LINE_KINDS: dict[str, LineKind] = {
    "variant": LineKind(from_cart_line=variant_draft, take_stock=variant_take_stock,
                        return_stock=variant_return_stock, lock_stock=variant_lock_stock),
    # Made to order: the oils are poured into this customer's product; a refund cannot turn it back into oil.
    "blend": LineKind(from_cart_line=blend_draft, take_stock=blend_take_stock, return_stock=blend_return_stock,
                      restockable_on_refund=False, lock_stock=blend_lock_stock),
}


def register_line_kind(name: str, kind: LineKind) -> None:
    LINE_KINDS[name] = kind


# Shared -------------------------------------------------------------------------------------------------


def lines_create(order: Order, drafts: list[LineDraft]) -> list[OrderLine]:
    """Write the order's lines (one INSERT) and take their stock, kind by kind."""
    lines = OrderLine.objects.bulk_create([
        OrderLine(order=order, position=position, variant_id=d.variant_id, product_id=d.product_id, sku=d.sku,
                  name=d.name[:255], product_name=d.product_name, variant_name=d.variant_name,
                  quantity=d.quantity, unit_price=d.unit_price, line_total=d.line_total,
                  discount_total=d.discount_total, blend_snapshot=d.blend_snapshot,
                  blend_version_id=d.blend_version_id, is_made_to_order=d.is_made_to_order)
        for position, d in enumerate(drafts)
    ])
    for line, draft in zip(lines, drafts, strict=True):
        line.prepared = draft.prepared  # not a column: what lines_take_stock hands to the kind
    return lines


def lines_take_stock(lines: list[OrderLine], *, reference: str, actor: Actor) -> None:
    for kind, kind_lines in _by_kind(lines):  # one fixed order for every checkout: variant rows, then note rows
        kind.take_stock(kind_lines, reference, actor)


def _by_kind(lines: list[OrderLine]) -> list[tuple[LineKind, list[OrderLine]]]:
    """The lines grouped by kind, kinds in LINE_KINDS order."""
    by_kind: dict[str, list[OrderLine]] = {}
    for line in lines:
        by_kind.setdefault(kind_of_line(line), []).append(line)
    return [(LINE_KINDS[name], by_kind[name]) for name in LINE_KINDS if name in by_kind]


def lines_lock_stock(lines: list[OrderLine]) -> None:
    """Before putting several lines back in stock (a cancel, a refund): lock every row that will change, kind by
    kind in LINE_KINDS order, as lines_take_stock takes them. Returning line by line in the order's own line
    order would otherwise lock variant, product and note rows in an order a concurrent checkout may cross."""
    for kind, kind_lines in _by_kind(lines):
        kind.lock_stock(kind_lines)


def line_check_restock(line: OrderLine, *, field: str) -> None:
    """400 naming `field` when a refund asks to restock a line whose kind cannot go back to stock."""
    if not LINE_KINDS[kind_of_line(line)].restockable_on_refund:
        raise ValidationFailedError("A custom blend is poured for this order: its oils cannot go back to stock. "
                                    "Refund it without restock (cancel the order to release the oils "
                                    "before it ships).", field=field)


def line_return_stock(line: OrderLine, quantity: int, *, reason: str, reference: str, actor: Actor) -> None:
    if quantity > 0:
        LINE_KINDS[kind_of_line(line)].return_stock(line, quantity, reason, reference, actor)
