"""Back office for orders: the timeline, payments, parcels and refunds inline; every action goes through the
same services as the API (so it writes the same events, webhooks and emails)."""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyInline
from moodmnky.errors import DomainError
from orders import services
from orders.admin_dashboard import OrderQueueFilter  # also installs the dashboard on the admin home
from orders.models import Fulfillment, Order, OrderEvent, OrderLine, Payment, Refund

MONEY_FIELDS = ["subtotal", "discount_total", "shipping_total", "tax_total", "total", "amount_paid",
                "amount_refunded", "currency"]


class LineInline(ReadOnlyInline):
    model = OrderLine
    fields = ["sku", "name", "quantity", "unit_price", "line_total", "discount_total", "quantity_fulfilled",
              "quantity_refunded", "quantity_restocked", "is_made_to_order", "blend"]
    readonly_fields = fields

    @admin.display(description="custom blend")
    def blend(self, line):
        """The formula as bought (grams from the line's snapshot) and the batch sheet for this base and quantity."""
        snapshot = line.blend_snapshot
        if not snapshot:
            return "—"
        formulation = snapshot["formulation"]
        grams = format_html_join(", ", "{} {} g", ((c["name"], c["grams"]) for c in formulation["components"]))
        url = reverse("admin:blends_blend_batch_sheet", args=[snapshot["blend_id"], formulation["product_base_id"]])
        return format_html('Version {} · {} · <a href="{}?quantity={}" target="_blank">batch sheet</a>',
                           snapshot["version"], grams, url, line.quantity)


class PaymentInline(ReadOnlyInline):
    model = Payment
    fields = ["created_at", "gateway", "amount", "status", "reference"]
    readonly_fields = fields


class FulfillmentInline(ReadOnlyInline):
    model = Fulfillment
    fields = ["created_at", "carrier", "tracking_number", "tracking_url"]
    readonly_fields = fields


class RefundInline(ReadOnlyInline):
    model = Refund
    fields = ["created_at", "amount", "reason", "lines", "reference", "actor_label"]
    readonly_fields = fields


class EventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ["created_at", "type", "from_status", "to_status", "note", "actor_label"]
    readonly_fields = fields
    verbose_name_plural = "timeline"


class FulfilForm(forms.Form):
    carrier = forms.CharField(max_length=64, required=False)
    tracking_number = forms.CharField(max_length=128, required=False)
    tracking_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    notify_customer = forms.BooleanField(required=False, initial=True)


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=500, required=False)


class RefundForm(forms.Form):
    amount = forms.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"), required=False,
                                help_text="Empty: everything still refundable on each order.")
    reason = forms.CharField(max_length=255, required=False)


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "email", "status", "payment_status", "fulfillment_status", "total", "currency",
                    "source", "created_at"]
    list_filter = [OrderQueueFilter, "status", "payment_status", "fulfillment_status", "source", "created_at",
                   "paid_at", "cancelled_at"]
    search_fields = ["number", "email", "lines__sku"]
    list_select_related = ["customer"]
    date_hierarchy = "created_at"
    readonly_fields = ["number", "customer", "email", "cart", "source", "status", "payment_status",
                       "fulfillment_status", *MONEY_FIELDS, "shipping_method", "shipping_address", "billing_address",
                       "discount_codes", "note", "ready_by", "created_at", "updated_at", "paid_at", "cancelled_at"]
    fieldsets = [
        (None, {"fields": ["number", "customer", "email", "source", "cart", "note"]}),
        ("Status", {"fields": ["status", "payment_status", "fulfillment_status", "ready_by"]}),
        ("Money", {"fields": MONEY_FIELDS + ["discount_codes"]}),
        ("Shipping", {"fields": ["shipping_method", "shipping_address", "billing_address"]}),
        ("Dates", {"fields": ["created_at", "updated_at", "paid_at", "cancelled_at"]}),
    ]
    inlines = [LineInline, PaymentInline, FulfillmentInline, RefundInline, EventInline]
    actions = ["mark_paid", "mark_processing", "fulfil", "mark_delivered", "cancel", "refund"]

    def has_add_permission(self, request):
        return False  # phone and manual orders: POST /orders/ (lines, address and payment in one request)

    def has_delete_permission(self, request, obj=None):
        return False  # orders are business records: cancel instead

    @admin.action(description="Mark paid (manual payment of pending orders)", permissions=["change"])
    def mark_paid(self, request, queryset):
        self._each(request, queryset, "marked paid",
                   lambda order, actor: services.order_pay(order_id=order.pk, actor=actor))

    @admin.action(description="Mark processing", permissions=["change"])
    def mark_processing(self, request, queryset):
        self._each(request, queryset, "moved to processing", lambda order, actor: services.order_status_update(
            order_id=order.pk, status=Order.Status.PROCESSING, actor=actor))

    @admin.action(description="Mark delivered", permissions=["change"])
    def mark_delivered(self, request, queryset):
        self._each(request, queryset, "marked delivered", lambda order, actor: services.order_status_update(
            order_id=order.pk, status=Order.Status.DELIVERED, actor=actor))

    @admin.action(description="Fulfil everything left, with tracking (ships the order)", permissions=["change"])
    def fulfil(self, request, queryset):
        return self._with_form(request, queryset, "fulfil", FulfilForm, "Fulfil", "Ship every unfulfilled line of "
                               "these orders as one parcel each.", "fulfilled",
                               lambda order, actor, data: services.order_fulfill(order_id=order.pk, actor=actor,
                                                                                 **data))

    @admin.action(description="Cancel (restock and refund what was paid)", permissions=["change"])
    def cancel(self, request, queryset):
        return self._with_form(request, queryset, "cancel", CancelForm, "Cancel orders", "Cancelling puts the "
                               "units back in stock, refunds what was paid and emails the customer.", "cancelled",
                               lambda order, actor, data: services.order_cancel(order_id=order.pk, actor=actor,
                                                                                **data))

    @admin.action(description="Refund", permissions=["change"])
    def refund(self, request, queryset):
        def run(order, actor, data):
            amount = data["amount"] or order.refundable_amount
            return services.order_refund(order_id=order.pk, actor=actor, amount=amount, reason=data["reason"])

        return self._with_form(request, queryset, "refund", RefundForm, "Refund", "Refund an amount on each "
                               "order (never more than what is left of its payment).", "refunded", run)

    def _with_form(self, request, queryset, action, form_class, submit_label, explanation, done, run):
        form = form_class(request.POST if request.POST.get("apply") == "yes" else None)
        if form.is_bound and form.is_valid():
            self._each(request, queryset, done, lambda order, actor: run(order, actor, form.cleaned_data))
            return None
        context = {**self.admin_site.each_context(request), "title": submit_label, "orders": queryset,
                   "form": form, "action": action, "submit_label": submit_label, "explanation": explanation,
                   "opts": self.model._meta, "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME}
        return TemplateResponse(request, "admin/orders/order/action_form.html", context)

    def _each(self, request, queryset, done: str, run) -> None:
        actor, succeeded = actor_of(request), []
        for order in queryset:
            try:
                run(order, actor)
                succeeded.append(order.number)
            except DomainError as exc:
                self.message_user(request, f"{order.number}: {exc.message}", messages.ERROR)
        if succeeded:
            self.message_user(request, f"{len(succeeded)} order(s) {done}: {', '.join(succeeded)}.", messages.SUCCESS)
