from rest_framework import serializers

from moodmnky.api.schema import NamedChoiceField
from moodmnky.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from moodmnky.webhooks.services import SUBSCRIBABLE_EVENT_TYPES

EVENT_CHOICES = [*SUBSCRIBABLE_EVENT_TYPES, "*"]


class WebhookSubscriptionSerializer(serializers.ModelSerializer):
    """A subscription; the secret is only ever shown in the answer to its creation."""

    class Meta:
        model = WebhookSubscription
        fields = ["id", "url", "events", "description", "is_active", "failure_count", "disabled_reason",
                  "disabled_at", "created_at", "updated_at"]
        read_only_fields = fields

    events = serializers.ListField(child=serializers.CharField(), read_only=True)


class WebhookSubscriptionCreatedSerializer(WebhookSubscriptionSerializer):
    class Meta(WebhookSubscriptionSerializer.Meta):
        fields = [*WebhookSubscriptionSerializer.Meta.fields, "secret"]
        read_only_fields = fields

    secret = serializers.CharField(read_only=True, help_text="`whsec_…`: keep it; it is never shown again.")


class WebhookWriteSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    events = serializers.ListField(
        child=NamedChoiceField(enum_name="WebhookEventTypeEnum", choices=EVENT_CHOICES), allow_empty=False,
        help_text='Event types to receive, or ["*"] for all of them.')
    is_active = serializers.BooleanField(required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)


class WebhookAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookAttempt
        fields = ["number", "status_code", "duration_ms", "response_excerpt", "error", "created_at"]
        read_only_fields = fields


class WebhookDeliverySerializer(serializers.ModelSerializer):
    event_id = serializers.CharField(read_only=True)
    event_type = serializers.CharField(source="event.type", read_only=True)
    attempts = WebhookAttemptSerializer(many=True, read_only=True)
    status = NamedChoiceField(enum_name="WebhookDeliveryStatusEnum", choices=WebhookDelivery.Status.choices,
                              read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = ["id", "event_id", "event_type", "subscription_id", "status", "attempt_count", "attempts",
                  "next_attempt_at", "created_at", "updated_at"]
        read_only_fields = fields
