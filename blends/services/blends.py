"""Blends: create, change (a composition change writes a new version), delete, submit and staff review."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from blends.analysis import Part
from blends.errors import BlendStatusError, CompositionError
from blends.events import blend_payload
from blends.models import Blend, BlendComponent, BlendVersion
from blends.selectors import blend_analysis, blend_queryset, notes_for_components
from blends.tasks import blend_review_email
from moodmnky.actors import Actor
from moodmnky.webhooks.services import record_event

MIN_COMPONENTS, MAX_COMPONENTS = 1, 10
HUNDRED = Decimal("100")
_UNSET = object()


@dataclass(frozen=True)
class ComponentInput:
    note_id: int
    percentage: Decimal


def composition_validate(components: Sequence) -> list[Part]:
    """Check a composition and return it as parts (notes loaded), in the order given.

    1–10 components, no note twice, each percentage above 0 with at most two decimals, summing to
    exactly 100, every note known and active. Raises CompositionError (400) naming the field; a sum
    error gives the actual sum.
    """
    items = [_as_input(component) for component in components]
    if not MIN_COMPONENTS <= len(items) <= MAX_COMPONENTS:
        raise CompositionError(f"A blend has {MIN_COMPONENTS} to {MAX_COMPONENTS} components; "
                               f"this one has {len(items)}.", count=len(items))
    seen: set[int] = set()
    for index, item in enumerate(items):
        if item.note_id in seen:
            raise CompositionError("Each note can appear only once in a blend.",
                                   field=f"components.{index}.note_id", note_id=item.note_id)
        seen.add(item.note_id)
        if item.percentage <= 0 or item.percentage > HUNDRED or item.percentage.as_tuple().exponent < -2:
            raise CompositionError("A percentage is above 0 and at most 100, with at most two decimals.",
                                   field=f"components.{index}.percentage")
    total = sum((item.percentage for item in items), Decimal("0"))
    if total != HUNDRED:
        raise CompositionError(f"The percentages add up to {total.quantize(Decimal('0.01'))}, not 100.",
                               total=str(total.quantize(Decimal("0.01"))))
    notes = notes_for_components([item.note_id for item in items])
    for index, item in enumerate(items):
        note = notes.get(item.note_id)
        if note is None:
            raise CompositionError("No note with this id.", field=f"components.{index}.note_id")
        if not note.is_active:
            raise CompositionError(f"{note.name} is no longer available for blending.",
                                   field=f"components.{index}.note_id", note_id=note.pk)
    return [Part(note=notes[item.note_id], percentage=item.percentage.quantize(Decimal("0.01"))) for item in items]


@transaction.atomic
def blend_create(*, customer, name: str, components: Sequence, description: str = "", actor: Actor) -> Blend:
    """A new draft blend with its first version; records `blend.created`."""
    parts = composition_validate(components)
    now = timezone.now()
    blend = Blend.objects.create(customer=customer, name=name.strip(), description=description or "",
                                 created_at=now, updated_at=now)
    _write_version(blend, parts, number=1)
    blend = blend_queryset().get(pk=blend.pk)
    record_event("blend.created", blend_payload(blend, blend_analysis(blend)), actor=actor)
    return blend


@transaction.atomic
def blend_update(*, blend: Blend, actor: Actor, name=_UNSET, description=_UNSET, components=_UNSET) -> Blend:
    """Rename, describe or recompose a blend.

    A composition that differs from the current one writes a new version (earlier versions stay, as
    order lines point at them) and sends a submitted, approved or rejected blend back to draft:
    the review was of the earlier composition.
    """
    blend = Blend.objects.select_for_update(of=("self",)).select_related("current_version").get(pk=blend.pk)
    fields = ["updated_at"]
    if name is not _UNSET:
        blend.name = name.strip()
        fields.append("name")
    if description is not _UNSET:
        blend.description = description or ""
        fields.append("description")
    if components is not _UNSET:
        parts = composition_validate(components)
        if _signature(parts) != _current_signature(blend):
            number = (blend.current_version.number if blend.current_version_id else 0) + 1
            _write_version(blend, parts, number=number)
            if blend.status != Blend.Status.DRAFT:
                blend.status, blend.review_note = Blend.Status.DRAFT, ""
                blend.submitted_at = blend.reviewed_at = blend.reviewed_by = None
                fields += ["status", "review_note", "submitted_at", "reviewed_at", "reviewed_by"]
    blend.updated_at = timezone.now()
    blend.save(update_fields=fields)
    return blend_queryset().get(pk=blend.pk)


@transaction.atomic
def blend_delete(*, blend: Blend, actor: Actor) -> None:
    """Delete a blend; one that an order still points at is hidden instead (its versions are history)."""
    try:
        with transaction.atomic():
            Blend.objects.filter(pk=blend.pk).delete()
    except (ProtectedError, RestrictedError):
        Blend.objects.filter(pk=blend.pk).update(deleted_at=timezone.now(), updated_at=timezone.now())


@transaction.atomic
def blend_submit(*, blend: Blend, actor: Actor) -> Blend:
    """Ask staff to review a draft or rejected blend (`blend.submitted`). Submitting a submitted blend
    again is a no-op; an approved one is a 409 `invalid_transition`."""
    blend = Blend.objects.select_for_update().get(pk=blend.pk)
    if blend.status == Blend.Status.SUBMITTED:
        return blend_queryset().get(pk=blend.pk)
    if blend.status == Blend.Status.APPROVED:
        raise BlendStatusError("This blend is already approved; change its composition to submit it again.",
                               status=blend.status)
    now = timezone.now()
    Blend.objects.filter(pk=blend.pk).update(status=Blend.Status.SUBMITTED, submitted_at=now, updated_at=now,
                                             review_note="", reviewed_at=None, reviewed_by=None)
    blend = blend_queryset().get(pk=blend.pk)
    record_event("blend.submitted", blend_payload(blend, blend_analysis(blend)), actor=actor)
    return blend


@transaction.atomic
def blend_approve(*, blend: Blend, note: str = "", actor: Actor) -> Blend:
    """Staff approve a submitted blend (`blend.approved`); the customer is emailed after commit."""
    return _review(blend, Blend.Status.APPROVED, note, actor)


@transaction.atomic
def blend_reject(*, blend: Blend, note: str, actor: Actor) -> Blend:
    """Staff reject a submitted blend with a note saying why (`blend.rejected`); the customer is emailed."""
    if not (note or "").strip():
        raise CompositionError("Say why the blend is rejected; the customer reads this note.", field="review_note")
    return _review(blend, Blend.Status.REJECTED, note, actor)


def _review(blend: Blend, status: str, note: str, actor: Actor) -> Blend:
    blend = Blend.objects.select_for_update().get(pk=blend.pk)
    if blend.status != Blend.Status.SUBMITTED:
        raise BlendStatusError(f"Only a submitted blend can be reviewed; this one is {blend.status}.",
                               status=blend.status)
    now = timezone.now()
    Blend.objects.filter(pk=blend.pk).update(status=status, review_note=(note or "").strip(), reviewed_at=now,
                                             reviewed_by=actor.user, updated_at=now)
    blend = blend_queryset().get(pk=blend.pk)
    record_event(f"blend.{status}", blend_payload(blend, blend_analysis(blend)), actor=actor)
    args = (str(blend.pk), blend.status, blend.review_note)
    transaction.on_commit(lambda: blend_review_email.enqueue(*args))
    return blend


def _write_version(blend: Blend, parts: list[Part], *, number: int) -> BlendVersion:
    version = BlendVersion.objects.create(blend=blend, number=number)
    BlendComponent.objects.bulk_create(
        BlendComponent(version=version, note=part.note, percentage=part.percentage, position=index)
        for index, part in enumerate(parts))
    Blend.objects.filter(pk=blend.pk).update(current_version=version)
    blend.current_version = version
    return version


def _signature(parts: list[Part]) -> list[tuple[int, Decimal]]:
    return sorted((part.note.pk, part.percentage) for part in parts)


def _current_signature(blend: Blend) -> list[tuple[int, Decimal]]:
    if blend.current_version_id is None:
        return []
    return sorted(BlendComponent.objects.filter(version_id=blend.current_version_id).values_list("note_id",
                                                                                                "percentage"))


def _as_input(component) -> ComponentInput:
    if isinstance(component, ComponentInput):
        return component
    try:
        return ComponentInput(note_id=int(component["note_id"]), percentage=Decimal(str(component["percentage"])))
    except (KeyError, TypeError, ValueError, InvalidOperation):
        raise CompositionError("Each component needs a note_id and a percentage.") from None
