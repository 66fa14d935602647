"""Test-only endpoints that exercise the platform layer (mounted by tests/platform/urls.py)."""

import time

from django.db import OperationalError
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from moodmnky.api.idempotency import idempotent
from moodmnky.api.permissions import IsAdminWithScope, IsCustomer
from moodmnky.errors import PaymentDeclinedError
from moodmnky.webhooks.models import Event
from moodmnky.webhooks.services import record_event


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "type", "created_at"]


class EventListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = EventSerializer
    queryset = Event.objects.order_by("created_at", "id")


class AddressSerializer(serializers.Serializer):
    postal_code = serializers.CharField()
    country = serializers.CharField(max_length=2)


class LineSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=1)


class NestedSerializer(serializers.Serializer):
    email = serializers.EmailField()
    shipping_address = AddressSerializer()
    items = LineSerializer(many=True)


class ValidateView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        data = NestedSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(data.validated_data)


class BoomView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        if request.query_params.get("database") == "lost":
            raise OperationalError("terminating connection due to administrator command")
        raise RuntimeError("secret internals that must not leak")


class CheckoutView(APIView):
    permission_classes = [AllowAny]

    @idempotent(caller=lambda request, **kwargs: f"cart:{kwargs['cart']}")
    def post(self, request, cart):
        outcome = request.data.get("outcome", "ok")
        if outcome == "invalid":
            raise serializers.ValidationError({"amount": ["Bad amount."]})
        if outcome == "decline":
            raise PaymentDeclinedError()
        if outcome == "crash":
            raise RuntimeError("gateway exploded")
        if outcome == "database-lost":
            raise OperationalError("terminating connection due to administrator command")
        if outcome == "slow":
            time.sleep(0.6)  # holds the key long enough for a concurrent duplicate to arrive
        event = record_event("webhook.ping", {"cart": cart, "amount": request.data.get("amount")})
        return Response({"event_id": event.id, "amount": request.data.get("amount")}, status=status.HTTP_201_CREATED)


class AdminOnlyView(APIView):
    permission_classes = [IsAdminWithScope]
    required_scopes = {"GET": "orders:read", "POST": "orders:write"}

    def get(self, request):
        return Response({"ok": True})

    def post(self, request):
        return Response({"ok": True})


class CustomerOnlyView(APIView):
    permission_classes = [IsCustomer]

    def get(self, request):
        return Response({"email": request.user.email, "sid": request.auth.get("sid")})
