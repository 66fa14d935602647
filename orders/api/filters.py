"""Admin filters of the order list (DESIGN.md §5 orders row)."""

import django_filters

from moodmnky.api.filters import UTCDateTimeFilter
from orders.models import Order


class OrderFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Order.Status.choices)
    payment_status = django_filters.ChoiceFilter(choices=Order.PaymentStatus.choices)
    fulfillment_status = django_filters.ChoiceFilter(choices=Order.FulfillmentStatus.choices)
    email = django_filters.CharFilter(field_name="email", lookup_expr="iexact",
                                      help_text="The order's email, any case.")
    created_after = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte",
                                      help_text="ISO 8601 date-time, inclusive.")
    created_before = UTCDateTimeFilter(field_name="created_at", lookup_expr="lte",
                                       help_text="ISO 8601 date-time, inclusive.")

    class Meta:
        model = Order
        fields = ["status", "payment_status", "fulfillment_status", "email", "created_after", "created_before"]
