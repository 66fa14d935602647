"""/customers/...: the signed-in customer's profile, addresses, loyalty and data; the admin customer list."""

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from customers import selectors, services
from customers.api import serializers as s
from customers.api.filters import CustomerFilter
from customers.models import Address, Customer
from moodmnky.actors import actor_of
from moodmnky.api.permissions import IsAdminWithScope, IsCustomer, StaffAccountsBySuperuserOnly


class ProfileView(GenericAPIView):
    permission_classes = [IsCustomer]
    serializer_class = s.CustomerSerializer

    @extend_schema(summary="The signed-in customer's profile")
    def get(self, request):
        return Response(s.CustomerSerializer(request.user).data)

    @extend_schema(request=s.ProfileUpdateSerializer, summary="Change profile and preferences",
                   description="Changing `email` needs `current_password` (400 naming it when missing or wrong).")
    def patch(self, request):
        data = s.ProfileUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        customer = services.customer_profile_update(customer=request.user, actor=actor_of(request),
                                                    **data.to_service_kwargs())
        return Response(s.CustomerSerializer(customer).data)

    @extend_schema(request=s.AccountDeleteSerializer, responses={204: None},
                   summary="Delete the account: anonymise personal data, end every session (orders are kept)",
                   description='JSON body `{"password": "<current password>"}` (OpenAPI 3.0 cannot describe a '
                               "DELETE body). A missing or wrong password is a 400 naming `password`. Afterwards "
                               "the email is `deleted-<id>@invalid`, names, phone, birthday and saved addresses "
                               "are gone, the login is closed and every token is refused.")
    def delete(self, request):
        data = s.AccountDeleteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.customer_delete_account(customer=request.user, **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeView(GenericAPIView):
    permission_classes = [IsCustomer]
    serializer_class = s.PasswordChangeSerializer

    @extend_schema(responses={204: None}, summary="Change the password; every other session ends")
    def post(self, request):
        data = s.PasswordChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session_id = request.auth.get("sid", "") if request.auth is not None else ""
        services.customer_change_password(customer=request.user, session_id=session_id or "",
                                          **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportView(GenericAPIView):
    permission_classes = [IsCustomer]
    serializer_class = s.ExportSerializer

    @extend_schema(summary="Everything the platform holds about the customer, as JSON")
    def get(self, request):
        return Response(s.ExportSerializer(selectors.customer_export(request.user)).data)


class LoyaltyView(GenericAPIView):
    permission_classes = [IsCustomer]
    serializer_class = s.LoyaltySerializer

    @extend_schema(summary="Points balance, tier, next tier and the latest ledger rows")
    def get(self, request):
        return Response(s.LoyaltySerializer(selectors.loyalty_summary(request.user)).data)


class AddressViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                     mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """The signed-in customer's saved addresses; another customer's address is 404."""

    permission_classes = [IsCustomer]
    serializer_class = s.AddressSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Address]:
        if getattr(self, "swagger_fake_view", False):
            return Address.objects.none()
        return selectors.address_list_for_customer(self.request.user)

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        address = services.address_create(customer=request.user, actor=actor_of(request), **data.validated_data)
        return Response(self.get_serializer(address).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        data = self.get_serializer(self.get_object(), data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        address = services.address_update(address=data.instance, actor=actor_of(request), **data.validated_data)
        return Response(self.get_serializer(address).data)

    def destroy(self, request, *args, **kwargs):
        services.address_delete(address=self.get_object(), actor=actor_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CustomerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                      viewsets.GenericViewSet):
    """Admin: every customer with order count and total spent (annotated in the list query)."""

    permission_classes = [IsAdminWithScope, StaffAccountsBySuperuserOnly]
    required_scopes = {"read": "customers:read", "write": "customers:write"}
    serializer_class = s.AdminCustomerSerializer
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = CustomerFilter
    ordering_fields = ["date_joined", "email", "last_name", "lifetime_points", "order_count", "total_spent"]
    ordering = ["-date_joined", "-id"]
    http_method_names = ["get", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Customer]:
        return selectors.customer_admin_queryset()

    @extend_schema(request=s.AdminCustomerUpdateSerializer, summary="Staff: change names, phone, birthday or "
                   "is_active (deactivating ends every session)")
    def partial_update(self, request, *args, **kwargs):
        data = s.AdminCustomerUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        customer = services.customer_admin_update(customer=self.get_object(), actor=actor_of(request),
                                                  **data.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=customer.pk)).data)
