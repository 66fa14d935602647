"""A customer's scent profile: created on first write, replaced (PUT) or changed (PATCH)."""

from django.db import transaction
from django.utils import timezone

from blends.models import FragranceCategory, Note, ScentProfile
from blends.selectors import scent_profile_of
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError

LIST_FIELDS = ("moods", "occasions")
RELATION_FIELDS = ("favorite_categories", "favorite_notes", "disliked_notes")
DEFAULTS = {"intensity": 3, "moods": [], "occasions": [], "favorite_categories": [], "favorite_notes": [],
            "disliked_notes": []}


@transaction.atomic
def scent_profile_update(*, customer, actor: Actor, replace: bool = False, **changes) -> ScentProfile:
    """Write the profile; `replace` (PUT) resets every field not given to its default.

    Category slugs and note ids must exist (400 naming the field); a note cannot be both a favourite
    and disliked (400 naming disliked_notes). Moods and occasions are stored lower-cased, once each.
    """
    if replace:
        changes = {**DEFAULTS, **changes}
    profile, _ = ScentProfile.objects.select_for_update().get_or_create(customer=customer)
    if "intensity" in changes:
        profile.intensity = changes["intensity"]
    for name in LIST_FIELDS:
        if name in changes:
            setattr(profile, name, _words(changes[name]))
    profile.updated_at = timezone.now()
    profile.save()
    if "favorite_categories" in changes:
        slugs = list(dict.fromkeys(changes["favorite_categories"]))
        found = list(FragranceCategory.objects.filter(slug__in=slugs))
        missing = sorted(set(slugs) - {category.slug for category in found})
        if missing:
            raise ValidationFailedError(f"Unknown fragrance categories: {', '.join(missing)}.",
                                        field="favorite_categories")
        profile.favorite_categories.set(found)
    for name in ("favorite_notes", "disliked_notes"):
        if name in changes:
            ids = list(dict.fromkeys(int(value) for value in changes[name]))
            found_ids = set(Note.objects.filter(pk__in=ids).values_list("pk", flat=True))
            missing_ids = [value for value in ids if value not in found_ids]
            if missing_ids:
                raise ValidationFailedError(f"No note with id {', '.join(map(str, missing_ids))}.", field=name)
            getattr(profile, name).set(ids)
    liked = set(profile.favorite_notes.values_list("pk", flat=True))
    disliked = set(profile.disliked_notes.values_list("pk", flat=True))
    if liked & disliked:
        raise ValidationFailedError("A note can't be both a favourite and disliked.", field="disliked_notes")
    return scent_profile_of(customer)


def _words(values) -> list[str]:
    return list(dict.fromkeys(str(value).strip().lower() for value in values if str(value).strip()))
