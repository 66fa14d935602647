from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from carts.models import Cart, DiscountCode
from carts.selectors import PricedCart, PricedLine
from carts.services import MAX_LINE_QUANTITY
from catalog.models import Category, Product
from moodmnky.api.fields import CurrencyField
from moodmnky.api.schema import NamedChoiceField


def _discount_type(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="DiscountTypeEnum", choices=DiscountCode.Type.choices, **kwargs)


def _shipping_method(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="ShippingMethodEnum", choices=Cart.ShippingMethod.choices, **kwargs)


def _money(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True, **kwargs)


class CartItemSerializer(serializers.Serializer):
    """A cart line (a PricedLine): prices are today's catalog prices."""

    id = serializers.IntegerField(read_only=True)
    variant_id = serializers.IntegerField(source="item.variant_id", read_only=True, allow_null=True)
    blend_id = serializers.SerializerMethodField()
    product_base_id = serializers.SerializerMethodField()
    product_id = serializers.IntegerField(source="source.product_id", read_only=True, allow_null=True)
    name = serializers.CharField(source="source.name", read_only=True)
    product_name = serializers.CharField(source="source.product_name", read_only=True)
    variant_name = serializers.CharField(source="source.variant_name", read_only=True)
    sku = serializers.CharField(source="source.sku", read_only=True)
    quantity = serializers.IntegerField(read_only=True)
    unit_price = _money()
    compare_at_price = _money(source="source.compare_at_price", allow_null=True)
    line_total = _money()
    discount_total = _money(help_text="This line's share of the cart's discount_total.")
    price_changed = serializers.BooleanField(read_only=True,
                                             help_text="The catalog price moved since the line was added.")
    previous_unit_price = _money(allow_null=True, help_text="The price when added, if it changed since.")
    is_available = serializers.BooleanField(read_only=True,
                                            help_text="On sale and in stock for this quantity.")
    available_quantity = serializers.IntegerField(source="source.available", read_only=True, allow_null=True,
                                                  help_text="Units that can be bought now; null = no limit.")

    @extend_schema_field({"type": "string", "format": "uuid", "nullable": True})
    def get_blend_id(self, line) -> str | None:
        value = getattr(line.item, "blend_id", None)  # blend lines arrive with the custom-blends issue
        return str(value) if value is not None else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_product_base_id(self, line) -> int | None:
        return getattr(line.item, "product_base_id", None)


class CartDiscountCodeSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    type = _discount_type(read_only=True)
    amount = _money(help_text="What the code saves now; for free shipping, the shipping it waives.")
    applicable = serializers.BooleanField(read_only=True,
                                          help_text="False when it saves nothing now (e.g. below its minimum).")


class CartSerializer(serializers.Serializer):
    """A cart priced now: total = subtotal − discount_total + shipping_total + tax_total."""

    id = serializers.UUIDField(source="cart.id", read_only=True)
    customer = serializers.IntegerField(source="cart.customer_id", read_only=True, allow_null=True)
    status = NamedChoiceField(enum_name="CartStatusEnum", source="cart.status", choices=Cart.Status.choices,
                              read_only=True)
    email = serializers.CharField(source="cart.email", read_only=True, help_text="Empty until the shopper gives one.")
    note = serializers.CharField(source="cart.note", read_only=True)
    items = CartItemSerializer(source="lines", many=True, read_only=True)
    discount_codes = CartDiscountCodeSerializer(source="codes", many=True, read_only=True)
    shipping_method = _shipping_method(read_only=True)
    subtotal = _money()
    discount_total = _money()
    shipping_total = _money()
    tax_total = _money()
    total = _money()
    currency = serializers.CharField(read_only=True)
    item_count = serializers.IntegerField(read_only=True, help_text="Units, not lines.")
    merged_into = serializers.UUIDField(source="cart.merged_into_id", read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(source="cart.created_at", read_only=True)
    updated_at = serializers.DateTimeField(source="cart.last_activity_at", read_only=True)

    def to_representation(self, instance: PricedCart) -> dict:
        # The fields above document the shape (the OpenAPI schema); the body is written once, by cart_data,
        # without instantiating the ~40 fields per request, which cost more than loading the cart.
        # tests/carts/test_cart_body.py checks cart_data against what the fields would give, field by field.
        return cart_data(instance)


_money_text = serializers.DecimalField(max_digits=12, decimal_places=2).to_representation
_time_text = serializers.DateTimeField().to_representation


def _money_or_none(value) -> str | None:
    return None if value is None else _money_text(value)


def cart_data(priced: PricedCart) -> dict:
    """The cart's body (CartSerializer's representation): the keys, order and values its fields describe."""
    cart = priced.cart
    return {
        "id": str(cart.id),
        "customer": cart.customer_id,
        "status": str(cart.status),
        "email": cart.email,
        "note": cart.note,
        "items": [_line_data(line) for line in priced.lines],
        "discount_codes": [{"code": code.code, "type": str(code.type), "amount": _money_text(code.amount),
                            "applicable": bool(code.applicable)} for code in priced.codes],
        "shipping_method": str(priced.shipping_method),
        "subtotal": _money_text(priced.subtotal),
        "discount_total": _money_text(priced.discount_total),
        "shipping_total": _money_text(priced.shipping_total),
        "tax_total": _money_text(priced.tax_total),
        "total": _money_text(priced.total),
        "currency": priced.currency,
        "item_count": priced.item_count,
        "merged_into": str(cart.merged_into_id) if cart.merged_into_id is not None else None,
        "created_at": _time_text(cart.created_at),
        "updated_at": _time_text(cart.last_activity_at),
    }


def _line_data(line: PricedLine) -> dict:
    item, source = line.item, line.source
    return {
        "id": item.pk,
        "variant_id": item.variant_id,
        "blend_id": str(item.blend_id) if item.blend_id is not None else None,
        "product_base_id": item.product_base_id,
        "product_id": source.product_id,
        "name": source.name,
        "product_name": source.product_name,
        "variant_name": source.variant_name,
        "sku": source.sku,
        "quantity": item.quantity,
        "unit_price": _money_text(line.unit_price),
        "compare_at_price": _money_or_none(source.compare_at_price),
        "line_total": _money_text(line.line_total),
        "discount_total": _money_text(line.discount_total),
        "price_changed": line.price_changed,
        "previous_unit_price": _money_or_none(line.previous_unit_price),
        "is_available": line.is_available,
        "available_quantity": source.available,
    }


class CartCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)


