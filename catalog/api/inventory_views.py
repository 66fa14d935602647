"""Inventory endpoints (inventory:read / inventory:write): stock levels, adjustments, bulk, the ledger."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from catalog import selectors, services
from catalog.api import serializers as s
from catalog.api.filters import InventoryFilter, MovementFilter
from catalog.api.views import validate_items
from moodmnky.actors import actor_of
from moodmnky.api.permissions import IsAdminWithScope


class InventoryListView(generics.ListAPIView):
    """Stock per variant."""

    permission_classes = [IsAdminWithScope]
    required_scope = "inventory:read"
    serializer_class = s.InventoryItemSerializer
    filterset_class = InventoryFilter

    def get_queryset(self):
        return selectors.inventory_list()


class StockMovementListView(generics.ListAPIView):
    """The inventory ledger, newest first."""

    permission_classes = [IsAdminWithScope]
    required_scope = "inventory:read"
    serializer_class = s.StockMovementSerializer
    filterset_class = MovementFilter

    def get_queryset(self):
        return selectors.stock_movement_list()


class StockAdjustmentView(generics.GenericAPIView):
    permission_classes = [IsAdminWithScope]
    required_scope = "inventory:write"
    serializer_class = s.StockAdjustmentSerializer
    filterset_class = None

    @extend_schema(responses={201: s.StockMovementSerializer},
                   summary="Adjust a variant's stock (answers the movement)")
    def post(self, request):
        serializer = s.StockAdjustmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        movement = services.stock_adjust(actor=actor_of(request), **serializer.validated_data)
        return Response(s.StockMovementSerializer(movement).data, status=status.HTTP_201_CREATED)


class InventoryBulkView(generics.GenericAPIView):
    permission_classes = [IsAdminWithScope]
    required_scope = "inventory:write"
    serializer_class = s.InventoryBulkSerializer
    filterset_class = None

    @extend_schema(responses={200: s.BulkResponseSerializer}, summary="Set or adjust up to 500 SKUs")
    def post(self, request):
        envelope = s.InventoryBulkSerializer(data=request.data)
        envelope.is_valid(raise_exception=True)
        good, bad = validate_items(envelope.validated_data["items"], s.InventoryBulkItemSerializer)
        raw_items = envelope.validated_data["items"]
        skus = {index: raw_items[index].get("sku") for index in bad if isinstance(raw_items[index], dict)}
        results = services.inventory_bulk(items=good, invalid=bad, actor=actor_of(request),
                                          invalid_skus={i: sku for i, sku in skus.items() if isinstance(sku, str)},
                                          error_policy=envelope.validated_data["error_policy"])
        return Response({"results": results})
