"""Filters of the notes list (DESIGN.md §5 custom blends row)."""

import django_filters

from blends import selectors
from blends.models import Blend, Note, Volatility
from moodmnky.api.filters import IdFilter


class NoteFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(field_name="category__slug", help_text="Fragrance family slug.")
    volatility = django_filters.ChoiceFilter(choices=Volatility.choices)
    mood = django_filters.CharFilter(method="filter_mood", help_text="Notes tagged with this mood.")
    search = django_filters.CharFilter(method="filter_search",
                                       help_text="Every word in the name, description or family.")

    class Meta:
        model = Note
        fields = []

    def filter_mood(self, queryset, name, value):
        return selectors.notes_with_mood(queryset, value)

    def filter_search(self, queryset, name, value):
        return selectors.note_search(queryset, value)


class BlendFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Blend.Status.choices)
    customer_id = IdFilter(field_name="customer_id", help_text="Admin callers: one customer's blends.")

    class Meta:
        model = Blend
        fields = []
