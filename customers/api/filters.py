import django_filters
from django.db.models import Q, QuerySet

from customers.models import Customer
from customers.tiers import tier_q, tiers


def _tier_choices() -> list[tuple[str, str]]:
    return [(name, name) for name, _ in tiers()]


class CustomerFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(method="filter_search", help_text="Words matched against email and names.")
    is_active = django_filters.ChoiceFilter(choices=[("true", "true"), ("false", "false")], method="filter_active",
                                            help_text="true or false (anything else is a 400).")
    membership_tier = django_filters.ChoiceFilter(choices=_tier_choices, method="filter_tier",
                                                  help_text="Tier by lifetime points (settings.LOYALTY_TIERS).")
    date_joined_after = django_filters.DateFilter(field_name="date_joined", lookup_expr="date__gte",
                                                  help_text="Joined on or after this date (YYYY-MM-DD, UTC).")
    date_joined_before = django_filters.DateFilter(field_name="date_joined", lookup_expr="date__lte",
                                                   help_text="Joined on or before this date (YYYY-MM-DD, UTC).")

    class Meta:
        model = Customer
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet[Customer], name: str, value: str) -> QuerySet[Customer]:
        for word in value.split()[:5]:
            queryset = queryset.filter(Q(email__icontains=word) | Q(first_name__icontains=word)
                                       | Q(last_name__icontains=word))
        return queryset

    def filter_active(self, queryset: QuerySet[Customer], name: str, value: str) -> QuerySet[Customer]:
        return queryset.filter(is_active=value == "true")

    def filter_tier(self, queryset: QuerySet[Customer], name: str, value: str) -> QuerySet[Customer]:
        return queryset.filter(tier_q(value))
