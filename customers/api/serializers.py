from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from customers import selectors
from customers.models import (
    Address,
    Customer,
    CustomerAuditEntry,
    LoyaltyTransaction,
    ReminderFrequency,
)
from customers.services import customer_currencies
from moodmnky.api.fields import CurrencyField

MONEY = {"max_digits": 12, "decimal_places": 2}


class PreferencesSerializer(serializers.Serializer):
    email_marketing = serializers.BooleanField()
    sms_marketing = serializers.BooleanField()
    preferred_currency = serializers.CharField(max_length=3, help_text="ISO 4217 display currency.")
    reminder_frequency = serializers.ChoiceField(choices=ReminderFrequency.choices)


class OrderStatsSerializer(serializers.Serializer):
    total_orders = serializers.IntegerField()
    total_spent = serializers.DecimalField(**MONEY)
    average_order_value = serializers.DecimalField(**MONEY)
    last_order_date = serializers.DateTimeField(allow_null=True)
    currency = CurrencyField()



class CustomerSerializer(serializers.ModelSerializer):
    """The customer's own profile (the Customer shape)."""

    preferences = PreferencesSerializer(source="*", read_only=True)
    order_stats = serializers.SerializerMethodField()
    membership_tier = serializers.CharField(read_only=True)

    class Meta:
        model = Customer
        fields = ["id", "email", "first_name", "last_name", "phone", "birthday", "preferences", "order_stats",
                  "membership_tier", "loyalty_points", "date_joined"]
        read_only_fields = fields

    @extend_schema_field(OrderStatsSerializer)
    def get_order_stats(self, customer: Customer) -> dict:
        return OrderStatsSerializer(selectors.customer_order_stats(customer)).data


# customers.events.customer_payload builds the same body for webhooks (tests/customers/test_events.py).
class AdminCustomerSerializer(CustomerSerializer):
    """The Customer shape plus what staff see: status, order count and total spent (list annotations)."""

    order_count = serializers.SerializerMethodField()
    total_spent = serializers.SerializerMethodField()
    currency = CurrencyField()

    class Meta(CustomerSerializer.Meta):
        fields = [*CustomerSerializer.Meta.fields, "is_active", "is_staff", "lifetime_points", "anonymized_at",
                  "order_count", "total_spent", "currency"]
        read_only_fields = fields

    def get_order_count(self, customer: Customer) -> int:
        return selectors.customer_order_stats(customer).total_orders

    @extend_schema_field(serializers.DecimalField(**MONEY))
    def get_total_spent(self, customer: Customer) -> str:
        return f"{selectors.customer_order_stats(customer).total_spent:.2f}"



class PreferencesUpdateSerializer(serializers.Serializer):
    email_marketing = serializers.BooleanField(required=False)
    sms_marketing = serializers.BooleanField(required=False)
    preferred_currency = serializers.ChoiceField(choices=customer_currencies(), required=False)
    reminder_frequency = serializers.ChoiceField(choices=ReminderFrequency.choices, required=False)


class ProfileUpdateSerializer(serializers.Serializer):
    """PATCH /customers/profile/: every field optional; a new email needs current_password."""

    email = serializers.EmailField(max_length=254, required=False)
    current_password = serializers.CharField(required=False, allow_blank=True, write_only=True, max_length=128,
                                             style={"input_type": "password"})
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True,
                                  help_text="International format with country code, e.g. +14155550123.")
    birthday = serializers.DateField(required=False, allow_null=True)
    preferences = PreferencesUpdateSerializer(required=False)

    def to_service_kwargs(self) -> dict:
        data = dict(self.validated_data)
        return {**data.pop("preferences", {}), **data}


class AdminCustomerUpdateSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    birthday = serializers.DateField(required=False, allow_null=True)
    is_active = serializers.BooleanField(required=False)


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})
    new_password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})


class AccountDeleteSerializer(serializers.Serializer):
    password = serializers.CharField(max_length=128, write_only=True, allow_blank=True,
                                     style={"input_type": "password"})


class AddressSerializer(serializers.ModelSerializer):
    """Output, and input for create/PATCH: the service validates the merged address as a whole."""

    class Meta:
        model = Address
        fields = ["id", "first_name", "last_name", "company", "line1", "line2", "city", "region", "postal_code",
                  "country", "phone", "is_default_shipping", "is_default_billing", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]
        # Blank values reach the service, which reports every problem of the address at once.
        extra_kwargs = {
            **{field: {"allow_blank": True} for field in ("first_name", "last_name", "line1", "city")},
            "country": {"help_text": "ISO 3166-1 alpha-2 code, e.g. US.", "allow_blank": True},
            "postal_code": {"help_text": "Checked against the country's format for the countries in "
                                         "docs/customers.md; required there."},
            "region": {"help_text": "State/province; required (code or name) for US, CA and AU."},
            "phone": {"help_text": "International format with country code, e.g. +14155550123."},
        }


class LoyaltyTransactionSerializer(serializers.ModelSerializer):
    class Meta:
        model = LoyaltyTransaction
        fields = ["id", "type", "points", "description", "order_id", "created_at"]
        read_only_fields = fields


class NextTierSerializer(serializers.Serializer):
    name = serializers.CharField()
    threshold = serializers.IntegerField()
    points_needed = serializers.IntegerField()


class LoyaltySerializer(serializers.Serializer):
    membership_tier = serializers.CharField()
    points = serializers.IntegerField()
    lifetime_points = serializers.IntegerField()
    next_tier = NextTierSerializer(allow_null=True)
    transactions = LoyaltyTransactionSerializer(many=True)


class AccountHistorySerializer(serializers.ModelSerializer):
    """An audit entry as its customer sees it: staff are named by role only."""

    by = serializers.SerializerMethodField()

    class Meta:
        model = CustomerAuditEntry
        fields = ["action", "by", "address_id", "changes", "created_at"]
        read_only_fields = fields

    def get_by(self, entry: CustomerAuditEntry) -> str:
        label = entry.actor_label
        if label.startswith("customer"):
            return "customer"
        return "system" if label.startswith("system") else "staff"


# Serializes customers.selectors.CustomerExport (its docstring is the schema's description).
class ExportSerializer(serializers.Serializer):
    """Everything the platform holds about the customer; parts of later apps come from customers.registry."""

    profile = CustomerSerializer()
    addresses = AddressSerializer(many=True)
    orders = serializers.JSONField(source="parts.orders")
    blends = serializers.JSONField(source="parts.blends")
    scent_profile = serializers.JSONField(source="parts.scent_profile", allow_null=True)
    loyalty = LoyaltySerializer()
    account_history = AccountHistorySerializer(many=True)

    def to_representation(self, export) -> dict:
        """The declared parts, then any extra part another app registered under a new name."""
        body = super().to_representation(export)
        body.update({name: value for name, value in export.parts.items() if name not in body})
        return body
