"""The customer's blends and scent profile in their data export, and their removal on account deletion
(registered in customers.registry from BlendsConfig.ready())."""

from django.db import transaction
from django.db.models import Prefetch, ProtectedError, RestrictedError
from django.utils import timezone

from blends.models import Blend, BlendComponent, BlendVersion, ScentProfile
from blends.selectors import scent_profile_of


def export_blends(customer) -> list[dict]:
    """Every blend of the customer with every version (three queries)."""
    versions = BlendVersion.objects.prefetch_related(
        Prefetch("components", queryset=BlendComponent.objects.select_related("note").order_by("position", "id")))
    blends = Blend.objects.filter(customer=customer, deleted_at__isnull=True).prefetch_related(
        Prefetch("versions", queryset=versions.order_by("number"))).order_by("created_at")
    return [{
        "id": str(blend.pk), "name": blend.name, "description": blend.description, "status": blend.status,
        "review_note": blend.review_note, "created_at": blend.created_at.isoformat(),
        "versions": [{"number": version.number, "created_at": version.created_at.isoformat(),
                      "components": [{"note_id": c.note_id, "note": c.note.name, "percentage": str(c.percentage)}
                                     for c in version.components.all()]}
                     for version in blend.versions.all()],
    } for blend in blends]


def export_scent_profile(customer) -> dict | None:
    profile = scent_profile_of(customer)
    if profile.pk is None:
        return None
    return {"intensity": profile.intensity,
            "favorite_categories": sorted(c.slug for c in profile.favorite_categories.all()),
            "favorite_notes": sorted(n.pk for n in profile.favorite_notes.all()),
            "disliked_notes": sorted(n.pk for n in profile.disliked_notes.all()),
            "moods": profile.moods, "occasions": profile.occasions, "updated_at": profile.updated_at.isoformat()}


def anonymize_blends(customer) -> None:
    """Delete the scent profile and the blends; a blend an order still points at keeps its versions (the
    order's history) but loses its name, description and review note, and is hidden."""
    ScentProfile.objects.filter(customer=customer).delete()
    for blend_id in Blend.objects.filter(customer=customer).values_list("pk", flat=True):
        try:
            with transaction.atomic():
                Blend.objects.filter(pk=blend_id).delete()
        except (ProtectedError, RestrictedError):
            Blend.objects.filter(pk=blend_id).update(name="Deleted blend", description="", review_note="",
                                                     deleted_at=timezone.now())
