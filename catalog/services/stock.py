"""Every change of a variant's stock: one conditional UPDATE plus one ledger row, in one transaction."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone

from catalog import cache as catalog_cache
from catalog.errors import StockBelowZeroError, VariantNotFoundError, VariantOutOfStockError
from catalog.events import inventory_payload
from catalog.models import Product, StockMovement, Variant
from catalog.rules import stock_delta_check
from catalog.services.locks import products_lock
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks.services import record_events

REASONS = StockMovement.Reason.values
ADJUSTMENT_REASONS = ["adjustment", "receive", "return", "damage"]
MAX_DELTA = 100_000_000  # keeps quantities far from the 32-bit column limit


@transaction.atomic
def stock_move(*, actor: Actor, variant_id: int, delta: int, reason: str, note: str = "", reference: str = "",
               allow_backorder: bool = True, refresh_product: bool = True) -> StockMovement:
    """Change a variant's quantity by `delta` and write the ledger row; never oversells.

    A negative delta on a tracked variant that does not allow backorder is one conditional UPDATE
    (`quantity >= -delta`), so no interleaving of requests on any number of workers sells more than
    is in stock. `allow_backorder=False` applies that guard to backorder variants too (adjustments).
    Raises VariantOutOfStockError (409, context `available`) or VariantNotFoundError.
    `refresh_product=False`: the caller rewrites the product's `in_stock` itself afterwards (a new variant's
    opening stock, before the product service's `_announce`), so a flip does not recompute it here too.
    """
    if reason not in REASONS:
        raise ValidationFailedError(f"`reason` must be one of: {', '.join(REASONS)}.", field="reason")
    if not isinstance(delta, int) or isinstance(delta, bool) or delta == 0 or abs(delta) > MAX_DELTA:
        raise ValidationFailedError(f"`delta` must be a non-zero whole number up to {MAX_DELTA:,}.",
                                    field="delta")

    rows = Variant.objects.filter(pk=variant_id)
    if delta < 0:
        enough = Q(quantity__gte=-delta) | Q(track_inventory=False)
        rows = rows.filter(enough | Q(allow_backorder=True) if allow_backorder else enough)
    if not rows.update(quantity=F("quantity") + delta, updated_at=timezone.now()):
        current = Variant.objects.filter(pk=variant_id).values("sku", "quantity").first()
        if current is None:
            raise VariantNotFoundError(field="variant_id", variant_id=variant_id)
        available = max(current["quantity"], 0)
        raise VariantOutOfStockError(
            f"Only {available} of {current['sku']} in stock.", variant_id=variant_id,
            sku=current["sku"], requested=-delta, available=available,
        )

    # Our UPDATE holds the row lock until commit, so this read sees exactly the quantity we produced.
    variant = Variant.objects.select_related("product").get(pk=variant_id)
    movement = StockMovement.objects.create(
        variant=variant, sku=variant.sku, delta=delta, quantity_after=variant.quantity, reason=reason,
        note=note, reference=str(reference)[:100], actor=actor.user, actor_label=actor.label[:150],
    )
    payload = inventory_payload(variant, movement)
    before = variant.quantity - delta
    low = variant.track_inventory and before > variant.low_stock_threshold >= variant.quantity
    record_events([("inventory.updated", payload), *([("inventory.low_stock", payload)] if low else [])],
                  actor=actor)
    # Shoppers see only `in_stock`: their list pages stay valid unless it flipped.
    flipped = _sellable_flipped(variant, before)
    if flipped and refresh_product:
        product_in_stock_refresh([variant.product_id])
    catalog_cache.invalidate_products([variant.product_id], public_lists=flipped)
    return movement


@transaction.atomic
def stock_take_many(*, actor: Actor, items: Iterable[tuple[int, int]], reason: str = "sale",
                    reference: str = "") -> list[StockMovement]:
    """Take several variants' stock, all or nothing (inside the caller's transaction), in a fixed number
    of queries whatever the number of variants (their events are one INSERT too).

    Rows are locked in ascending variant id (one SELECT … FOR UPDATE ORDER BY id), so concurrent
    multi-line checkouts queue behind each other instead of deadlocking; then one conditional UPDATE
    takes every quantity (`quantity >= wanted` per row, the same guard as stock_move) and one INSERT
    writes the ledger. Quantities of repeated variant ids are added up. Raises VariantOutOfStockError
    (context `available`) or VariantNotFoundError naming the first variant at fault.
    """
    wanted: dict[int, int] = defaultdict(int)
    for variant_id, quantity in items:
        if quantity <= 0:
            raise ValidationFailedError("Quantities must be at least 1.", field="quantity")
        wanted[variant_id] += quantity
    if reason not in REASONS:
        raise ValidationFailedError(f"`reason` must be one of: {', '.join(REASONS)}.", field="reason")
    ids = sorted(wanted)
    variants = {v.pk: v for v in Variant.objects.select_for_update(of=("self",)).select_related("product")
                .filter(pk__in=ids).order_by("pk")}
    for variant_id in ids:
        _check_can_take(variants.get(variant_id), variant_id, wanted[variant_id])
    take = Case(*[When(pk=pk, then=Value(wanted[pk])) for pk in ids], output_field=IntegerField())
    enough = Q(quantity__gte=take) | Q(track_inventory=False) | Q(allow_backorder=True)
    now = timezone.now()
    if Variant.objects.filter(enough, pk__in=ids).update(quantity=F("quantity") - take, updated_at=now) != len(ids):
        # Only without row locks (SQLite): someone took stock between our read and our UPDATE.
        short = Variant.objects.filter(pk__in=ids).exclude(enough).values_list("pk", flat=True).first()
        _check_can_take(Variant.objects.get(pk=short), short, wanted[short])
    movements = []
    for pk in ids:
        variant = variants[pk]
        variant.quantity -= wanted[pk]
        movements.append(StockMovement(variant=variant, sku=variant.sku, delta=-wanted[pk],
                                       quantity_after=variant.quantity, reason=reason, reference=str(reference)[:100],
                                       actor=actor.user, actor_label=actor.label[:150], created_at=now))
    StockMovement.objects.bulk_create(movements)
    flipped, events = set(), []
    for movement in movements:
        variant = movement.variant
        payload = inventory_payload(variant, movement)
        events.append(("inventory.updated", payload))
        before = variant.quantity - movement.delta
        if variant.track_inventory and before > variant.low_stock_threshold >= variant.quantity:
            events.append(("inventory.low_stock", payload))
        if _sellable_flipped(variant, before):
            flipped.add(variant.product_id)
    record_events(events, actor=actor)  # one INSERT, in the same order as one record_event per variant
    if flipped:
        product_in_stock_refresh(sorted(flipped))
    catalog_cache.invalidate_products([variant.product_id for variant in variants.values()],
                                      public_lists=bool(flipped))
    return movements


def product_in_stock_refresh(product_ids: list[int]) -> None:
    """Recompute `Product.in_stock` of these products, inside the caller's transaction.

    The product rows are locked first (in id order), in a statement of their own: a stock change
    waiting for a concurrent one on another variant of the same product then reads that variant as
    committed, so two sales selling out a product's last two variants at once leave it sold out.
    Lock order: variant rows (the stock UPDATE) before product rows, as variant_update takes them.
    """
    products_lock(product_ids)
    Product.objects.filter(pk__in=product_ids).update(in_stock=Product.in_stock_now())


def _sellable_flipped(variant: Variant, before: int) -> bool:
    """A quantity change from `before` turned the variant's own `in_stock` on or off."""
    return variant.track_inventory and not variant.allow_backorder and (before > 0) != (variant.quantity > 0)


