"""Notes and starter blends ranked for a scent profile, each with a 0–100 score and reasons in words.

Content-based (shared/domain/fragrance.md §7): family affinity by distance on the fragrance wheel,
liked and complementary notes, shared moods, and intensity fit. Disliked notes are removed before
ranking, never just down-weighted. Starter blends take the best note of each tier and are kept only if
every active base of the requested product type passes its IFRA check.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from blends.analysis import Part, ifra_check
from blends.models import Note, ProductBase, ProductType, ScentProfile
from blends.selectors import note_queryset

WHEEL_SIZE = 14
# Starter blends follow a pyramid inside the balanced ranges of blends.analysis.
STARTER_SHARES = {"top": Decimal("25.00"), "middle": Decimal("35.00"), "base": Decimal("40.00")}
STARTER_COUNT = 3
# Moods that suit an occasion: how a blend made of notes (which carry moods) gets its occasions.
OCCASION_MOODS = {
    "morning": {"energizing", "fresh", "uplifting", "bright"},
    "work": {"focused", "fresh", "clean", "calm"},
    "evening": {"cozy", "warm", "sensual", "calm"},
    "date night": {"romantic", "sensual", "warm"},
    "sleep": {"calm", "relaxing", "soft"},
    "meditation": {"grounding", "calm", "earthy"},
    "party": {"playful", "energizing", "joyful"},
    "holiday": {"cozy", "warm", "festive"},
    "spa": {"relaxing", "clean", "fresh"},
}
TIER_WORDS = {"top": "top", "middle": "heart", "base": "base"}


@dataclass
class NoteRecommendation:
    note: Note
    score: int
    reasons: list[str]


@dataclass
class BlendRecommendation:
    name: str
    components: list[Part]
    score: int
    reasons: list[str]
    moods: list[str] = field(default_factory=list)
    occasions: list[str] = field(default_factory=list)
    product_base_ids: list[int] = field(default_factory=list)


def wheel_distance(a: int, b: int) -> int:
    """Steps between two positions on the 14-family wheel, the short way round (0–7)."""
    step = abs(a - b) % WHEEL_SIZE
    return min(step, WHEEL_SIZE - step)


def note_score(note: Note, profile: ScentProfile, *, liked: list[Note], favorite_categories: list,
               moods: set[str]) -> tuple[int, list[str]]:
    """0–100: family affinity 35, liked or complementary note 25, moods 20, intensity fit 20."""
    score, reasons = Decimal(0), []
    if favorite_categories:
        nearest = min(favorite_categories, key=lambda c: wheel_distance(c.position, note.category.position))
        distance = wheel_distance(nearest.position, note.category.position)
        score += Decimal(35) * (1 - Decimal(distance) / 7)
        if distance == 0:
            reasons.append(f"{note.name} belongs to {nearest.name}, one of your favourite families.")
        elif distance == 1:
            reasons.append(f"Its family, {note.category.name}, sits next to {nearest.name} on the fragrance wheel.")
    liked_ids = {other.pk for other in liked}
    if note.pk in liked_ids:
        score += 25
        reasons.append(f"You marked {note.name} as a favourite.")
    else:
        partners = [other.name for other in liked if note.pk in {n.pk for n in other.complementary_notes.all()}
                    or other.pk in {n.pk for n in note.complementary_notes.all()}]
        if partners:
            score += 15
            reasons.append(f"It complements {_join(partners)}, from your favourites.")
    shared = sorted(moods & {mood.lower() for mood in note.moods})
    if shared:
        score += min(Decimal(20), Decimal(10) * len(shared))
        reasons.append(f"It feels {_join(shared)}, as you asked for.")
    gap = abs(note.intensity - profile.intensity)
    score += Decimal(20) * (1 - Decimal(gap) / 4)
    if gap == 0:
        reasons.append(f"Its intensity ({note.intensity}/5) matches the intensity you like.")
    elif gap == 1:
        reasons.append(f"Its intensity ({note.intensity}/5) is close to the {profile.intensity}/5 you like.")
    if not reasons:
        reasons.append(f"A {note.get_volatility_display().lower()} note from the {note.category.name} family "
                       "to widen your palette.")
    return int(score.to_integral_value()), reasons


def recommend(*, profile: ScentProfile, mood: str = "", occasion: str = "", category: str = "",
              product_type: str = ProductType.CANDLE, limit: int = 10) -> dict:
    """{"notes": [NoteRecommendation], "blends": [BlendRecommendation]} for the profile and filters."""
    saved = profile.pk is not None
    disliked = {note.pk for note in profile.disliked_notes.all()} if saved else set()
    liked = list(profile.favorite_notes.all().prefetch_related("complementary_notes")) if saved else []
    favorites = list(profile.favorite_categories.all()) if saved else []
    moods = {m.lower() for m in profile.moods}
    occasion = occasion.strip().lower()
    mood = mood.strip().lower()
    candidates = [note for note in note_queryset().filter(is_active=True) if note.pk not in disliked]
    wanted_moods = moods | ({mood} if mood else set()) | OCCASION_MOODS.get(occasion, set())
    ranked = sorted(
        (NoteRecommendation(note, *note_score(note, profile, liked=liked, favorite_categories=favorites,
                                               moods=wanted_moods)) for note in candidates),
        key=lambda rec: (-rec.score, rec.note.name),
    )
    notes = [rec for rec in ranked if (not mood or mood in _moods(rec.note))
             and (not category or rec.note.category.slug == category)]
    bases = list(ProductBase.objects.filter(is_active=True, product_type=product_type))
    blends = _starter_blends(ranked, bases, mood=mood, occasion=occasion)
    return {"notes": notes[:limit], "blends": blends}


def _starter_blends(ranked: list[NoteRecommendation], bases: list[ProductBase], *, mood: str,
                    occasion: str) -> list[BlendRecommendation]:
    if not bases:
        return []
    tiers = {tier: [rec for rec in ranked if rec.note.volatility == tier] for tier in STARTER_SHARES}
    blends, used = [], set()
    while len(blends) < STARTER_COUNT:
        picks = _pick(tiers, used, bases)
        if picks is None:
            break
        used.update(rec.note.pk for rec in picks)  # each starter uses fresh notes, for variety
        blend = _starter(picks, bases)
        if (mood and mood not in blend.moods) or (occasion and occasion not in blend.occasions):
            continue
        blends.append(blend)
    return blends


def _pick(tiers: dict, used: set[int], bases: list[ProductBase]) -> list[NoteRecommendation] | None:
    """The best unused note of each tier such that the trio passes every base's IFRA check."""
    picks = []
    for tier, share in STARTER_SHARES.items():
        choice = None
        for rec in tiers[tier]:
            if rec.note.pk in used or any(rec.note.pk == p.note.pk for p in picks):
                continue
            if all(ifra_check([Part(rec.note, share)], base).compliant for base in bases):
                choice = rec
                break
        if choice is None:
            return None
        picks.append(choice)
    return picks


