"""Filters of the notes list (DESIGN.md §5 custom blends row)."""

import django_filters

from blends import selectors
from blends.models import Note, Volatility


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
