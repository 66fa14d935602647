"""Orders and what happens to them: lines (snapshots), payments, refunds, fulfillments and the event timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from moodmnky.money import store_currency

MONEY = {"max_digits": 12, "decimal_places": 2}


def _store_currency() -> str:  # the migrations name this default
    return store_currency()


class Order(models.Model):
    """A placed order. Money, addresses and lines are snapshots: later catalog or account edits never change it.

    `status`, `payment_status` and `fulfillment_status` change only through orders.services (the
    transition table lives in orders/services/lifecycle.py).
    """

    class Status(models.TextChoices):
        PENDING = "pending"
        CONFIRMED = "confirmed"
        PROCESSING = "processing"
        SHIPPED = "shipped"
        DELIVERED = "delivered"
        CANCELLED = "cancelled"

    class PaymentStatus(models.TextChoices):
        UNPAID = "unpaid"
        PAID = "paid"
        PARTIALLY_REFUNDED = "partially_refunded", "Partially refunded"
        REFUNDED = "refunded"

    class FulfillmentStatus(models.TextChoices):
        UNFULFILLED = "unfulfilled"
        PARTIAL = "partial"
        FULFILLED = "fulfilled"

    class Source(models.TextChoices):
        CHECKOUT = "checkout"
        ADMIN = "admin"  # phone and manual orders (POST /orders/, the Django admin)
        DEMO = "demo"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.CharField(max_length=32, unique=True, editable=False)
    # The account is kept for "my orders" and statistics; the email snapshot is what the order was placed with.
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="orders")
    email = models.EmailField(max_length=254)
    cart = models.ForeignKey("carts.Cart", null=True, blank=True, on_delete=models.SET_NULL, related_name="orders")
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.CHECKOUT)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    payment_status = models.CharField(max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.UNPAID,
                                      db_index=True)
    fulfillment_status = models.CharField(max_length=16, choices=FulfillmentStatus.choices,
                                          default=FulfillmentStatus.UNFULFILLED, db_index=True)
    currency = models.CharField(max_length=3, default=_store_currency)
    subtotal = models.DecimalField(**MONEY, default=0)
    discount_total = models.DecimalField(**MONEY, default=0)
    shipping_total = models.DecimalField(**MONEY, default=0)
    tax_total = models.DecimalField(**MONEY, default=0)
    total = models.DecimalField(**MONEY, default=0)
    # Kept by the payment and refund services under the order's row lock.
    amount_paid = models.DecimalField(**MONEY, default=0)
    amount_refunded = models.DecimalField(**MONEY, default=0)
    shipping_method = models.CharField(max_length=20, default="standard")
    shipping_address = models.JSONField(default=dict)  # the Address shape, copied
    billing_address = models.JSONField(null=True, blank=True)
    discount_codes = models.JSONField(default=list, blank=True)  # [{"code", "type", "amount"}] as charged
    note = models.TextField(blank=True)
    # Made-to-order lines (custom blends) are poured and cured: the promised date, null when none.
    ready_by = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    paid_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["customer", "-created_at"], name="orders_customer_newest"),
            models.Index(fields=["email"], name="orders_order_email"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount_refunded__lte=models.F("amount_paid")),
                                   name="orders_refunded_at_most_paid"),
        ]
        # The fulfilment desk (orders/desk.py): one permission per kind of work, so staff roles can split it.
        permissions = [
            ("pay_order", "Can record a payment for an order"),
            ("fulfil_order", "Can fulfil, ship and move orders through processing and delivery"),
            ("cancel_order", "Can cancel orders"),
            ("refund_order", "Can refund orders"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def refundable_amount(self):
        return self.amount_paid - self.amount_refunded


class OrderNumberCounter(models.Model):
    """SQLite only: one row counting order numbers (PostgreSQL uses the sequence orders_order_number_seq)."""

    value = models.PositiveBigIntegerField(default=1000)

    def __str__(self) -> str:
        return str(self.value)


class OrderLine(models.Model):
    """A bought line: name, SKU, prices and (for a blend) its composition are snapshots."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    # Kept for restocking; the snapshot below is what the order shows, even once the variant is gone.
    variant = models.ForeignKey("catalog.Variant", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="order_lines")
    product_id = models.BigIntegerField(null=True, blank=True)  # snapshot, no foreign key
    sku = models.CharField(max_length=64)
    name = models.CharField(max_length=255)
    product_name = models.CharField(max_length=200, blank=True)
    variant_name = models.CharField(max_length=120, blank=True)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(**MONEY)
    line_total = models.DecimalField(**MONEY)  # unit_price × quantity, before discounts
    discount_total = models.DecimalField(**MONEY, default=0)  # the line's share of the order discount
    # Custom blend lines (blends app): the blend, version, base and formulation as bought.
    blend_snapshot = models.JSONField(null=True, blank=True)
    # The exact composition bought: a later change of the blend makes a new version, this one stays.
    blend_version = models.ForeignKey("blends.BlendVersion", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="order_lines")
    is_made_to_order = models.BooleanField(default=False)
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    quantity_refunded = models.PositiveIntegerField(default=0)
    quantity_restocked = models.PositiveIntegerField(default=0)  # units put back (cancel, refund with restock)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="orders_line_quantity_positive"),
            models.CheckConstraint(condition=Q(quantity_fulfilled__lte=models.F("quantity")),
                                   name="orders_line_fulfilled_at_most_quantity"),
            models.CheckConstraint(condition=Q(quantity_refunded__lte=models.F("quantity")),
                                   name="orders_line_refunded_at_most_quantity"),
            models.CheckConstraint(condition=Q(quantity_restocked__lte=models.F("quantity")),
                                   name="orders_line_restocked_at_most_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"

    @property
    def quantity_unfulfilled(self) -> int:
        return self.quantity - self.quantity_fulfilled


class Payment(models.Model):
    """One charge attempt that the gateway accepted (declines roll back and leave no row)."""

    class Status(models.TextChoices):
        AUTHORIZED = "authorized"
        CAPTURED = "captured"
        VOIDED = "voided"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="payments")
    gateway = models.CharField(max_length=32)
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3, default=_store_currency)
    status = models.CharField(max_length=16, choices=Status.choices)
    reference = models.CharField(max_length=128, blank=True)  # the gateway's id of the charge
    raw_response = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} via {self.gateway}"


