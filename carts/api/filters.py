import django_filters
from django.utils import timezone

from carts.models import DiscountCode
from carts.selectors import discount_state_q


class DiscountFilter(django_filters.FilterSet):
    code = django_filters.CharFilter(field_name="code", lookup_expr="icontains")
    type = django_filters.ChoiceFilter(choices=DiscountCode.Type.choices)
    is_active = django_filters.BooleanFilter()
    state = django_filters.ChoiceFilter(
        choices=[(state, state) for state in DiscountCode.STATES], method="filter_state")

    class Meta:
        model = DiscountCode
        fields = ["code", "type", "is_active", "state"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(discount_state_q(value, timezone.now()))