def _check_can_take(variant: Variant | None, variant_id: int, quantity: int) -> None:
    if variant is None:
        raise VariantNotFoundError(field="variant_id", variant_id=variant_id)
    if variant.track_inventory and not variant.allow_backorder and variant.quantity < quantity:
        available = max(variant.quantity, 0)
        raise VariantOutOfStockError(f"Only {available} of {variant.sku} in stock.", variant_id=variant_id,
                                     sku=variant.sku, requested=quantity, available=available)


@transaction.atomic
def stock_adjust(*, actor: Actor, variant_id: int, delta: int, reason: str = "adjustment", note: str = "",
                 reference: str = "") -> StockMovement:
    """A manual correction (adjustment, receive, return, damage); never leaves tracked stock below zero.

    Raises StockBelowZeroError (400 naming `delta`) instead of out_of_stock, and a 400 naming
    `variant_id` for an unknown variant.
    """
    if reason not in ADJUSTMENT_REASONS:
        raise ValidationFailedError(f"`reason` must be one of: {', '.join(ADJUSTMENT_REASONS)}.",
                                    field="reason")
    stock_delta_check(delta)
    try:
        return stock_move(variant_id=variant_id, delta=delta, reason=reason, note=note, reference=reference,
                          actor=actor, allow_backorder=False)
    except VariantOutOfStockError as exc:
        raise StockBelowZeroError(
            f"Only {exc.details['available']} in stock; a change of {delta} would go below zero.",
            available=exc.details["available"],
        ) from None
    except VariantNotFoundError:
        # An id a client sent in a body: a 400 naming it, like every unknown id in a request body.
        raise ValidationFailedError("No variant with this id.", field="variant_id") from None


@transaction.atomic
def stock_set(*, actor: Actor, variant_id: int, quantity: int, reason: str = "adjustment", note: str = "",
              reference: str = "") -> StockMovement | None:
    """Set the quantity (a stock count); writes the difference as a movement, or nothing if equal."""
    if quantity < 0:
        raise ValidationFailedError("A stock count cannot be negative.", field="set")
    # Locked so a sale cannot slip in between reading the count and writing the difference.
    current = Variant.objects.select_for_update().filter(pk=variant_id).values_list("quantity", flat=True).first()
    if current is None:
        raise VariantNotFoundError(field="variant_id", variant_id=variant_id)
    if quantity == current:
        return None
    return stock_move(variant_id=variant_id, delta=quantity - current, reason=reason, note=note,
                      reference=reference, actor=actor, allow_backorder=False)
