"""Order shapes: the Order (customers and admins see the same fields) and the input of every write."""

from decimal import Decimal

from django.conf import settings
from rest_framework import serializers

from carts.models import Cart
from customers.models import Customer
from customers.selectors import address_get_for_customer
from customers.services import address_clean
from moodmnky.api.schema import NamedChoiceField
from orders.models import Fulfillment, Order, OrderEvent, OrderLine, Payment, Refund

ADDRESS_SNAPSHOT_FIELDS = ("first_name", "last_name", "company", "line1", "line2", "city", "region", "postal_code",
                           "country", "phone")


def money_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)


# Output ---------------------------------------------------------------------------------------------------


class OrderLineSerializer(serializers.ModelSerializer):
    blend = serializers.JSONField(source="blend_snapshot", allow_null=True,
                                  help_text="The custom blend as bought (composition, version, base); null otherwise.")

    class Meta:
        model = OrderLine
        fields = ["id", "variant_id", "product_id", "sku", "name", "product_name", "variant_name", "quantity",
                  "unit_price", "line_total", "discount_total", "quantity_fulfilled", "quantity_refunded",
                  "is_made_to_order", "blend"]


class FulfillmentLineOutSerializer(serializers.Serializer):
    line_id = serializers.IntegerField(source="order_line_id")
    quantity = serializers.IntegerField()


class FulfillmentSerializer(serializers.ModelSerializer):
    lines = FulfillmentLineOutSerializer(many=True)

    class Meta:
        model = Fulfillment
        fields = ["id", "carrier", "tracking_number", "tracking_url", "lines", "created_at"]


class PaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = ["id", "gateway", "amount", "currency", "status", "reference", "created_at"]


class RefundSerializer(serializers.ModelSerializer):
    lines = serializers.JSONField(help_text='[{"line_id", "quantity", "restock"}]')

    class Meta:
        model = Refund
        fields = ["id", "amount", "currency", "reason", "lines", "reference", "created_at"]


class OrderEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderEvent
        fields = ["id", "type", "from_status", "to_status", "note", "created_at"]


class OrderSerializer(serializers.ModelSerializer):
    """The Order (DESIGN §4). orders.events.order_payload builds the same dict for webhooks (tested)."""

    id = serializers.CharField(read_only=True)
    customer = serializers.IntegerField(source="customer_id", allow_null=True, read_only=True)
    lines = OrderLineSerializer(many=True, read_only=True)
    item_count = serializers.SerializerMethodField()
    discount_codes = serializers.JSONField(read_only=True, help_text='[{"code", "type", "amount"}] as charged')
    shipping_address = serializers.JSONField(read_only=True)
    billing_address = serializers.JSONField(read_only=True, allow_null=True)
    fulfillments = FulfillmentSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)
    refunds = RefundSerializer(many=True, read_only=True)
    events = OrderEventSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "number", "status", "payment_status", "fulfillment_status", "customer", "email", "lines",
                  "item_count", "discount_codes", "subtotal", "discount_total", "shipping_total", "tax_total",
                  "total", "amount_paid", "amount_refunded", "currency", "shipping_method", "shipping_address",
                  "billing_address", "note", "ready_by", "fulfillments", "payments", "refunds", "events",
                  "created_at", "updated_at", "paid_at", "cancelled_at"]

    def get_item_count(self, order) -> int:
        return sum(line.quantity for line in order.lines.all())


# Input ----------------------------------------------------------------------------------------------------


class AddressInputSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    company = serializers.CharField(max_length=150, required=False, allow_blank=True)
    line1 = serializers.CharField(max_length=255, required=False, allow_blank=True)
    line2 = serializers.CharField(max_length=255, required=False, allow_blank=True)
    city = serializers.CharField(max_length=150, required=False, allow_blank=True)
    region = serializers.CharField(max_length=100, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=16, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True,
                                    help_text="ISO 3166-1 alpha-2")
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)


class PaymentInputSerializer(serializers.Serializer):
    gateway = serializers.CharField(max_length=64, required=False, default=None, allow_null=True,
                                    help_text="Defaults to the configured gateway (`test` in development).")
    token = serializers.CharField(max_length=255, help_text="`tok_success`, `tok_declined` or `tok_error` "
                                                            "with the test gateway.")

    def validate_gateway(self, value):
        return value or settings.PAYMENT_GATEWAY  # the service checks it is the configured one


def clean_address(data: dict | None, field: str) -> dict | None:
    """A one-off address validated by the customers rules; errors are named `<field>.<name>`."""
    return address_clean(data, field_prefix=field) if data is not None else None


def address_snapshot(address) -> dict:
    return {name: getattr(address, name) for name in ADDRESS_SNAPSHOT_FIELDS}