class CartUpdateSerializer(serializers.Serializer):
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, trim_whitespace=False)
    shipping_method = _shipping_method(required=False)


class CartItemCreateSerializer(serializers.Serializer):
    variant_id = serializers.IntegerField(required=False, min_value=1)
    blend_id = serializers.UUIDField(required=False)
    product_base_id = serializers.IntegerField(required=False, min_value=1)
    quantity = serializers.IntegerField(required=False, default=1, min_value=1, max_value=MAX_LINE_QUANTITY)

    def validate(self, attrs):
        if "blend_id" in attrs or "product_base_id" in attrs:
            if "variant_id" in attrs:
                raise serializers.ValidationError(
                    {"variant_id": "Send variant_id, or blend_id with product_base_id, not both."})
            missing = [name for name in ("blend_id", "product_base_id") if name not in attrs]
            if missing:
                raise serializers.ValidationError({missing[0]: "This field is required with a blend line."})
            return attrs
        if "variant_id" not in attrs:
            raise serializers.ValidationError({"variant_id": "This field is required."})
        return attrs


class CartItemUpdateSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=0, max_value=MAX_LINE_QUANTITY,
                                        help_text="0 removes the line.")


class DiscountApplySerializer(serializers.Serializer):
    code = serializers.CharField(max_length=50)


class EstimateAddressSerializer(serializers.Serializer):
    country = serializers.RegexField(r"^[A-Za-z]{2}$", max_length=2,
                                     error_messages={"invalid": "Use a two-letter ISO 3166-1 country code."})
    region = serializers.CharField(required=False, allow_blank=True, max_length=100)
    postal_code = serializers.CharField(required=False, allow_blank=True, max_length=20)


class ShippingEstimateRequestSerializer(serializers.Serializer):
    address = EstimateAddressSerializer()


class ShippingEstimateSerializer(serializers.Serializer):
    method = _shipping_method()
    carrier = serializers.CharField()
    cost = _money()
    currency = serializers.CharField()
    estimated_delivery_min = serializers.DateField()
    estimated_delivery_max = serializers.DateField()
    selected = serializers.BooleanField(help_text="The method the cart's shipping_total uses.")


class ShippingEstimatesSerializer(serializers.Serializer):
    estimates = ShippingEstimateSerializer(many=True)
    free_shipping_threshold = _money()
    amount_to_free_shipping = _money()
    currency = serializers.CharField()


class DiscountSerializer(serializers.ModelSerializer):
    """A discount code as staff see it."""

    product_ids = serializers.PrimaryKeyRelatedField(source="products", many=True, read_only=True)
    category_ids = serializers.PrimaryKeyRelatedField(source="categories", many=True, read_only=True)
    state = serializers.SerializerMethodField()
    currency = CurrencyField()

    class Meta:
        model = DiscountCode
        fields = ["id", "code", "description", "type", "value", "minimum_subtotal", "currency", "starts_at",
                  "ends_at", "usage_limit", "usage_limit_per_customer", "times_used", "product_ids",
                  "category_ids", "combinable", "is_active", "state", "created_at", "updated_at"]
        read_only_fields = fields

    type = _discount_type(read_only=True)

    @extend_schema_field(NamedChoiceField(enum_name="DiscountStateEnum", choices=list(DiscountCode.STATES)))
    def get_state(self, discount) -> str:
        return discount.state()



class DiscountWriteSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=50)
    description = serializers.CharField(required=False, allow_blank=True, max_length=255)
    type = _discount_type()
    value = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False)
    minimum_subtotal = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False)
    starts_at = serializers.DateTimeField(required=False, allow_null=True)
    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    usage_limit = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    usage_limit_per_customer = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    product_ids = serializers.PrimaryKeyRelatedField(source="products", many=True, required=False,
                                                     queryset=Product.objects.all())
    category_ids = serializers.PrimaryKeyRelatedField(source="categories", many=True, required=False,
                                                      queryset=Category.objects.all())
    combinable = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)
