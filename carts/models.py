"""Carts, their lines and applied codes; discount codes and their usage records."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from moodmnky.money import store_currency


def _store_currency() -> str:  # named by migrations
    return store_currency()


class Cart(models.Model):
    """A guest's or a customer's basket; a customer has at most one open cart."""

    class Status(models.TextChoices):
        OPEN = "open"
        MERGED = "merged"  # a guest cart folded into a customer's cart on login
        CHECKED_OUT = "checked_out"

    class ShippingMethod(models.TextChoices):
        STANDARD = "standard"
        EXPRESS = "express"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="carts"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    email = models.EmailField(max_length=254, blank=True)
    note = models.TextField(blank=True, max_length=1000)
    currency = models.CharField(max_length=3, default=_store_currency)
    shipping_method = models.CharField(max_length=20, choices=ShippingMethod.choices,
                                       default=ShippingMethod.STANDARD)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_carts"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Moved by every write (lines, codes, email, note); `expire_carts` and the admin's
    # "abandoned" filter read it. Reads do not move it.
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_activity_at"]
        constraints = [
            # One open cart per customer, even under concurrent POST /carts/.
            models.UniqueConstraint(
                fields=["customer"], condition=Q(status="open", customer__isnull=False),
                name="carts_one_open_cart_per_customer",
            ),
        ]
        indexes = [models.Index(fields=["status", "last_activity_at"], name="carts_cart_status_activity")]

    def __str__(self) -> str:
        return f"Cart {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CartItem(models.Model):
    """One line: a variant today; the custom-blends issue adds blend + product_base lines.

    `variant` is nullable so that a blend line (blend + product_base, no variant) fits the same
    table; that issue adds the check constraint "exactly one of variant or blend".
    """

    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="items")
    # A deleted variant takes its cart lines with it; orders keep their own snapshots.
    variant = models.ForeignKey("catalog.Variant", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="cart_items")
    # A blend line: the customer's blend made as this product base (variant is then null).
    blend = models.ForeignKey("blends.Blend", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="cart_items")
    product_base = models.ForeignKey("blends.ProductBase", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="cart_items")
    quantity = models.PositiveIntegerField()
    # The catalog price when the line was first added: a later price change is shown on the line.
    unit_price_at_add = models.DecimalField(max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cart", "variant"], condition=Q(variant__isnull=False),
                                    name="carts_item_one_line_per_variant"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="carts_item_quantity_positive"),
            models.UniqueConstraint(fields=["cart", "blend", "product_base"], condition=Q(blend__isnull=False),
                                    name="carts_item_one_line_per_blend_and_base"),
            # A line is a variant, or a blend made as a product base: never both, never neither.
            models.CheckConstraint(
                condition=Q(variant__isnull=False, blend__isnull=True, product_base__isnull=True)
                | Q(variant__isnull=True, blend__isnull=False, product_base__isnull=False),
                name="carts_item_variant_xor_blend_and_base",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id or f'{self.blend_id} as {self.product_base_id}'}"


class DiscountCode(models.Model):
    """A code a shopper types at checkout: percentage, fixed amount or free shipping."""

    class Type(models.TextChoices):
        PERCENTAGE = "percentage"
        FIXED_AMOUNT = "fixed_amount", "Fixed amount"
        FREE_SHIPPING = "free_shipping", "Free shipping"

    code = models.CharField(max_length=50, help_text="Case-insensitive; shoppers may type it in any case.")
    description = models.CharField(max_length=255, blank=True)
    type = models.CharField(max_length=20, choices=Type.choices)
    value = models.DecimalField(max_digits=12, decimal_places=2, default=0,
                                help_text="Percent (0–100) or an amount; ignored for free shipping.")
    minimum_subtotal = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    usage_limit = models.PositiveIntegerField(null=True, blank=True, help_text="Total uses; empty = unlimited.")
    usage_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    products = models.ManyToManyField("catalog.Product", blank=True, related_name="discount_codes")
    categories = models.ManyToManyField("catalog.Category", blank=True, related_name="discount_codes")
    combinable = models.BooleanField(default=False, help_text="May be used together with other combinable codes.")
    is_active = models.BooleanField(default=True)
    # Counted by discount_record_usage at checkout with a conditional UPDATE, never by hand.
    times_used = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(Lower("code"), name="carts_discount_code_ci_unique"),
            models.CheckConstraint(condition=Q(value__gte=0), name="carts_discount_value_not_negative"),
            models.CheckConstraint(condition=~Q(type="percentage") | Q(value__lte=100),
                                   name="carts_discount_percentage_at_most_100"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="carts_discount_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    # Labels for people (the admin filter); the API uses the keys.
    STATES = {"active": "Active", "scheduled": "Not started", "expired": "Expired", "exhausted": "Used up",
              "inactive": "Deactivated"}

    def state(self, now=None) -> str:
        """inactive, scheduled, expired, exhausted or active (selectors.discount_state_q is its query twin)."""
        now = now or timezone.now()
        if not self.is_active:
            return "inactive"
        if self.starts_at and now < self.starts_at:
            return "scheduled"
        if self.ends_at and now >= self.ends_at:
            return "expired"
        if self.usage_limit is not None and self.times_used >= self.usage_limit:
            return "exhausted"
        return "active"


class CartDiscount(models.Model):
    """A code applied to a cart, in the order codes were applied."""

    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="applied_discounts")
    discount = models.ForeignKey(DiscountCode, on_delete=models.CASCADE, related_name="cart_applications")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["cart", "discount"], name="carts_discount_once_per_cart")]

    def __str__(self) -> str:
        return f"{self.discount_id} on {self.cart_id}"


class DiscountUsage(models.Model):
    """One use of a code by a placed order; written by discount_record_usage at checkout."""

    # Usage history outlives a deleted code: the code text is kept on the row.
    discount = models.ForeignKey(DiscountCode, null=True, on_delete=models.SET_NULL, related_name="usages")
    code = models.CharField(max_length=50)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="discount_usages")
    email = models.EmailField(max_length=254, blank=True)
    order_reference = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["discount", "customer"], name="carts_usage_discount_customer"),
            models.Index(fields=["discount", "email"], name="carts_usage_discount_email"),
        ]

    def __str__(self) -> str:
        return f"{self.code} by {self.email or self.customer_id}"