def _starter(picks: list[NoteRecommendation], bases: list[ProductBase]) -> BlendRecommendation:
    parts = [Part(rec.note, STARTER_SHARES[rec.note.volatility]) for rec in picks]
    score = sum(Decimal(rec.score) * STARTER_SHARES[rec.note.volatility] for rec in picks) / 100
    moods = sorted(set().union(*(_moods(rec.note) for rec in picks)))
    occasions = sorted(name for name, wanted in OCCASION_MOODS.items() if wanted & set(moods))
    kinds = _join(sorted({base.get_product_type_display().lower() for base in bases}))
    reasons = [
        "Built from your best matches: " + _join([f"{rec.note.name} ({TIER_WORDS[rec.note.volatility]})"
                                                 for rec in picks]) + ".",
        "A balanced pyramid: 25 % top, 35 % heart and 40 % base notes.",
        f"Within every IFRA limit for our {kinds} ({_join([base.name for base in bases])}).",
    ]
    if occasions:
        reasons.append(f"Suits {_join(occasions[:3])}.")
    return BlendRecommendation(
        name=" · ".join(rec.note.name for rec in picks), components=parts,
        score=int(score.to_integral_value()), reasons=reasons, moods=moods, occasions=occasions,
        product_base_ids=[base.pk for base in bases],
    )


def _moods(note: Note) -> set[str]:
    return {mood.lower() for mood in note.moods}


def _join(words: list[str]) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
