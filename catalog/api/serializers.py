"""Catalog API shapes: output serializers (Product, Variant, ...) and input serializers (…Serializer in)."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.events import media_payload, product_payload, variant_payload
from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from catalog.rules import product_slug_check, stock_delta_check
from catalog.services.stock import ADJUSTMENT_REASONS
from moodmnky.api.fields import CurrencyField, rule_checked
from moodmnky.api.schema import NamedChoiceField

MONEY = {"max_digits": 12, "decimal_places": 2}
MAX_BULK_PRODUCTS = 100
MAX_BULK_INVENTORY = 500
ERROR_POLICIES = ["reject_everything", "reject_failed_rows"]


def ProductStatusField(**kwargs) -> NamedChoiceField:  # noqa: N802 (used like a field class)
    return NamedChoiceField(enum_name="ProductStatus", choices=Product.Status.choices, **kwargs,
                            enum_description="draft, active or archived; only active is visible to shoppers.")


def BulkStatusField(**kwargs) -> NamedChoiceField:  # noqa: N802
    return NamedChoiceField(enum_name="BulkItemStatus", choices=["ok", "error"], **kwargs)


# --- output ---------------------------------------------------------------------------------------

class CategoryRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "slug", "name"]


class CollectionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Collection
        fields = ["id", "slug", "name"]


class CategorySerializer(serializers.ModelSerializer):
    parent_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = Category
        fields = ["id", "slug", "name", "description", "parent_id", "position", "created_at", "updated_at"]


class CollectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Collection
        fields = ["id", "slug", "name", "description", "position", "created_at", "updated_at"]


class VariantSerializer(serializers.ModelSerializer):
    """A variant as every caller sees it; stock numbers are admin-only."""

    admin = False
    product_id = serializers.IntegerField(read_only=True)
    currency = CurrencyField()
    in_stock = serializers.BooleanField(read_only=True)

    class Meta:
        model = Variant
        fields = ["id", "product_id", "sku", "name", "options", "price", "compare_at_price", "currency",
                  "weight_grams", "position", "in_stock"]

    def to_representation(self, obj):
        return variant_payload(obj, admin=self.admin)


class AdminVariantSerializer(VariantSerializer):
    """Adds the stock fields for admin callers (products:read or staff)."""

    admin = True

    class Meta(VariantSerializer.Meta):
        fields = [*VariantSerializer.Meta.fields, "quantity", "track_inventory", "allow_backorder",
                  "low_stock_threshold", "created_at", "updated_at"]


class MediaSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    variant_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = ProductMedia
        fields = ["id", "url", "alt", "position", "variant_id", "width", "height", "created_at"]

    def get_url(self, obj) -> str:
        return obj.image.url  # for the schema; the body is media_payload's

    def to_representation(self, obj):
        return media_payload(obj, absolute_url=_absolute_url(self.context))


class PriceRangeSerializer(serializers.Serializer):
    min = serializers.DecimalField(**MONEY)
    max = serializers.DecimalField(**MONEY)


class ScentNotesSerializer(serializers.Serializer):
    top = serializers.CharField()
    heart = serializers.CharField()
    base = serializers.CharField()


@extend_schema_field(PriceRangeSerializer(allow_null=True))
class PriceRangeField(serializers.ReadOnlyField):
    """`{min, max}` of the variant prices, or null without variants."""


class ProductSerializer(serializers.ModelSerializer):
    """The contract's Product shape (public representation: only what a shopper may see)."""

    # The fields declare the shape (the schema); the body is catalog.events.product_payload, built by
    # hand because a list serializes hundreds of variants (tests check that both agree).

    admin = False
    status = ProductStatusField(read_only=True)
    category = CategoryRefSerializer(allow_null=True, read_only=True)
    collections = CollectionRefSerializer(many=True, read_only=True)
    scent_notes = ScentNotesSerializer(source="*", read_only=True)
    price_range = PriceRangeField()
    currency = CurrencyField()
    variants = VariantSerializer(many=True, read_only=True)
    media = MediaSerializer(many=True, read_only=True)

    class Meta:
        model = Product
        fields = ["id", "slug", "name", "description", "product_type", "status", "category", "collections",
                  "tags", "scent_notes", "price_range", "currency", "variants", "media", "created_at",
                  "updated_at"]

    def to_representation(self, obj):
        return product_payload(obj, admin=self.admin, absolute_url=_absolute_url(self.context))


class AdminProductSerializer(ProductSerializer):
    """The admin representation: drafts and archived products too, and stock fields on variants."""

    admin = True
    variants = AdminVariantSerializer(many=True, read_only=True)


class InventoryItemSerializer(serializers.ModelSerializer):
    variant_id = serializers.IntegerField(source="id", read_only=True)
    product_id = serializers.IntegerField(read_only=True)
    product_name = serializers.CharField(source="product.name", read_only=True)
    variant_name = serializers.CharField(source="name", read_only=True)
    in_stock = serializers.BooleanField(read_only=True)
    is_low_stock = serializers.BooleanField(read_only=True)

    class Meta:
        model = Variant
        fields = ["variant_id", "sku", "product_id", "product_name", "variant_name", "quantity",
                  "low_stock_threshold", "track_inventory", "allow_backorder", "in_stock", "is_low_stock",
                  "updated_at"]


class StockMovementSerializer(serializers.ModelSerializer):
    variant_id = serializers.IntegerField(allow_null=True, read_only=True)
    actor = serializers.CharField(source="actor_label", read_only=True)

    class Meta:
        model = StockMovement
        fields = ["id", "variant_id", "sku", "delta", "quantity_after", "reason", "note", "reference", "actor",
                  "created_at"]


