"""Catalog tables: categories, collections, products, variants, media and the stock ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone


class Category(models.Model):
    """A node of the shop's category tree (Candles > Jar candles)."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Collection(models.Model):
    """A curated, cross-category grouping (Bestsellers, Autumn Ritual)."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ProductQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Product.Status.ACTIVE)

    def in_stock(self):
        return self.filter(in_stock=True)

    def out_of_stock(self):
        return self.filter(in_stock=False)


class Product(models.Model):
    """What the storefront lists; what is bought is one of its variants."""

    class Status(models.TextChoices):
        DRAFT = "draft"
        ACTIVE = "active"
        ARCHIVED = "archived"

    class ProductType(models.TextChoices):
        CANDLE = "candle"
        WAX_MELT = "wax_melt", "Wax melt"
        REED_DIFFUSER = "reed_diffuser", "Reed diffuser"
        ROOM_SPRAY = "room_spray", "Room spray"
        BODY_OIL = "body_oil", "Body oil"
        SOAP = "soap"
        GIFT_SET = "gift_set", "Gift set"
        ACCESSORY = "accessory"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    product_type = models.CharField(max_length=20, choices=ProductType.choices, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="products"
    )
    collections = models.ManyToManyField(Collection, blank=True, related_name="products")
    tags = models.JSONField(default=list, blank=True)  # a list of short lowercase strings
    # Scent notes of a ready-made scent, as the brand writes them ("bergamot, pink pepper").
    top_notes = models.CharField(max_length=255, blank=True)
    heart_notes = models.CharField(max_length=255, blank=True)
    base_notes = models.CharField(max_length=255, blank=True)
    # Kept by the services whenever variants change (product_refresh_denormalized):
    # name, description, tags, notes and SKUs for search; the lowest variant price for price
    # filters and sorting (an index walk instead of aggregating every variant per request).
    search_text = models.TextField(blank=True, editable=False)
    min_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True, editable=False)
    # Some variant can be bought now (Variant.sellable_q); False without variants. Kept in the same
    # transaction by the variant services and, when a variant's own `in_stock` flips, by the stock
    # ledger (catalog.services.stock): `in_stock=` filters read it instead of probing every product.
    in_stock = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ProductQuerySet.as_manager()

    # Not a column: on the instance a catalog service returns after announcing a write, the payload of the
    # webhook event it recorded (catalog.events.product_payload), which the API answers with instead of building
    # it again. None on any other instance, and on writes inside product_changes_batched() (announced later).
    event_payload: dict | None = None

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Matches the default list order (newest first, id breaking ties) so a page is an index walk.
            models.Index(fields=["status", "-created_at", "-id"], name="catalog_product_status_newest"),
            # Both directions of `sort=name` (a backward walk for desc), ties broken by id as the list does.
            models.Index(fields=["status", "name", "id"], name="catalog_product_status_name_id"),
            # Price ascending; the descending twin (DESC NULLS LAST) is PostgreSQL-only, migration 0004.
            models.Index(fields=["status", "min_price", "id"], name="catalog_product_status_price"),
            # `in_stock=` either way in the default order: an index walk; sold out (few) then sorts a few rows.
            models.Index(fields=["status", "in_stock", "-created_at", "-id"], name="catalog_product_stock_newest"),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def in_stock_now() -> Exists:
        """The truth `in_stock` caches: has a sellable variant (for UPDATEs, the backfill and checks)."""
        return Exists(Variant.objects.filter(Variant.sellable_q(), product=OuterRef("pk")))


class Variant(models.Model):
    """A purchasable size or option of a product, with its own SKU, price and stock."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=120)  # "8 oz", "Travel 4 oz"
    options = models.JSONField(default=dict, blank=True)  # {"size": "8 oz"}
    price = models.DecimalField(max_digits=12, decimal_places=2)
    compare_at_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    weight_grams = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    track_inventory = models.BooleanField(default=True)
    allow_backorder = models.BooleanField(default=False)
    # Changed only by catalog.services.stock_move (the ledger); negative only with backorder.
    quantity = models.IntegerField(default=0)
    low_stock_threshold = models.PositiveIntegerField(default=5)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["product", "price"], name="catalog_variant_product_price"),
            # "Has this product a sellable variant?" (Product.in_stock_now, refreshing `in_stock`): a small probe.
            models.Index(fields=["product"], condition=Q(quantity__gt=0) | Q(track_inventory=False)
                         | Q(allow_backorder=True), name="catalog_variant_sellable"),
        ]
        constraints = [
            # The database itself refuses oversold stock, whatever code path tries it.
            models.CheckConstraint(
                condition=Q(quantity__gte=0) | Q(track_inventory=False) | Q(allow_backorder=True),
                name="catalog_variant_stock_not_negative",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="catalog_variant_price_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} ({self.name})"

    @staticmethod
    def sellable_q() -> Q:
        return Q(quantity__gt=0) | Q(track_inventory=False) | Q(allow_backorder=True)

    @staticmethod
    def low_stock_q() -> Q:
        return Q(track_inventory=True, quantity__lte=F("low_stock_threshold"))

    @property
    def in_stock(self) -> bool:
        return self.quantity > 0 or not self.track_inventory or self.allow_backorder

    @property
    def is_low_stock(self) -> bool:
        return self.track_inventory and self.quantity <= self.low_stock_threshold


def _media_upload_to(instance: "ProductMedia", filename: str) -> str:
    return f"products/{instance.product_id}/{filename}"


class ProductMedia(models.Model):
    """An image of a product, optionally shown for one variant."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="media")
    variant = models.ForeignKey(
        Variant, null=True, blank=True, on_delete=models.SET_NULL, related_name="media"
    )
    image = models.ImageField(upload_to=_media_upload_to, width_field="width", height_field="height",
                              max_length=255)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(max_length=255, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "product media"
        verbose_name_plural = "product media"

    def __str__(self) -> str:
        return self.alt or self.image.name


class StockMovement(models.Model):
    """One line of the inventory ledger: every change of a variant's quantity, never edited."""

    class Reason(models.TextChoices):
        SALE = "sale"
        CANCEL = "cancel"
        REFUND = "refund"
        ADJUSTMENT = "adjustment"
        RECEIVE = "receive"
        RETURN = "return"
        DAMAGE = "damage"

    # The ledger outlives a deleted variant: the SKU is kept on the row.
    variant = models.ForeignKey(
        Variant, null=True, on_delete=models.SET_NULL, related_name="stock_movements"
    )
    sku = models.CharField(max_length=64)
    delta = models.IntegerField()
    quantity_after = models.IntegerField()
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(blank=True)
    reference = models.CharField(max_length=100, blank=True, db_index=True)  # an order number, an import
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)  # "API key 1a2b3c4d", "system"
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["variant", "-created_at"], name="catalog_movement_variant_time")]

    def __str__(self) -> str:
        return f"{self.sku} {self.delta:+d} ({self.reason})"
