"""Blend reads: notes, families and bases with their relations loaded once; blends with their current version."""

import uuid

from django.db.models import Prefetch, Q, QuerySet

from blends.analysis import Analysis, Part, analyze
from blends.errors import BlendNotFoundError, ProductBaseUnavailableError
from blends.models import (
    Blend,
    BlendComponent,
    BlendVersion,
    FragranceCategory,
    Note,
    NoteIfraLimit,
    ProductBase,
    ScentProfile,
)


def note_queryset() -> QuerySet[Note]:
    """Notes with their family, IFRA limits and complementary note ids: three queries for any page."""
    return Note.objects.select_related("category").prefetch_related(
        "ifra_limits", Prefetch("complementary_notes", queryset=Note.objects.only("id")),
    )


def note_search(queryset: QuerySet[Note], text: str) -> QuerySet[Note]:
    """Every word must appear in the name, description or family name (case-insensitive)."""
    for word in text.split():
        queryset = queryset.filter(Q(name__icontains=word) | Q(description__icontains=word)
                                   | Q(category__name__icontains=word) | Q(slug__icontains=word))
    return queryset


def notes_with_mood(queryset: QuerySet[Note], mood: str) -> QuerySet[Note]:
    """Notes tagged with a mood (case-insensitive)."""
    mood = mood.strip().lower()
    # moods is a JSON list of words; JSON containment is not supported on SQLite, so the quoted word is
    # matched in the stored JSON text instead (the same on both databases).
    return queryset.filter(moods__icontains=f'"{mood}"')


def category_list() -> QuerySet[FragranceCategory]:
    return FragranceCategory.objects.prefetch_related(
        Prefetch("complementary_categories", queryset=FragranceCategory.objects.only("id", "slug"))
    ).order_by("position")


def product_base_list(*, include_inactive: bool = False) -> QuerySet[ProductBase]:
    bases = ProductBase.objects.all()
    return bases if include_inactive else bases.filter(is_active=True)


def product_base_get(*, product_base_id, active_only: bool = True) -> ProductBase:
    """A product base by id, or ProductBaseUnavailableError (400 naming product_base_id)."""
    base = product_base_list(include_inactive=not active_only).filter(pk=product_base_id).first()
    if base is None:
        raise ProductBaseUnavailableError()
    return base


def active_bases() -> list[ProductBase]:
    return list(product_base_list())


def component_prefetch(prefix: str = "") -> Prefetch:
    """Components of a version with note, family and IFRA limits: two queries for any number of blends."""
    components = BlendComponent.objects.select_related("note__category").prefetch_related("note__ifra_limits")
    return Prefetch(f"{prefix}components", queryset=components.order_by("position", "id"))


def blend_queryset() -> QuerySet[Blend]:
    """Blends (not deleted) with their current version's components loaded."""
    return Blend.objects.filter(deleted_at__isnull=True).select_related("current_version", "customer").prefetch_related(
        component_prefetch("current_version__"))


def blend_get(*, blend_id, customer=None, any_customer: bool = False) -> Blend:
    """The blend if the caller may see it: its own customer, or an admin (`any_customer`).

    Anyone else, and a malformed id, get BlendNotFoundError (404: no existence leak)."""
    blends = blend_queryset()
    if not any_customer:
        if customer is None:
            raise BlendNotFoundError()
        blends = blends.filter(customer=customer)
    try:
        pk = blend_id if isinstance(blend_id, uuid.UUID) else uuid.UUID(str(blend_id))
    except (ValueError, TypeError, AttributeError):
        raise BlendNotFoundError() from None
    blend = blends.filter(pk=pk).first()
    if blend is None:
        raise BlendNotFoundError()
    return blend


def blend_parts(blend: Blend) -> list[Part]:
    """The current version's components (loaded by blend_queryset) as analysis parts."""
    if blend.current_version_id is None:
        return []
    return version_parts(blend.current_version)


def blend_version_get(*, blend_id, number: int) -> BlendVersion | None:
    """One version of a blend (deleted blends too: orders still pour them) with its components and their
    notes loaded, or None."""
    versions = BlendVersion.objects.select_related("blend__customer").prefetch_related(component_prefetch())
    return versions.filter(blend_id=blend_id, number=number).first()


def version_parts(version) -> list[Part]:
    return [Part(note=component.note, percentage=component.percentage) for component in version.components.all()]


def blend_analysis(blend: Blend, *, bases: list[ProductBase] | None = None) -> Analysis:
    """The analysis of a blend's current version against every active base (or `bases`)."""
    return analyze(blend_parts(blend), active_bases() if bases is None else bases)


def notes_for_components(note_ids: list[int]) -> dict[int, Note]:
    """Notes by id with family and limits, for validating and analysing a composition."""
    return {note.pk: note for note in Note.objects.select_related("category").prefetch_related(
        Prefetch("ifra_limits", queryset=NoteIfraLimit.objects.all())).filter(pk__in=note_ids)}


def scent_profile_of(customer) -> ScentProfile:
    """The customer's profile with its relations loaded, or an unsaved default one (GET writes nothing)."""
    profile = ScentProfile.objects.prefetch_related(
        "favorite_categories", "favorite_notes", "disliked_notes").filter(customer=customer).first()
    return profile or ScentProfile(customer=customer)


def submitted_blends() -> QuerySet[Blend]:
    return blend_queryset().filter(status=Blend.Status.SUBMITTED).order_by("submitted_at")
