"""Note stock in grams: one conditional UPDATE plus one ledger row per change, never below zero."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import F

from blends.errors import NoteOutOfStockError
from blends.models import Note, NoteStockMovement
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError

CENT = Decimal("0.01")
MAX_GRAMS = Decimal("100000000")
ADJUSTMENT_REASONS = ["receive", "adjustment", "damage"]


@transaction.atomic
def note_stock_take_many(*, items: Iterable[tuple[int, Decimal]], reference: str, actor: Actor,
                         reason: str = "sale") -> list[NoteStockMovement]:
    """Take grams of several notes, all or nothing, inside the caller's transaction (checkout).

    Each note is one conditional UPDATE (`stock_grams >= grams`), taken in ascending note id so that
    concurrent checkouts queue instead of deadlocking; grams of a repeated note id are added up.
    Raises NoteOutOfStockError (409 `out_of_stock`, context note_id, requested_grams, available_grams).
    """
    wanted = _totals(items)
    return [_move(note_id, -grams, reason=reason, reference=reference, actor=actor) for note_id, grams in
            sorted(wanted.items())]


@transaction.atomic
def note_stock_release_many(*, items: Iterable[tuple[int, Decimal]], reference: str, actor: Actor,
                            reason: str = "cancel") -> list[NoteStockMovement]:
    """Put grams back (a cancelled order), in ascending note id, one ledger row per note."""
    wanted = _totals(items)
    return [_move(note_id, grams, reason=reason, reference=reference, actor=actor) for note_id, grams in
            sorted(wanted.items())]


@transaction.atomic
def note_stock_adjust(*, note_id: int, delta: Decimal, reason: str = "receive", comment: str = "",
                      reference: str = "", actor: Actor) -> NoteStockMovement:
    """A manual change (received oil, a count, spillage); never below zero (400 naming delta)."""
    if reason not in ADJUSTMENT_REASONS:
        raise ValidationFailedError(f"`reason` must be one of: {', '.join(ADJUSTMENT_REASONS)}.", field="reason")
    delta = _grams(delta, allow_negative=True)
    try:
        return _move(note_id, delta, reason=reason, reference=reference, actor=actor, comment=comment)
    except NoteOutOfStockError as exc:
        raise ValidationFailedError(f"Only {exc.details['available_grams']} g in stock; the change would go "
                                    f"below zero.", field="delta") from None


def note_rows_lock(note_ids: Iterable[int]) -> None:
    """Lock these notes' rows in ascending id, inside the caller's transaction: a cancel putting back the grams
    of several blend lines (each line's notes in its own call) takes them in the order a checkout does."""
    list(Note.objects.select_for_update().filter(pk__in={int(pk) for pk in note_ids}).order_by("pk")
         .values_list("pk"))


def _move(note_id: int, delta: Decimal, *, reason: str, reference: str, actor: Actor,
          comment: str = "") -> NoteStockMovement:
    rows = Note.objects.filter(pk=note_id)
    if delta < 0:
        rows = rows.filter(stock_grams__gte=-delta)
    if not rows.update(stock_grams=F("stock_grams") + delta):
        current = Note.objects.filter(pk=note_id).values("name", "stock_grams").first()
        if current is None:
            raise ValidationFailedError("No note with this id.", field="note_id")
        raise NoteOutOfStockError(f"Only {current['stock_grams']} g of {current['name']} in stock.",
                                  note_id=note_id, requested_grams=str(-delta),
                                  available_grams=str(current["stock_grams"]))
    # Our UPDATE holds the row lock until commit, so this read sees exactly the grams we produced.
    after = Note.objects.filter(pk=note_id).values_list("stock_grams", flat=True).get()
    return NoteStockMovement.objects.create(
        note_id=note_id, delta=delta, grams_after=after, reason=reason, reference=str(reference)[:100],
        comment=comment[:255], actor=actor.user, actor_label=actor.label[:150],
    )


def _totals(items: Iterable[tuple[int, Decimal]]) -> dict[int, Decimal]:
    wanted: dict[int, Decimal] = defaultdict(Decimal)
    for note_id, grams in items:
        wanted[int(note_id)] += _grams(grams)
    return wanted


def _grams(value, *, allow_negative: bool = False) -> Decimal:
    try:
        grams = Decimal(str(value))
    except InvalidOperation:
        raise ValidationFailedError("Grams are a number with at most two decimals.", field="grams") from None
    if grams != grams.quantize(CENT) or abs(grams) > MAX_GRAMS or grams == 0 or (grams < 0 and not allow_negative):
        raise ValidationFailedError("Grams are a non-zero number with at most two decimals.", field="grams")
    return grams.quantize(CENT)