class Refund(models.Model):
    """Money given back (partial or full), optionally with lines and whether they went back to stock."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="refunds")
    payment = models.ForeignKey(Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="refunds")
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3, default=_store_currency)
    reason = models.CharField(max_length=255, blank=True)
    lines = models.JSONField(default=list, blank=True)  # [{"line_id", "quantity", "restock"}]
    gateway = models.CharField(max_length=32, blank=True)
    reference = models.CharField(max_length=128, blank=True)
    raw_response = models.JSONField(default=dict, blank=True)
    actor_label = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="orders_refund_amount_positive")]

    def __str__(self) -> str:
        return f"Refund {self.amount} on {self.order_id}"


class Fulfillment(models.Model):
    """A parcel: some or all of an order's lines, with its carrier and tracking."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfillments")
    carrier = models.CharField(max_length=64, blank=True)
    tracking_number = models.CharField(max_length=128, blank=True)
    tracking_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Fulfillment {self.pk} of {self.order_id}"


class FulfillmentLine(models.Model):
    fulfillment = models.ForeignKey(Fulfillment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="fulfillment_lines")
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="orders_fulfillment_line_positive")]

    def __str__(self) -> str:
        return f"{self.quantity} × line {self.order_line_id}"


class OrderEvent(models.Model):
    """The order's timeline: every transition, payment, refund and note (never edited)."""

    class Type(models.TextChoices):
        CREATED = "created"
        CONFIRMED = "confirmed"
        PAID = "paid"
        PROCESSING = "processing"
        FULFILLED = "fulfilled"
        SHIPPED = "shipped"
        DELIVERED = "delivered"
        CANCELLED = "cancelled"
        REFUNDED = "refunded"
        NOTE = "note"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=16, choices=Type.choices)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_label = models.CharField(max_length=150, blank=True)
    data = models.JSONField(default=dict, blank=True)  # e.g. the refunded amount, the tracking number
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.type} ({self.from_status}→{self.to_status})"


class OrderEmail(models.Model):
    """A customer email about an order that was handed to the mail backend (written by order_email_send)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=32)  # confirmation, shipped, refunded, ... (orders/tasks.py SUBJECTS)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    data = models.JSONField(default=dict, blank=True)  # what the template was given: tracking, amount, ...
    sent_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}"
