"""Back office for orders: the order's page is the fulfilment desk (orders/desk.py: pay, process, fulfil,
deliver, cancel and refund buttons, the timeline), with printable pick lists, packing slips and batch sheets;
every action goes through the same services as the API (so it writes the same events, webhooks and emails)."""

import uuid
from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyAdminMixin, ReadOnlyInline
from moodmnky.errors import DomainError
from orders import selectors, services
from orders.admin_dashboard import OrderQueueFilter  # also installs the dashboard on the admin home
from orders.desk import DESK, desk_buttons
from orders.models import Order, OrderEmail, OrderLine

PRINT_LIMIT = 200  # orders on one pick list or set of packing slips

MONEY_FIELDS = ["subtotal", "discount_total", "shipping_total", "tax_total", "total", "amount_paid",
                "amount_refunded", "currency"]


class LineInline(ReadOnlyInline):
    model = OrderLine
    fields = ["sku", "name", "quantity", "unit_price", "line_total", "discount_total", "quantity_fulfilled",
              "quantity_refunded", "quantity_restocked", "is_made_to_order", "blend"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("orders.view_order")  # the lines are part of the order

    @admin.display(description="custom blend")
    def blend(self, line):
        """The formula as bought (grams from the line's snapshot) and the batch sheet for this base and quantity."""
        snapshot = line.blend_snapshot
        if not snapshot:
            return "—"
        formulation = snapshot["formulation"]
        grams = format_html_join(", ", "{} {} g", ((c["name"], c["grams"]) for c in formulation["components"]))
        return format_html('Version {} · {} · <a href="{}" target="_blank">batch sheet</a>',
                           snapshot["version"], grams, batch_sheet_url(line))


def batch_sheet_url(line: OrderLine) -> str:
    """The batch sheet of the exact blend version a line bought, for its quantity."""
    snapshot = line.blend_snapshot
    url = reverse("admin:blends_blend_batch_sheet", args=[snapshot["blend_id"],
                                                          snapshot["formulation"]["product_base_id"]])
    return f"{url}?{urlencode({'version': snapshot['version'], 'quantity': line.quantity})}"


class BulkFulfilForm(forms.Form):
    carrier = forms.CharField(max_length=64, required=False)
    tracking_number = forms.CharField(max_length=128, required=False)
    tracking_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    notify_customer = forms.BooleanField(required=False, initial=True)


class BulkCancelForm(forms.Form):
    reason = forms.CharField(max_length=500, required=False)


class BulkRefundForm(forms.Form):
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
                       "fulfillment_status", *MONEY_FIELDS, "shipping_method", "ship_to", "bill_to",
                       "discount_codes", "note", "ready_by", "created_at", "updated_at", "paid_at", "cancelled_at"]
    fieldsets = [
        (None, {"fields": ["number", "customer", "email", "source", "cart", "note"]}),
        ("Status", {"fields": ["status", "payment_status", "fulfillment_status", "ready_by"]}),
        ("Money", {"fields": MONEY_FIELDS + ["discount_codes"]}),
        ("Shipping", {"fields": ["shipping_method", "ship_to", "bill_to"]}),
        ("Dates", {"fields": ["created_at", "updated_at", "paid_at", "cancelled_at"]}),
    ]
    inlines = [LineInline]
    actions = ["mark_paid", "mark_processing", "fulfil", "mark_delivered", "cancel", "refund", "print_pick_list",
               "print_packing_slips"]
    change_form_template = "admin/orders/order/change_form.html"

    @admin.display(description="shipping address")
    def ship_to(self, order):
        return render_to_string("admin/orders/order/_address.html", {"a": order.shipping_address})

    @admin.display(description="billing address")
    def bill_to(self, order):
        if not order.billing_address:
            return "Same as shipping"
        return render_to_string("admin/orders/order/_address.html", {"a": order.billing_address})

    def has_add_permission(self, request):
        return False  # phone and manual orders: POST /orders/ (lines, address and payment in one request)

    def has_delete_permission(self, request, obj=None):
        return False  # orders are business records: cancel instead

    # One permission per kind of work (Order.Meta.permissions), for the list actions and the desk alike.
    def has_pay_permission(self, request, obj=None):
        return request.user.has_perm("orders.pay_order")

    def has_fulfil_permission(self, request, obj=None):
        return request.user.has_perm("orders.fulfil_order")

    def has_cancel_permission(self, request, obj=None):
        return request.user.has_perm("orders.cancel_order")

    def has_refund_permission(self, request, obj=None):
        return request.user.has_perm("orders.refund_order")

    @admin.action(description="Mark paid (manual payment of pending orders)", permissions=["pay"])
    def mark_paid(self, request, queryset):
        self._each(request, queryset, "marked paid",
                   lambda order, actor: services.order_pay(order_id=order.pk, actor=actor))

    @admin.action(description="Mark processing", permissions=["fulfil"])
    def mark_processing(self, request, queryset):
        self._each(request, queryset, "moved to processing", lambda order, actor: services.order_status_update(
            order_id=order.pk, status=Order.Status.PROCESSING, actor=actor))

    @admin.action(description="Mark delivered", permissions=["fulfil"])
    def mark_delivered(self, request, queryset):
        self._each(request, queryset, "marked delivered", lambda order, actor: services.order_status_update(
            order_id=order.pk, status=Order.Status.DELIVERED, actor=actor))

    @admin.action(description="Fulfil everything left, with tracking (ships the order)", permissions=["fulfil"])
    def fulfil(self, request, queryset):
        return self._with_form(request, queryset, "fulfil", BulkFulfilForm, "Fulfil", "Ship every unfulfilled line of "
                               "these orders as one parcel each.", "fulfilled",
                               lambda order, actor, data: services.order_fulfill(order_id=order.pk, actor=actor,
                                                                                 **data))

    @admin.action(description="Cancel (restock and refund what was paid)", permissions=["cancel"])
    def cancel(self, request, queryset):
        return self._with_form(request, queryset, "cancel", BulkCancelForm, "Cancel orders", "Cancelling puts the "
                               "units back in stock, refunds what was paid and emails the customer.", "cancelled",
                               lambda order, actor, data: services.order_cancel(order_id=order.pk, actor=actor,
                                                                                **data))

    @admin.action(description="Refund", permissions=["refund"])
    def refund(self, request, queryset):
        def run(order, actor, data):
            amount = data["amount"] or order.refundable_amount
            return services.order_refund(order_id=order.pk, actor=actor, amount=amount, reason=data["reason"])

        return self._with_form(request, queryset, "refund", BulkRefundForm, "Refund", "Refund an amount on each "
                               "order (never more than what is left of its payment).", "refunded", run)

    @admin.action(description="Print pick list", permissions=["view"])
    def print_pick_list(self, request, queryset):
        return self._print_redirect("admin:orders_order_pick_list", queryset)

    @admin.action(description="Print packing slips", permissions=["view"])
    def print_packing_slips(self, request, queryset):
        return self._print_redirect("admin:orders_order_packing_slips", queryset)

    @staticmethod
    def _print_redirect(name: str, queryset):
        ids = [str(pk) for pk in queryset.values_list("pk", flat=True)[:PRINT_LIMIT]]
        return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'ids': ids}, doseq=True)}")

    # The order's page: the desk ---------------------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        """The order with everything its timeline shows (selectors.order_desk_get: a fixed number of queries)."""
        try:
            return selectors.order_desk_get(order_id=uuid.UUID(str(object_id)))
        except ValueError:
            return None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(desk_buttons=[(name, label, reverse("admin:orders_order_desk", args=[obj.pk, name]))
                                         for name, label in desk_buttons(obj, request.user)],
                           timeline=selectors.order_timeline(obj), print_links=self._print_links(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _print_links(order: Order) -> list[tuple[str, str]]:
        ids = urlencode({"ids": order.pk})
        links = [("Pick list", f"{reverse('admin:orders_order_pick_list')}?{ids}"),
                 ("Packing slip", f"{reverse('admin:orders_order_packing_slips')}?{ids}")]
        return links + [(f"Batch sheet: {line.sku} (v{line.blend_snapshot['version']})", batch_sheet_url(line))
                        for line in order.lines.all() if line.blend_snapshot]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/desk/<slug:action>/", view(self.desk_view), name="orders_order_desk"),
            path("print/pick-list/", view(self.pick_list_view), name="orders_order_pick_list"),
            path("print/packing-slips/", view(self.packing_slips_view), name="orders_order_packing_slips"),
        ] + super().get_urls()

    def desk_view(self, request, object_id, action):
        """One desk action's form on its own page (GET), run through its service (POST). 403 without
        orders.view_order and the action's permission; an action the order's state does not offer goes back
        to the order with a message, and so does (with the form) a refusal by the service."""
        desk = DESK.get(action)
        order = self.get_object(request, unquote(object_id)) if desk else None
        if order is None:
            raise Http404("No such order or action.")
        if not self.has_view_permission(request, order) or not request.user.has_perm(f"orders.{desk.permission}"):
            raise PermissionDenied
        change_url = reverse("admin:orders_order_change", args=[order.pk])
        if not desk.offered(order):
            self.message_user(request, f"{order.number} is {order.status} (payment {order.payment_status}, "
                                       f"fulfilment {order.fulfillment_status}): “{desk.label}” is not possible "
                                       f"now.", messages.ERROR)
            return HttpResponseRedirect(change_url)
        form = desk.form(order, request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                form.run(actor_of(request))
            except DomainError as exc:
                self.message_user(request, f"{order.number}: {exc}", messages.ERROR)
            else:
                self.message_user(request, f"{order.number} {desk.done}.", messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        context = {**self.admin_site.each_context(request), "title": f"{desk.label}: order {order.number}",
                   "order": order, "form": form, "desk": desk, "opts": self.model._meta, "original": order,
                   "change_url": change_url}
        return TemplateResponse(request, "admin/orders/order/desk_form.html", context)

    def _orders_to_print(self, request) -> list[Order]:
        if not self.has_view_permission(request):
            raise PermissionDenied
        ids = []
        for value in request.GET.getlist("ids")[:PRINT_LIMIT]:
            try:
                ids.append(uuid.UUID(value))
            except ValueError:
                continue  # a forged id is ignored
        orders = selectors.orders_for_print(order_ids=ids)
        if not orders:
            raise Http404("Choose orders in the list, then “Print pick list” or “Print packing slips”.")
        return orders

    def pick_list_view(self, request):
        """What to take off the shelves, one page per order; blend lines are made to order (batch sheet)."""
        orders = self._orders_to_print(request)
        pages = [(order, [(line, batch_sheet_url(line) if line.blend_snapshot else "") for line in order.lines.all()])
                 for order in orders]
        return self._sheet(request, "pick_list.html", "Pick list", pages)

    def packing_slips_view(self, request):
        """What goes in each parcel, one page per order, with the address."""
        orders = self._orders_to_print(request)
        return self._sheet(request, "packing_slips.html", "Packing slips",
                           [(order, list(order.lines.all())) for order in orders])

    def _sheet(self, request, template: str, title: str, pages) -> TemplateResponse:
        context = {**self.admin_site.each_context(request), "title": title, "pages": pages,
                   "opts": self.model._meta}
        return TemplateResponse(request, f"admin/orders/order/{template}", context)

    # Change-list actions ----------------------------------------------------------------------------------

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


@admin.register(OrderEmail)
class OrderEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The customer emails sent about orders (each also on its order's timeline)."""

    list_display = ["sent_at", "order", "kind", "to", "subject"]
    list_filter = ["kind", "sent_at"]
    list_select_related = ["order"]
    search_fields = ["order__number", "to", "subject"]
    readonly_fields = ["order", "kind", "to", "subject", "data", "sent_at"]
