"""Resources addressed by id or slug: one rule for what counts as an id."""

from django.db.models import Model, QuerySet


def is_id(lookup) -> bool:
    """ASCII digits only: "²" and "١" are digits to str.isdigit(), but not ids int() can read."""
    lookup = str(lookup)
    return lookup.isascii() and lookup.isdigit()


def by_id_or_slug(queryset: QuerySet, lookup) -> QuerySet:
    """The rows of `queryset` with this id (when `lookup` is one) or else this slug."""
    return queryset.filter(pk=int(lookup)) if is_id(lookup) else queryset.filter(slug=lookup)


def first_by_id_or_slug(queryset: QuerySet, lookup) -> Model | None:
    return by_id_or_slug(queryset, lookup).first()
