from rest_framework import serializers

from customers.models import Customer


class CustomerSerializer(serializers.ModelSerializer):
    """The customer's own profile."""

    class Meta:
        model = Customer
        fields = ["id", "email", "first_name", "last_name", "phone", "birthday", "date_joined"]
        read_only_fields = fields


def customer_event_data(customer: Customer) -> dict:
    """A customer as webhook subscribers receive it (the admin's view)."""
    return {**CustomerSerializer(customer).data, "is_active": customer.is_active}
