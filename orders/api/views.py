"""/orders/ (customers: their own; admins: all), /carts/{id}/checkout/ and /customers/orders/."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from carts.selectors import cart_get
from moodmnky.actors import actor_of
from moodmnky.api.idempotency import idempotent
from moodmnky.api.pagination import OrderPagination
from moodmnky.api.permissions import (
    IsCustomer,
    check_admin_scope,
    customer_of,
    is_admin,
    method_not_allowed,
    required_scope,
)
from moodmnky.api.schema import ErrorSerializer
from orders import selectors, services
from orders.api import serializers as s
from orders.api.filters import OrderFilter
from orders.models import Order

UUID_RE = r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
CUSTOMER_ACTIONS = {"list", "retrieve", "cancel", "events"}
ERRORS_409 = {409: ErrorSerializer}


class IsCustomerOrAdminWithScope(BasePermission):
    """Admins (API key with the scope, or staff) for every action; signed-in customers for CUSTOMER_ACTIONS
    on their own orders (the queryset makes another customer's order a 404)."""

    openapi_security = [{"jwtAuth": []}, {"ApiKeyAuth": []}]  # what the OpenAPI schema documents

    def has_permission(self, request, view):
        if method_not_allowed(request, view):
            return True
        if is_admin(request):
            check_admin_scope(request, required_scope(view, request))
            return True
        if not request.user or not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if view.action not in CUSTOMER_ACTIONS:
            raise exceptions.PermissionDenied("This endpoint is for admins.")
        return True


class OrderViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Orders: a customer sees their own; admins (`orders:read` / `orders:write`) see and change every order."""

    serializer_class = s.OrderSerializer
    permission_classes = [IsCustomerOrAdminWithScope]
    required_scopes = {"read": "orders:read", "write": "orders:write"}
    pagination_class = OrderPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = OrderFilter
    lookup_value_regex = UUID_RE

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Order.objects.none()
        return selectors.order_list(customer=None if is_admin(self.request) else self.request.user)

    def respond(self, order: Order, http_status=status.HTTP_200_OK) -> Response:
        return Response(s.OrderSerializer(order).data, status=http_status)

    @extend_schema(request=s.AdminOrderCreateSerializer, responses={201: s.OrderSerializer, 402: ErrorSerializer,
                   502: ErrorSerializer, 422: ErrorSerializer, **ERRORS_409},
                   summary="Admin: create a phone or manual order (pending / unpaid without payment)")
    @idempotent()
    def create(self, request):
        data = s.AdminOrderCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        order = services.order_admin_create(actor=actor_of(request), **data.validated_data)
        return self.respond(order, status.HTTP_201_CREATED)

    @extend_schema(request=s.CancelSerializer, responses={200: s.OrderSerializer, **ERRORS_409},
                   summary="Cancel (customer: their own, before it ships); restocks and refunds what was paid")
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        order = self.get_object()
        data = s.CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self.respond(services.order_cancel(order_id=order.pk, actor=actor_of(request), **data.validated_data))

    @extend_schema(request=s.PaySerializer, responses={200: s.OrderSerializer, **ERRORS_409},
                   summary="Admin: record a manual payment of a pending order (→ confirmed / paid)")
    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        order = self.get_object()
        s.PaySerializer(data=request.data).is_valid(raise_exception=True)
        return self.respond(services.order_pay(order_id=order.pk, actor=actor_of(request)))

    @extend_schema(request=s.StatusUpdateSerializer, responses={200: s.OrderSerializer, **ERRORS_409},
                   summary="Admin: change the status (shipping takes carrier and tracking)")
    @action(detail=True, methods=["patch"], url_path="status")
    def set_status(self, request, pk=None):
        order = self.get_object()
        data = s.StatusUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self.respond(services.order_status_update(order_id=order.pk, actor=actor_of(request),
                                                         **data.validated_data))

    @extend_schema(request=s.FulfillmentCreateSerializer, responses={201: s.OrderSerializer, **ERRORS_409},
                   summary="Admin: fulfil some or all lines (everything fulfilled ships the order)")
    @action(detail=True, methods=["post"])
    def fulfillments(self, request, pk=None):
        order = self.get_object()
        data = s.FulfillmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        order = services.order_fulfill(order_id=order.pk, actor=actor_of(request), **data.validated_data)
        return self.respond(order, status.HTTP_201_CREATED)

    @extend_schema(request=s.RefundCreateSerializer, responses={201: s.OrderSerializer, 502: ErrorSerializer},
                   summary="Admin: refund part or all of what was paid, optionally restocking lines")
    @action(detail=True, methods=["post"])
    def refunds(self, request, pk=None):
        order = self.get_object()
        data = s.RefundCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        order = services.order_refund(order_id=order.pk, actor=actor_of(request), **data.validated_data)
        return self.respond(order, status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.OrderEventSerializer(many=True)}, summary="The order's timeline")
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def events(self, request, pk=None):
        return Response(s.OrderEventSerializer(self.get_object().events.all(), many=True).data)


def _guest_scope(request, cart_id, **kwargs) -> str:
    return f"cart:{cart_id}"


class CheckoutView(APIView):
    """A guest cart is anyone's who knows its id; a customer's cart only theirs (404 for everyone else)."""

    permission_classes = [AllowAny]
    customer_aware = True  # the OpenAPI schema documents an optional Bearer token (a customer's own cart)
    serializer_class = s.CheckoutSerializer

    @extend_schema(request=s.CheckoutSerializer,
                   responses={201: s.OrderSerializer, 402: ErrorSerializer, 422: ErrorSerializer,
                              502: ErrorSerializer, **ERRORS_409},
                   summary="Check out: pay and turn the cart into a confirmed order",
                   description="Accepts `Idempotency-Key` (scoped to the customer, the API key, or for a guest "
                               "the cart). A decline is 402 `payment_declined` and a gateway failure 502 "
                               "`payment_error`; after either, nothing was charged, taken or counted.")
    @idempotent(guest=_guest_scope)
    def post(self, request, cart_id):
        customer = customer_of(request)
        cart = cart_get(cart_id=cart_id, customer=customer, loaded=False)
        data = s.CheckoutSerializer(data=request.data, context={"customer": customer})
        data.is_valid(raise_exception=True)
        order = services.order_checkout(cart_id=cart.pk, customer=customer, actor=actor_of(request),
                                        **data.validated_data)
        return Response(s.OrderSerializer(order).data, status=status.HTTP_201_CREATED)


class CustomerOrderListView(ListAPIView):
    """GET /customers/orders/: the signed-in customer's orders, newest first."""

    permission_classes = [IsCustomer]
    serializer_class = s.OrderSerializer
    pagination_class = OrderPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = OrderFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Order.objects.none()
        return selectors.order_list(customer=self.request.user)