# --- input ----------------------------------------------------------------------------------------

class VariantCreateSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=64)
    name = serializers.CharField(max_length=120)
    options = serializers.DictField(child=serializers.CharField(max_length=120), required=False)
    price = serializers.DecimalField(**MONEY, min_value=Decimal("0"))
    compare_at_price = serializers.DecimalField(**MONEY, min_value=Decimal("0"), required=False,
                                                allow_null=True)
    weight_grams = serializers.DecimalField(max_digits=9, decimal_places=2, min_value=Decimal("0"),
                                            required=False, allow_null=True)
    quantity = serializers.IntegerField(min_value=0, max_value=10_000_000, required=False,
                                        help_text="Opening stock, recorded as a `receive` movement.")
    track_inventory = serializers.BooleanField(required=False)
    allow_backorder = serializers.BooleanField(required=False)
    low_stock_threshold = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)
    position = serializers.IntegerField(min_value=0, max_value=100_000, required=False)

    def validate_sku(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError("This field may not be blank.")
        return value


QUANTITY_VIA_INVENTORY = "Stock changes only through the inventory endpoints (POST /inventory/adjustments/)."


class VariantUpdateSerializer(VariantCreateSerializer):
    """PATCH /variants/{id}/: any variant field except `quantity` (stock moves through the ledger)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("partial", True)
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        # Refused whatever its value, before the field's own checks could answer something vaguer.
        if isinstance(data, dict) and "quantity" in data:
            raise serializers.ValidationError({"quantity": [QUANTITY_VIA_INVENTORY]})
        return super().to_internal_value(data)


class ProductWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=220, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    product_type = serializers.ChoiceField(choices=Product.ProductType.choices)
    status = ProductStatusField(required=False)
    category_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    collection_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False,
                                           max_length=50)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=50)
    top_notes = serializers.CharField(required=False, allow_blank=True, max_length=255)
    heart_notes = serializers.CharField(required=False, allow_blank=True, max_length=255)
    base_notes = serializers.CharField(required=False, allow_blank=True, max_length=255)

    def validate_slug(self, value: str) -> str:
        return rule_checked(product_slug_check, value) if value else value


class ProductCreateSerializer(ProductWriteSerializer):
    variants = VariantCreateSerializer(many=True, required=False, max_length=100)

    def validate_variants(self, value: list[dict]) -> list[dict]:
        seen: dict[str, int] = {}
        errors = [{} for _ in value]
        for index, variant in enumerate(value):
            key = variant["sku"].lower()
            if key in seen:
                errors[index] = {"sku": [f"Duplicates the SKU of variant {seen[key]}."]}
            seen.setdefault(key, index)
        if any(errors):
            raise serializers.ValidationError(errors)
        return value


class ProductUpdateSerializer(ProductWriteSerializer):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("partial", True)
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict) and "variants" in data:
            raise serializers.ValidationError({"variants": [
                "Variants are changed through /products/{id}/variants/ and /variants/{id}/."]})
        return super().to_internal_value(data)


class MediaUploadSerializer(serializers.Serializer):
    image = serializers.FileField(help_text="JPEG, PNG, WebP or GIF; at most 5 MB and 6000×6000 pixels.")
    alt = serializers.CharField(max_length=255, required=False, allow_blank=True)
    position = serializers.IntegerField(min_value=0, max_value=100_000, required=False)
    variant_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)


class StockAdjustmentSerializer(serializers.Serializer):
    variant_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    delta = serializers.IntegerField(min_value=-10_000_000, max_value=10_000_000)
    reason = serializers.ChoiceField(choices=ADJUSTMENT_REASONS, default="adjustment")
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    reference = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_delta(self, value: int) -> int:
        return rule_checked(stock_delta_check, value)


class InventoryBulkItemSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=64)
    set = serializers.IntegerField(min_value=0, max_value=10_000_000, required=False)
    adjust = serializers.IntegerField(min_value=-10_000_000, max_value=10_000_000, required=False)
    reason = serializers.ChoiceField(choices=ADJUSTMENT_REASONS, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)

    def validate(self, attrs: dict) -> dict:
        if ("set" in attrs) == ("adjust" in attrs):
            raise serializers.ValidationError({"set": ["Give exactly one of `set` or `adjust`."]})
        return attrs

    def validate_adjust(self, value: int) -> int:
        return rule_checked(stock_delta_check, value)


class BulkEnvelopeSerializer(serializers.Serializer):
    error_policy = serializers.ChoiceField(choices=ERROR_POLICIES, default="reject_everything")


class InventoryBulkSerializer(BulkEnvelopeSerializer):
    """Items are validated one by one by the view, so each error can name `items.<i>.<field>`."""

    items = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=MAX_BULK_INVENTORY,
                                  help_text="Each `{sku, set}` or `{sku, adjust}` (optional `reason`, `note`).")


class ProductBulkSerializer(BulkEnvelopeSerializer):
    items = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=MAX_BULK_PRODUCTS,
                                  help_text="Each a product create body (with `variants`).")


class BulkResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    sku = serializers.CharField(required=False, allow_null=True)
    id = serializers.IntegerField(required=False, allow_null=True)
    slug = serializers.CharField(required=False, allow_null=True)
    status = BulkStatusField()
    quantity = serializers.IntegerField(required=False, allow_null=True)
    errors = serializers.ListField(child=serializers.DictField())


class BulkResponseSerializer(serializers.Serializer):
    results = BulkResultSerializer(many=True)


def _absolute_url(context: dict):
    request = context.get("request")
    return request.build_absolute_uri if request is not None else None
