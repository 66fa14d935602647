"""A formulation: grams of each note and of the carrier for a quantity of a product base, cost and price (pure)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings

from blends.analysis import CENT, HUNDRED, IfraResult, Part, ifra_check
from moodmnky.money import store_currency


@dataclass(frozen=True)
class FormulationLine:
    note_id: int
    note_slug: str
    name: str
    percentage: Decimal
    grams: Decimal
    cost: Decimal  # grams × the note's cost per gram, to the cent
    allergens: str = ""


@dataclass(frozen=True)
class Formulation:
    blend_id: str
    blend_version: int
    product_base: object
    quantity: int
    total_grams: Decimal  # quantity × fill weight
    fragrance_grams: Decimal
    carrier_grams: Decimal
    components: list[FormulationLine]
    cost: Decimal
    unit_price: Decimal
    price: Decimal
    currency: str
    ifra: IfraResult

    @property
    def product_base_id(self) -> int:
        return self.product_base.pk

    @property
    def cure_days(self) -> int:
        return self.product_base.cure_days

    def snapshot(self) -> dict:
        """JSON-able record of this formulation (what an order line keeps)."""
        return {
            "blend_id": self.blend_id, "blend_version": self.blend_version,
            "product_base_id": self.product_base.pk, "product_base_slug": self.product_base.slug,
            "product_base_name": self.product_base.name, "product_type": self.product_base.product_type,
            "ifra_category": self.product_base.ifra_category, "fragrance_load": str(self.product_base.fragrance_load),
            "fill_weight_g": str(self.product_base.fill_weight_g), "quantity": self.quantity,
            "total_grams": str(self.total_grams), "fragrance_grams": str(self.fragrance_grams),
            "carrier_grams": str(self.carrier_grams), "carrier_name": self.product_base.carrier_name,
            "cure_days": self.product_base.cure_days,
            "components": [{"note_id": line.note_id, "note_slug": line.note_slug, "name": line.name,
                            "percentage": str(line.percentage), "grams": str(line.grams)}
                           for line in self.components],
            "cost": str(self.cost), "unit_price": str(self.unit_price), "price": str(self.price),
            "currency": self.currency,
        }


def blend_unit_price(base) -> Decimal:
    """One unit of a base made with a customer's blend: the base price plus settings.BLEND_PREMIUM."""
    return (base.price + settings.BLEND_PREMIUM).quantize(CENT, rounding=ROUND_HALF_UP)


def split_grams(total: Decimal, percentages: Sequence[Decimal]) -> list[Decimal]:
    """`total` (2 places) split by percentages summing to 100, each to 0.01 g, adding up exactly to `total`.

    Largest remainder: every share is rounded down to the cent, then the missing cents go one each to
    the shares with the largest remainders (ties: the earlier component).
    """
    exact = [total * percentage / HUNDRED for percentage in percentages]
    floors = [value.quantize(CENT, rounding=ROUND_FLOOR) for value in exact]
    missing = int(((total - sum(floors, Decimal("0"))) / CENT).to_integral_value())
    order = sorted(range(len(exact)), key=lambda index: (-(exact[index] - floors[index]), index))
    for index in order[:missing]:
        floors[index] += CENT
    return floors


def formulate(*, parts: Sequence[Part], base, quantity: int, blend_id: str, version_number: int) -> Formulation:
    """Grams per note for `quantity` units of `base` (quantity × fill_weight × load / 100, split by
    percentage), the carrier grams (the rest), the oils' cost and the price."""
    total = (base.fill_weight_g * quantity).quantize(CENT)
    fragrance = (total * base.fragrance_load / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)
    grams = split_grams(fragrance, [part.percentage for part in parts])
    lines = [
        FormulationLine(note_id=part.note.pk, note_slug=part.note.slug, name=part.note.name,
                        percentage=part.percentage, grams=weight,
                        cost=(weight * part.note.cost_per_gram).quantize(CENT, rounding=ROUND_HALF_UP),
                        allergens=part.note.allergens)
        for part, weight in zip(parts, grams, strict=True)
    ]
    unit_price = blend_unit_price(base)
    return Formulation(
        blend_id=str(blend_id), blend_version=version_number, product_base=base, quantity=quantity,
        total_grams=total, fragrance_grams=fragrance, carrier_grams=total - fragrance, components=lines,
        cost=sum((line.cost for line in lines), Decimal("0.00")), unit_price=unit_price,
        price=(unit_price * quantity).quantize(CENT), currency=store_currency(),
        ifra=ifra_check(parts, base),
    )


def units_available(parts: Sequence[Part], base) -> int:
    """How many units of `base` the notes' stock can make now (grams as `formulate` would weigh them)."""
    if not parts:
        return 0
    per_unit = [base.fill_weight_g * base.fragrance_load * part.percentage / (HUNDRED * HUNDRED) for part in parts]
    units = min(int(part.note.stock_grams / grams) for part, grams in zip(parts, per_unit, strict=True))
    # Rounding to the cent can ask a hair more than quantity × per-unit grams: step down until it fits.
    while units > 0:
        total = (base.fill_weight_g * units).quantize(CENT)
        fragrance = (total * base.fragrance_load / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)
        grams = split_grams(fragrance, [part.percentage for part in parts])
        if all(weight <= part.note.stock_grams for part, weight in zip(parts, grams, strict=True)):
            break
        units -= 1
    return units
