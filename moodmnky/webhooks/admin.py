"""Back office for webhooks: subscriptions with their recent deliveries, and the delivery log."""

import json
from datetime import UTC, datetime

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyAdminMixin, ReadOnlyInline
from moodmnky.errors import DomainError
from moodmnky.webhooks import services, targets
from moodmnky.webhooks.errors import UnsafeWebhookUrlError
from moodmnky.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription

RECENT_DELIVERIES = 10
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class WebhookSubscriptionForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=[("*", "* (every event)"), *[(t, t) for t in services.SUBSCRIBABLE_EVENT_TYPES]],
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = WebhookSubscription
        fields = ["url", "events", "description", "is_active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url != self.initial.get("url"):
            try:
                targets.target_address(url)  # the same SSRF guard as the API
            except UnsafeWebhookUrlError as exc:
                raise forms.ValidationError(str(exc)) from None
        return url


class HealthFilter(admin.SimpleListFilter):
    """The health column as a filter; "needs attention" (failing or disabled) is the admin home's link."""

    title = "health"
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [("attention", "Needs attention"), ("failing", "Failing"), ("disabled", "Disabled")]

    def queryset(self, request, queryset):
        wanted = {"attention": WebhookSubscription.failing_q() | WebhookSubscription.disabled_q(),
                  "failing": WebhookSubscription.failing_q(), "disabled": WebhookSubscription.disabled_q()}
        return queryset.filter(wanted[self.value()]) if self.value() in wanted else queryset


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    """Subscriptions: the secret is shown once, on creation; saving goes through the webhook services."""

    form = WebhookSubscriptionForm
    list_display = ["url", "event_list", "is_active", "health", "failure_count", "created_at"]
    list_filter = [HealthFilter, "is_active"]
    search_fields = ["url", "description"]
    readonly_fields = ["health", "failure_count", "disabled_reason", "disabled_at", "created_at", "updated_at",
                       "recent_deliveries"]
    actions = ["send_ping", "resend_failed"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["url", "events", "description", "is_active"]
        return ["url", "events", "description", "is_active", "health", "failure_count", "disabled_reason",
                "disabled_at", "created_at", "updated_at", "recent_deliveries"]

    @admin.display(description="events")
    def event_list(self, obj):
        return ", ".join(obj.events)

    @admin.display(description="health")
    def health(self, obj):
        if not obj.is_active and obj.disabled_reason:
            return format_html('<strong style="color:#ba2121">⚠ Disabled: {}</strong>', obj.disabled_reason)
        if not obj.is_active:
            return "off"
        if obj.failure_count:
            return format_html('<strong style="color:#b8860b">⚠ Failing: {} failed deliveries in a row</strong>',
                               obj.failure_count)
        return "ok"

    @admin.display(description="recent deliveries")
    def recent_deliveries(self, obj):
        deliveries = obj.deliveries.select_related("event").order_by("-created_at", "-id")[:RECENT_DELIVERIES]
        if not deliveries:
            return "none yet"
        rows = format_html_join(
            "", '<tr><td><a href="{}">#{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            ((reverse("admin:webhooks_webhookdelivery_change", args=[d.pk]), d.pk, d.event.type, d.status,
              d.attempt_count, f"{d.created_at:%Y-%m-%d %H:%M:%S}") for d in deliveries))
        return format_html("<table><tr><th>delivery</th><th>event</th><th>status</th><th>attempts</th>"
                           "<th>created</th></tr>{}</table>", rows)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        subscription = self.get_object(request, object_id)
        if subscription is not None and request.method == "GET":
            if not subscription.is_active and subscription.disabled_reason:
                self.message_user(request, f"This subscription is disabled: {subscription.disabled_reason} "
                                  "Fix the endpoint, then tick “Is active” to turn it back on.", messages.WARNING)
            elif subscription.failure_count:
                self.message_user(request, f"This endpoint is failing: {subscription.failure_count} deliveries in a "
                                  "row failed after every retry.", messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in form.changed_data if name in form.Meta.fields}
        try:
            if change:  # the form already copied its values onto obj: the service compares with the stored row
                stored = WebhookSubscription.objects.get(pk=obj.pk)
                services.subscription_update(subscription=stored, **data)
                return
            created = services.subscription_create(url=form.cleaned_data["url"], events=form.cleaned_data["events"],
                                                   description=form.cleaned_data["description"],
                                                   is_active=form.cleaned_data["is_active"])
        except DomainError as exc:  # a race with DNS: the form checked, the service refused
            self.message_user(request, str(exc), messages.ERROR)
            return
        obj.pk, obj.secret = created.pk, created.secret
        self.message_user(request, format_html(
            "Signing secret (copy it now, it is shown only once): <code id='new-webhook-secret'>{}</code>",
            created.secret), messages.WARNING)

    def save_related(self, request, form, formsets, change):
        pass  # no related rows are edited here

    def delete_model(self, request, obj):
        services.subscription_delete(subscription=obj)

    def delete_queryset(self, request, queryset):
        for subscription in queryset:
            services.subscription_delete(subscription=subscription)

    @admin.action(description="Send a ping (webhook.ping)", permissions=["change"])
    def send_ping(self, request, queryset):
        sent = 0
        for subscription in queryset.filter(is_active=True):
            services.subscription_ping(subscription=subscription, actor=actor_of(request))
            sent += 1
        self.message_user(request, f"Queued a ping to {sent} subscription(s); inactive ones were skipped.")

    @admin.action(description="Resend every failed delivery", permissions=["change"])
    def resend_failed(self, request, queryset):
        total = 0
        for subscription in queryset.filter(is_active=True):
            total += len(services.deliveries_redeliver_failed(since=EPOCH, subscription_id=subscription.pk))
        self.message_user(request, f"Resending {total} failed delivery(ies); inactive subscriptions were skipped.")


