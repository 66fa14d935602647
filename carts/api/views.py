"""/carts/ (guests and customers) and /discounts/ (admin)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from carts import selectors, services
from carts.api import serializers as s
from carts.api.filters import DiscountFilter
from carts.errors import CartItemNotFoundError
from carts.models import Cart
from moodmnky.api.permissions import IsAdminWithScope, IsCustomer, customer_of
from moodmnky.api.schema import ErrorSerializer
from moodmnky.lookups import is_id

CART_409 = {409: ErrorSerializer}


class CartView(APIView):
    """Base: a guest cart is anyone's who knows its id; a customer's cart is 404 to everyone else."""

    permission_classes = [AllowAny]
    customer_aware = True  # the OpenAPI schema documents an optional Bearer token (a customer's own cart)
    serializer_class = s.CartSerializer

    def get_cart(self, cart_id, *, loaded: bool = False) -> Cart:
        """The caller's cart or 404; just the row unless `loaded` (lines and codes too)."""
        return selectors.cart_get(cart_id=cart_id, customer=customer_of(self.request), loaded=loaded)

    def cart_response(self, cart_id, http_status=status.HTTP_200_OK) -> Response:
        return self.priced_response(self.get_cart(cart_id, loaded=True), http_status)

    def priced_response(self, cart: Cart, http_status=status.HTTP_200_OK) -> Response:
        """The answer of a write from the loaded cart its service returned: priced once, not read again."""
        return Response(s.cart_data(selectors.cart_price(cart)), status=http_status)


class CartCreateView(CartView):
    @extend_schema(request=s.CartCreateSerializer, responses={201: s.CartSerializer},
                   summary="Create a cart (a signed-in customer gets their open cart back, also with 201)")
    def post(self, request):
        data = s.CartCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        # The contract answers 201 either way: a customer's existing open cart comes back instead of a second one.
        cart, _created = services.cart_create(customer=customer_of(request), **data.validated_data)
        return self.cart_response(cart.pk, status.HTTP_201_CREATED)


class CartDetailView(CartView):
    @extend_schema(responses={200: s.CartSerializer}, summary="A cart with today's prices and totals")
    def get(self, request, cart_id):
        return self.cart_response(cart_id)

    @extend_schema(request=s.CartUpdateSerializer, responses={200: s.CartSerializer, **CART_409},
                   summary="Change the cart's email, note or shipping method")
    def patch(self, request, cart_id):
        cart = self.get_cart(cart_id)
        data = s.CartUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.cart_update(cart=cart, **data.validated_data)
        return self.cart_response(cart.pk)


class CartItemsView(CartView):
    @extend_schema(request=s.CartItemCreateSerializer, responses={201: s.CartSerializer, **CART_409},
                   summary="Add a variant, or your blend made as a product base (the same again adds up)")
    def post(self, request, cart_id):
        cart = self.get_cart(cart_id)
        data = s.CartItemCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if "blend_id" in values:
            cart = services.cart_add_blend_item(cart=cart, blend_id=values["blend_id"],
                                                product_base_id=values["product_base_id"],
                                                quantity=values["quantity"], customer=customer_of(request))
        else:
            cart = services.cart_add_item(cart=cart, variant_id=values["variant_id"], quantity=values["quantity"])
        return self.priced_response(cart, status.HTTP_201_CREATED)


class CartItemDetailView(CartView):
    @extend_schema(request=s.CartItemUpdateSerializer, responses={200: s.CartSerializer, **CART_409},
                   summary="Set a line's quantity (0 removes it)")
    def patch(self, request, cart_id, item_id):
        cart = self.get_cart(cart_id)
        data = s.CartItemUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cart = services.cart_update_item(cart=cart, item_id=_item_pk(item_id),
                                         quantity=data.validated_data["quantity"])
        return self.priced_response(cart)

    @extend_schema(responses={200: s.CartSerializer, **CART_409}, summary="Remove a line")
    def delete(self, request, cart_id, item_id):
        cart = self.get_cart(cart_id)
        return self.priced_response(services.cart_remove_item(cart=cart, item_id=_item_pk(item_id)))


class CartDiscountsView(CartView):
    @extend_schema(request=s.DiscountApplySerializer, responses={200: s.CartSerializer, **CART_409},
                   summary="Apply a discount code")
    def post(self, request, cart_id):
        cart = self.get_cart(cart_id)
        data = s.DiscountApplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cart = services.cart_apply_discount(cart=cart, code=data.validated_data["code"],
                                            customer=customer_of(request))
        return self.priced_response(cart)


class CartDiscountDetailView(CartView):
    @extend_schema(responses={200: s.CartSerializer, **CART_409}, summary="Remove a discount code")
    def delete(self, request, cart_id, code):
        cart = self.get_cart(cart_id)
        services.cart_remove_discount(cart=cart, code=code)
        return self.cart_response(cart.pk)


class CartShippingEstimatesView(CartView):
    serializer_class = s.ShippingEstimatesSerializer

    @extend_schema(request=s.ShippingEstimateRequestSerializer, responses={200: s.ShippingEstimatesSerializer},
                   summary="Shipping cost and delivery window of every method for this cart")
    def post(self, request, cart_id):
        cart = self.get_cart(cart_id, loaded=True)
        s.ShippingEstimateRequestSerializer(data=request.data).is_valid(raise_exception=True)
        return Response(s.ShippingEstimatesSerializer(selectors.cart_shipping_estimates(cart)).data)


class CartMergeView(CartView):
    permission_classes = [IsCustomer]

    @extend_schema(request=None, responses={200: s.CartSerializer, **CART_409},
                   summary="Merge this guest cart into the signed-in customer's cart")
    def post(self, request, cart_id):
        guest_cart = self.get_cart(cart_id)
        cart = services.cart_merge(guest_cart=guest_cart, customer=request.user)
        return self.cart_response(cart.pk)


class DiscountViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Discount codes (admin)."""

    permission_classes = [IsAdminWithScope]
    required_scopes = {"read": "discounts:read", "write": "discounts:write"}
    serializer_class = s.DiscountSerializer
    filterset_class = DiscountFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return selectors.discount_list()

    @extend_schema(request=s.DiscountWriteSerializer, responses={201: s.DiscountSerializer})
    def create(self, request):
        data = s.DiscountWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        discount = services.discount_create(**data.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=discount.pk)).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=s.DiscountWriteSerializer, responses={200: s.DiscountSerializer})
    def partial_update(self, request, pk=None):
        discount = self.get_object()
        data = s.DiscountWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.discount_update(discount=discount, **data.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=discount.pk)).data)

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        services.discount_delete(discount=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def _item_pk(item_id: str) -> int:
    if not is_id(item_id):
        raise CartItemNotFoundError()
    return int(item_id)
