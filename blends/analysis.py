"""A blend's analysis: pyramid, families, intensity, balance warnings and IFRA compliance per product base.

Pure functions over notes (with `category` and `ifra_limits` loaded) and product bases; no queries.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
LIMIT_PLACES = Decimal("0.0001")
HUNDRED = Decimal("100")
# Editorial ranges (shared/domain/fragrance.md §1): outside them a blend may read unbalanced.
PYRAMID_RANGES = {"top": (Decimal("15"), Decimal("35")), "middle": (Decimal("25"), Decimal("60")),
                  "base": (Decimal("15"), Decimal("55"))}
DOMINANT_OVER = Decimal("60")
TRACE_UNDER = Decimal("5")
TIER_NAMES = {"top": "Top", "middle": "Heart (middle)", "base": "Base"}


@dataclass(frozen=True)
class Part:
    """A component as the analysis sees it: a Note and its percentage of the blend."""

    note: object
    percentage: Decimal


@dataclass(frozen=True)
class Violation:
    note_id: int
    note_slug: str
    note_name: str
    level: Decimal  # percent of the note in the finished product, rounded up to 4 places
    limit: Decimal


@dataclass(frozen=True)
class IfraResult:
    product_base_id: int
    product_base_slug: str
    product_base_name: str
    ifra_category: str
    fragrance_load: Decimal
    compliant: bool
    max_compliant_load: Decimal  # the highest load (2 places, percent) at which every note is within its limit
    violations: list[Violation] = field(default_factory=list)
    amendments: list[int] = field(default_factory=list)  # IFRA Amendments of the limits that applied


@dataclass(frozen=True)
class Analysis:
    total_percentage: Decimal
    pyramid: dict[str, Decimal]
    families: list[dict]
    intensity: Decimal
    warnings: list[dict]
    ifra: list[IfraResult]

    def ifra_for(self, product_base_id: int) -> IfraResult | None:
        return next((result for result in self.ifra if result.product_base_id == product_base_id), None)


def limits_of(note) -> dict[str, Decimal]:
    """IFRA category -> limit of a note (its `ifra_limits` prefetched)."""
    return {row.ifra_category: row.limit for row in note.ifra_limits.all()}


def level_in_product(percentage: Decimal, fragrance_load: Decimal) -> Decimal:
    """Percent of a note in the finished product: percentage × fragrance_load / 100 (exact)."""
    return percentage * fragrance_load / HUNDRED


def shown_level(level: Decimal) -> Decimal:
    """A level rounded UP to the limits' 4 places: never understated, and since limits have 4 places,
    `shown_level(level) <= limit` exactly when `level <= limit`."""
    return level.quantize(LIMIT_PLACES, rounding=ROUND_CEILING)


def ifra_check(parts: Sequence[Part], base) -> IfraResult:
    """Whether every note's level in `base`'s finished product is within its limit for the base's category.

    A note at exactly its limit complies. `max_compliant_load` = min over restricted notes of
    limit × 100 / percentage, rounded down to 2 places (so a load at that value still complies), at
    most 100.00 (no restricted note: any load).
    """
    violations, amendments = [], set()
    max_load = HUNDRED
    for part in parts:
        limits = {row.ifra_category: row for row in part.note.ifra_limits.all()}
        row = limits.get(base.ifra_category)
        if row is None:
            continue
        amendments.add(row.amendment)
        level = level_in_product(part.percentage, base.fragrance_load)
        if level > row.limit:
            violations.append(Violation(note_id=part.note.pk, note_slug=part.note.slug, note_name=part.note.name,
                                        level=shown_level(level), limit=row.limit))
        allowed = (row.limit * HUNDRED / part.percentage).quantize(CENT, rounding=ROUND_FLOOR)
        max_load = min(max_load, allowed)
    return IfraResult(
        product_base_id=base.pk, product_base_slug=base.slug, product_base_name=base.name,
        ifra_category=base.ifra_category, fragrance_load=base.fragrance_load, compliant=not violations,
        max_compliant_load=max_load, violations=violations, amendments=sorted(amendments),
    )


def pyramid(parts: Sequence[Part]) -> dict[str, Decimal]:
    shares = {"top": Decimal("0.00"), "middle": Decimal("0.00"), "base": Decimal("0.00")}
    for part in parts:
        shares[part.note.volatility] += part.percentage
    return {tier: share.quantize(CENT) for tier, share in shares.items()}


def families(parts: Sequence[Part]) -> list[dict]:
    """Percent per fragrance family, largest first (ties by slug)."""
    shares: dict[str, Decimal] = defaultdict(Decimal)
    for part in parts:
        shares[part.note.category.slug] += part.percentage
    ordered = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    return [{"category": slug, "percentage": share.quantize(CENT)} for slug, share in ordered]


def weighted_intensity(parts: Sequence[Part]) -> Decimal:
    """Intensity 1–5 weighted by percentage, to 2 places (half up)."""
    total = sum((part.percentage for part in parts), Decimal("0"))
    if not total:
        return Decimal("0.00")
    weighted = sum((part.percentage * part.note.intensity for part in parts), Decimal("0"))
    return (weighted / total).quantize(CENT, rounding=ROUND_HALF_UP)


def balance_warnings(parts: Sequence[Part]) -> list[dict]:
    """Advice, never a refusal: pyramid tiers outside their usual ranges, a dominant note, a trace note."""
    warnings = []
    for tier, share in pyramid(parts).items():
        low, high = PYRAMID_RANGES[tier]
        if share < low or share > high:
            direction = "low" if share < low else "high"
            warnings.append({
                "code": f"{tier}_notes_{direction}",
                "message": f"{TIER_NAMES[tier]} notes make up {share} % of the blend; {low}–{high} % "
                           f"usually reads balanced.",
            })
    for part in parts:
        if part.percentage > DOMINANT_OVER:
            warnings.append({"code": "dominant_note",
                             "message": f"{part.note.name} is {part.percentage} % of the blend; above "
                                        f"{DOMINANT_OVER} % one note tends to drown out the others."})
        elif part.percentage < TRACE_UNDER:
            warnings.append({"code": "trace_note",
                             "message": f"{part.note.name} is only {part.percentage} % of the blend; under "
                                        f"{TRACE_UNDER} % it may hardly be noticed."})
    return warnings


def analyze(parts: Sequence[Part], bases: Iterable) -> Analysis:
    """The whole analysis, with one IFRA result per base given (the API passes every active base)."""
    return Analysis(
        total_percentage=sum((part.percentage for part in parts), Decimal("0")).quantize(CENT),
        pyramid=pyramid(parts),
        families=families(parts),
        intensity=weighted_intensity(parts),
        warnings=balance_warnings(parts),
        ifra=[ifra_check(parts, base) for base in bases],
    )


def estimated_performance(parts: Sequence[Part], base) -> dict[str, int]:
    """Rough 1–5 estimates for a product page (a heuristic, documented in docs/blends.md).

    throw: weighted intensity and the fragrance load (10 % or more counts as full), lifted by top notes;
    longevity: weighted intensity and the share of base notes.
    """
    intensity = weighted_intensity(parts)
    shares = pyramid(parts)
    load_score = 1 + 4 * min(base.fragrance_load, Decimal("10")) / Decimal("10")
    throw = (intensity + load_score) / 2 + (shares["top"] - 25) / 50
    longevity = intensity / 2 + shares["base"] / 20
    return {"throw": _score(throw), "longevity": _score(longevity)}


def _score(value: Decimal) -> int:
    return int(min(Decimal(5), max(Decimal(1), value.quantize(Decimal(1), rounding=ROUND_HALF_UP))))