class WebhookAttemptInline(ReadOnlyInline):
    model = WebhookAttempt
    fields = ["number", "created_at", "status_code", "duration_ms", "error", "response_excerpt", "request_headers"]
    readonly_fields = fields
    ordering = ["created_at", "id"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The delivery log: every attempt with its answer; redelivery through the webhook services."""

    list_display = ["id", "event_type", "subscription", "status", "attempt_count", "next_attempt_at", "created_at"]
    list_filter = ["status", "event__type"]
    list_select_related = ["event", "subscription"]
    search_fields = ["event__id", "subscription__url"]
    fields = ["event_link", "event_type", "subscription", "status", "attempt_count", "in_flight", "next_attempt_at",
              "created_at", "updated_at", "payload"]
    readonly_fields = fields
    inlines = [WebhookAttemptInline]
    actions = ["redeliver", "resend_failed"]
    date_hierarchy = "created_at"

    @admin.display(description="event type", ordering="event__type")
    def event_type(self, obj):
        return obj.event.type

    @admin.display(description="event")
    def event_link(self, obj):
        return obj.event_id

    @admin.display(description="payload")
    def payload(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.event.payload(), indent=2))

    @admin.action(description="Redeliver selected deliveries now", permissions=["redeliver"])
    def redeliver(self, request, queryset):
        done, refused = 0, []
        for delivery in queryset:
            try:
                services.delivery_redeliver(delivery=delivery)
                done += 1
            except DomainError as exc:
                refused.append(f"#{delivery.pk}: {exc}")
        self.message_user(request, f"Redelivering {done} delivery(ies).")
        if refused:
            self.message_user(request, "Not redelivered: " + " ".join(refused), messages.WARNING)

    @admin.action(description="Resend the failed ones among the selected", permissions=["redeliver"])
    def resend_failed(self, request, queryset):
        self.redeliver(request, queryset.filter(status=WebhookDelivery.Status.FAILED,
                                                subscription__is_active=True))

    def has_redeliver_permission(self, request):
        return request.user.has_perm("webhooks.change_webhooksubscription")