class CheckoutSerializer(serializers.Serializer):
    """POST /carts/{id}/checkout/. `validated_data` holds the service's keyword arguments."""

    email = serializers.EmailField(required=False, allow_blank=True, help_text="Required for guests.")
    shipping_address = AddressInputSerializer(required=False)
    shipping_address_id = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1,
                                                   help_text="A saved address of the signed-in customer.")
    billing_address = AddressInputSerializer(required=False, allow_null=True)
    shipping_method = NamedChoiceField(enum_name="ShippingMethod", choices=Cart.ShippingMethod.choices,
                                       required=False, help_text="Defaults to the cart's shipping method.")
    payment = PaymentInputSerializer()
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    def validate(self, attrs):
        customer = self.context.get("customer")
        if "shipping_address_id" in attrs:
            if "shipping_address" in attrs:
                raise serializers.ValidationError(
                    {"shipping_address_id": ["Send either shipping_address or shipping_address_id, not both."]})
            saved = address_get_for_customer(customer, attrs.pop("shipping_address_id")) if customer else None
            if saved is None:
                raise serializers.ValidationError({"shipping_address_id": ["No saved address with this id."]})
            attrs["shipping_address"] = address_snapshot(saved)
        elif "shipping_address" in attrs:
            attrs["shipping_address"] = clean_address(attrs["shipping_address"], "shipping_address")
        else:
            raise serializers.ValidationError({"shipping_address": ["Send shipping_address or shipping_address_id."]})
        attrs["billing_address"] = clean_address(attrs.get("billing_address"), "billing_address")
        attrs.setdefault("email", "")  # then the cart's or the customer's; the service refuses when there is none
        payment = attrs.pop("payment")
        attrs["payment_gateway"], attrs["payment_token"] = payment["gateway"], payment["token"]
        attrs.setdefault("shipping_method", None)
        return attrs


class OrderLineInputSerializer(serializers.Serializer):
    variant_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quantity = serializers.IntegerField(min_value=1, max_value=999)


class AdminOrderCreateSerializer(serializers.Serializer):
    """POST /orders/ (phone and manual orders)."""

    email = serializers.EmailField(required=False, allow_blank=True)
    customer_id = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    lines = OrderLineInputSerializer(many=True, allow_empty=False, max_length=100)
    shipping_address = AddressInputSerializer()
    billing_address = AddressInputSerializer(required=False, allow_null=True)
    shipping_method = NamedChoiceField(enum_name="ShippingMethod", choices=Cart.ShippingMethod.choices,
                                       default=Cart.ShippingMethod.STANDARD)
    payment = PaymentInputSerializer(required=False, help_text="Without it the order is pending / unpaid.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    def validate(self, attrs):
        if "customer_id" in attrs:
            attrs["customer"] = Customer.objects.filter(pk=attrs.pop("customer_id")).first()
            if attrs["customer"] is None:
                raise serializers.ValidationError({"customer_id": ["No customer with this id."]})
        elif not attrs.get("email"):
            raise serializers.ValidationError({"email": ["Give email or customer_id."]})
        attrs["shipping_address"] = clean_address(attrs["shipping_address"], "shipping_address")
        attrs["billing_address"] = clean_address(attrs.get("billing_address"), "billing_address")
        return attrs


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class PaySerializer(serializers.Serializer):
    """`{}`: staff record money taken outside the platform (phone, invoice)."""


class StatusUpdateSerializer(serializers.Serializer):
    status = NamedChoiceField(enum_name="OrderStatus", choices=Order.Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")
    notify_customer = serializers.BooleanField(required=False, default=True)
    carrier = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    tracking_number = serializers.CharField(required=False, allow_blank=True, max_length=128, default="")
    tracking_url = serializers.URLField(required=False, allow_blank=True, max_length=500, default="")


class FulfillmentLineInputSerializer(serializers.Serializer):
    line_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quantity = serializers.IntegerField(min_value=1, max_value=100_000)


class FulfillmentCreateSerializer(serializers.Serializer):
    lines = FulfillmentLineInputSerializer(many=True, required=False, allow_empty=False,
                                           help_text="Omitted: everything not yet fulfilled.")
    carrier = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    tracking_number = serializers.CharField(required=False, allow_blank=True, max_length=128, default="")
    tracking_url = serializers.URLField(required=False, allow_blank=True, max_length=500, default="")
    notify_customer = serializers.BooleanField(required=False, default=True)


class RefundLineInputSerializer(serializers.Serializer):
    line_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quantity = serializers.IntegerField(min_value=1, max_value=100_000)
    restock = serializers.BooleanField(required=False, default=False)


class RefundCreateSerializer(serializers.Serializer):
    amount = money_field(min_value=Decimal("0.01"))
    reason = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")
    lines = RefundLineInputSerializer(many=True, required=False, default=list)
    notify_customer = serializers.BooleanField(required=False, default=True)
