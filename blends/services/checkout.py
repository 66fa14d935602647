"""What the orders app calls for a blend line: prepare it (formulation + IFRA), take and release note stock."""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from blends.errors import (
    BlendHasNoCompositionError,
    BlendNotFoundError,
    NotCompliantError,
    ProductBaseUnavailableError,
)
from blends.events import ifra_data
from blends.formulation import Formulation, formulate
from blends.models import Blend, BlendVersion, ProductBase
from blends.selectors import blend_get, blend_parts, product_base_get, version_parts
from blends.services.stock import note_rows_lock, note_stock_release_many, note_stock_take_many
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError


@dataclass(frozen=True)
class BlendLine:
    """A blend made as `quantity` units of a base, ready to become an order line."""

    blend: Blend
    version: BlendVersion
    product_base: ProductBase
    formulation: Formulation

    @property
    def stock_items(self) -> list[tuple[int, Decimal]]:
        """(note_id, grams) to take for this line."""
        return [(line.note_id, line.grams) for line in self.formulation.components]

    @property
    def cure_days(self) -> int:
        return self.product_base.cure_days

    def ready_by(self, now: datetime | None = None) -> date:
        """The earliest day the line can ship: today (UTC) plus the base's cure days."""
        return ((now or timezone.now()) + timedelta(days=self.cure_days)).date()

    def snapshot(self) -> dict:
        """JSON-able record an order line keeps: version, composition, formulation and IFRA result."""
        return {
            "blend_id": str(self.blend.pk), "name": self.blend.name, "version": self.version.number,
            "version_id": self.version.pk,
            "components": [{"note_id": line.note_id, "note_slug": line.note_slug, "name": line.name,
                            "percentage": str(line.percentage)} for line in self.formulation.components],
            "formulation": self.formulation.snapshot(),
            "ifra": {**ifra_data(self.formulation.ifra), "amendments": self.formulation.ifra.amendments},
            "cure_days": self.cure_days,
        }


def blend_line_prepare(*, blend_id, product_base_id: int, quantity: int, customer=None,
                       any_customer: bool = False) -> BlendLine:
    """Formulate a customer's blend for a base, refusing what may not be sold.

    Another customer's (or an unknown) blend is a 400 naming `blend_id`; an inactive or unknown base
    a 400 naming `product_base_id`; a blend over an IFRA limit for the base a NotCompliantError (400)
    naming the notes.
    """
    try:
        blend = blend_get(blend_id=blend_id, customer=customer, any_customer=any_customer)
    except BlendNotFoundError:
        raise ValidationFailedError("No such blend.", field="blend_id") from None
    base = product_base_get(product_base_id=product_base_id)
    return BlendLine(blend=blend, version=blend.current_version, product_base=base,
                     formulation=blend_formulate(blend=blend, product_base=base, quantity=quantity))


def blend_line_from_loaded(*, blend: Blend, product_base: ProductBase, quantity: int, customer) -> BlendLine:
    """blend_line_prepare for a blend and base already read (a cart's lines, loaded by carts.selectors
    with the current version's components): the same checks and errors, and no query at all, so a
    checkout with many blend lines costs what a checkout with one does."""
    if customer is None or blend.customer_id != customer.pk or blend.deleted_at is not None:
        raise ValidationFailedError("No such blend.", field="blend_id")
    if not product_base.is_active:
        raise ProductBaseUnavailableError()
    inactive = [part.note.name for part in blend_parts(blend) if not part.note.is_active]
    if inactive:
        raise ValidationFailedError(f"{', '.join(inactive)} can no longer be blended; change the blend.",
                                    field="blend_id")
    return BlendLine(blend=blend, version=blend.current_version, product_base=product_base,
                     formulation=blend_formulate(blend=blend, product_base=product_base, quantity=quantity))


def blend_formulate(*, blend: Blend, product_base: ProductBase, quantity: int,
                    version: BlendVersion | None = None) -> Formulation:
    """The formulation of the blend's current version (or of `version`, e.g. the one an order line bought,
    loaded by selectors.blend_version_get); NotCompliantError when a note is over its limit."""
    parts = blend_parts(blend) if version is None else version_parts(version)
    if not parts:
        raise BlendHasNoCompositionError()
    formulation = formulate(parts=parts, base=product_base, quantity=quantity, blend_id=str(blend.pk),
                            version_number=blend.version_number if version is None else version.number)
    if not formulation.ifra.compliant:
        raise not_compliant_error(formulation.ifra)
    return formulation


def not_compliant_error(result) -> NotCompliantError:
    names = ", ".join(f"{v.note_name} ({v.level} % in the product, limit {v.limit} %)" for v in result.violations)
    return NotCompliantError(
        f"This blend is over the IFRA limit for {result.product_base_name} (category {result.ifra_category}): "
        f"{names}. The highest fragrance load it allows is {result.max_compliant_load} %.",
        violations=[{"note_id": v.note_id, "note_slug": v.note_slug, "level": str(v.level), "limit": str(v.limit)}
                    for v in result.violations],
    )


def blend_lines_take_stock(*, lines: Sequence[BlendLine], reference: str, actor: Actor) -> None:
    """Take the grams of every blend line of an order at once (ascending note id; 409 out_of_stock)."""
    note_stock_take_many(items=[item for line in lines for item in line.stock_items], reference=reference,
                         actor=actor)


def blend_snapshots_lock_stock(*, snapshots: Iterable[dict]) -> None:
    """Lock (ascending note id) the notes whose grams blend_snapshots_release_stock will put back."""
    note_rows_lock(note_id for note_id, _ in _snapshot_grams(snapshots))


def blend_snapshots_release_stock(*, snapshots: Iterable[dict], reference: str, actor: Actor) -> None:
    """Put back the grams recorded in order-line snapshots (BlendLine.snapshot()) when an order is cancelled."""
    items = list(_snapshot_grams(snapshots))
    if items:
        note_stock_release_many(items=items, reference=reference, actor=actor)


def _snapshot_grams(snapshots: Iterable[dict]) -> Iterator[tuple[int, Decimal]]:
    """(note_id, grams) of every component formulated in these order-line snapshots."""
    for snapshot in snapshots:
        for component in snapshot["formulation"]["components"]:
            yield component["note_id"], Decimal(component["grams"])
