"""Webhook endpoints (admin, webhooks:manage): subscriptions, their deliveries, redeliver, ping."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from moodmnky.actors import actor_of
from moodmnky.api.permissions import IsAdminWithScope
from moodmnky.webhooks import selectors, services
from moodmnky.webhooks.api import serializers as s
from moodmnky.webhooks.models import WebhookDelivery


class DeliveryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=WebhookDelivery.Status.choices)
    event_type = django_filters.CharFilter(field_name="event__type")

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event_type"]


@extend_schema_view(
    list=extend_schema(summary="List webhook subscriptions"),
    retrieve=extend_schema(summary="A webhook subscription"),
)
class WebhookViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Webhook subscriptions; the secret is returned once, in the 201 of the creation."""

    permission_classes = [IsAdminWithScope]
    required_scope = "webhooks:manage"
    serializer_class = s.WebhookSubscriptionSerializer
    filterset_class = None  # the deliveries action sets DeliveryFilter
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if self.action == "deliveries":
            return selectors.delivery_list()
        return selectors.subscription_list()

    def get_serializer_class(self):
        if self.action == "deliveries":
            return s.WebhookDeliverySerializer
        return s.WebhookSubscriptionSerializer

    @extend_schema(request=s.WebhookWriteSerializer, responses={201: s.WebhookSubscriptionCreatedSerializer})
    def create(self, request):
        data = s.WebhookWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subscription = services.subscription_create(**data.validated_data)
        return Response(s.WebhookSubscriptionCreatedSerializer(subscription).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.WebhookWriteSerializer, responses={200: s.WebhookSubscriptionSerializer})
    def partial_update(self, request, pk=None):
        subscription = self.get_object()
        data = s.WebhookWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.subscription_update(subscription=subscription, **data.validated_data)
        return Response(self.get_serializer(subscription).data)

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        services.subscription_delete(subscription=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Deliveries of a subscription, newest first, with their attempts",
                   responses={200: s.WebhookDeliverySerializer(many=True)})
    @action(detail=True, methods=["get"], filterset_class=DeliveryFilter)
    def deliveries(self, request, pk=None):
        subscription = get_object_or_404(selectors.subscription_list(), pk=pk)
        deliveries = self.filter_queryset(selectors.delivery_list(subscription_id=subscription.pk))
        page = self.paginate_queryset(deliveries)
        return self.get_paginated_response(s.WebhookDeliverySerializer(page, many=True).data)

    @extend_schema(summary="Send webhook.ping to this subscription", request=None,
                   responses={200: s.WebhookDeliverySerializer, 409: None})
    @action(detail=True, methods=["post"])
    def ping(self, request, pk=None):
        delivery = services.subscription_ping(subscription=self.get_object(), actor=actor_of(request))
        return Response(s.WebhookDeliverySerializer(selectors.delivery_list().get(pk=delivery.pk)).data)


class WebhookDeliveryViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One delivery with its attempts, and redelivery."""

    permission_classes = [IsAdminWithScope]
    required_scope = "webhooks:manage"
    serializer_class = s.WebhookDeliverySerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.delivery_list()

    @extend_schema(summary="Redeliver now (a fresh round of attempts)", request=None,
                   responses={200: s.WebhookDeliverySerializer, 409: None})
    @action(detail=True, methods=["post"])
    def redeliver(self, request, pk=None):
        delivery = services.delivery_redeliver(delivery=self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=delivery.pk)).data)
