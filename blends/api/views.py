"""/custom-blends/ (notes, families, bases, a customer's blends and recommendations) and the scent profile."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from blends import selectors, services
from blends.analysis import estimated_performance
from blends.api import serializers as s
from blends.api.filters import BlendFilter, NoteFilter
from blends.models import Blend
from blends.recommendations import recommend
from customers.models import Customer
from moodmnky.actors import actor_of
from moodmnky.api.permissions import (
    IsCustomer,
    admin_can,
    check_admin_scope,
    customer_of,
    is_admin,
    method_not_allowed,
    required_scope,
)
from moodmnky.errors import ValidationFailedError
from moodmnky.lookups import first_by_id_or_slug


class IsCustomerOrAdminWithScope(BasePermission):
    """A signed-in customer (their own blends), or an admin holding the view's scope (every blend)."""

    openapi_security = [{"jwtAuth": []}, {"ApiKeyAuth": []}]  # what the OpenAPI schema documents

    def has_permission(self, request, view):
        if method_not_allowed(request, view):
            return True
        if is_admin(request):
            check_admin_scope(request, required_scope(view, request))
            return True
        if not request.user or not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        return True


def get_by_id_or_slug(queryset, lookup: str):
    obj = first_by_id_or_slug(queryset, lookup)
    if obj is None:
        raise Http404
    return obj


class CatalogReadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Anyone reads; by id or slug."""

    permission_classes = [AllowAny]
    lookup_value_regex = "[^/]+"

    def get_object(self):
        return get_by_id_or_slug(self.filter_queryset(self.get_queryset()), self.kwargs["pk"])


class NoteViewSet(CatalogReadViewSet):
    """Blendable fragrance oils; admins (blends:read) also see inactive notes, cost and stock."""

    filterset_class = NoteFilter
    serializer_class = s.NoteSerializer

    def get_queryset(self):
        notes = selectors.note_queryset()
        return notes if self._admin() else notes.filter(is_active=True)

    def get_serializer_class(self):
        return s.AdminNoteSerializer if self._admin() else s.NoteSerializer

    def _admin(self) -> bool:
        return not getattr(self, "swagger_fake_view", False) and admin_can(self.request, "blends:read")


class FragranceCategoryViewSet(CatalogReadViewSet):
    """The fragrance wheel's 14 families, in wheel order."""

    serializer_class = s.FragranceCategorySerializer
    filterset_class = None

    def get_queryset(self):
        return selectors.category_list()


class ProductBaseViewSet(CatalogReadViewSet):
    """What a blend can become (active bases)."""

    serializer_class = s.ProductBaseSerializer
    filterset_class = None

    def get_queryset(self):
        return selectors.product_base_list()


@extend_schema_view(
    list=extend_schema(summary="The caller's blends (admins: every blend)"),
    retrieve=extend_schema(summary="A blend with its analysis"),
    create=extend_schema(request=s.BlendWriteSerializer, responses={201: s.BlendSerializer},
                         summary="Create a blend (admins also send customer_id)"),
    partial_update=extend_schema(request=s.BlendWriteSerializer, responses=s.BlendSerializer,
                                 summary="Change a blend; a new composition becomes a new version"),
    destroy=extend_schema(responses={204: None}),
)
class BlendViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A customer's own blends (anyone else: 404); admins with blends:read/write see and manage all."""

    permission_classes = [IsCustomerOrAdminWithScope]
    required_scopes = {"read": "blends:read", "write": "blends:write", "test_product": "blends:read",
                       "formulate": "blends:read"}
    serializer_class = s.BlendSerializer
    filterset_class = BlendFilter
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        blends = selectors.blend_queryset()
        if getattr(self, "swagger_fake_view", False) or is_admin(self.request):
            return blends
        return blends.filter(customer=customer_of(self.request))

    def get_serializer_class(self):
        admin = not getattr(self, "swagger_fake_view", False) and is_admin(self.request)
        return s.AdminBlendSerializer if admin else s.BlendSerializer

    def get_object(self) -> Blend:
        return selectors.blend_get(blend_id=self.kwargs["pk"], customer=customer_of(self.request),
                                   any_customer=is_admin(self.request))

    def get_serializer(self, instance=None, *args, **kwargs):
        blends = instance if isinstance(instance, list) else [instance] if instance is not None else []
        bases = selectors.active_bases() if blends else []
        analyses = {blend.pk: selectors.blend_analysis(blend, bases=bases) for blend in blends}
        kwargs["context"] = {**self.get_serializer_context(), "analyses": analyses}
        return self.get_serializer_class()(instance, *args, **kwargs)

    def create(self, request):
        admin = is_admin(request)
        data = (s.AdminBlendCreateSerializer if admin else s.BlendWriteSerializer)(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        customer = customer_of(request)
        if admin:
            customer = Customer.objects.filter(pk=values.pop("customer_id")).first()
            if customer is None:
                raise ValidationFailedError("No customer with this id.", field="customer_id")
        blend = services.blend_create(customer=customer, actor=actor_of(request), **values)
        return Response(self.get_serializer(blend).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        blend = self.get_object()
        data = s.BlendWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        blend = services.blend_update(blend=blend, actor=actor_of(request), **data.validated_data)
        return Response(self.get_serializer(blend).data)

    def destroy(self, request, pk=None):
        services.blend_delete(blend=self.get_object(), actor=actor_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=s.ProductBaseInputSerializer, responses=s.TestProductSerializer,
                   summary="Is this blend safe for a product base, and how will it perform?")
    @action(detail=True, methods=["post"], url_path="test-product")
    def test_product(self, request, pk=None):
        blend = self.get_object()
        data = s.ProductBaseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        base = selectors.product_base_get(product_base_id=data.validated_data["product_base_id"])
        analysis = selectors.blend_analysis(blend, bases=[base])
        result, parts = analysis.ifra[0], selectors.blend_parts(blend)
        body = {
            "product_base_id": base.pk, "product_base_slug": base.slug, "ifra_category": base.ifra_category,
            "compliant": result.compliant, "violations": result.violations, "warnings": analysis.warnings,
            "fragrance_load": base.fragrance_load, "max_compliant_load": result.max_compliant_load,
            "estimated_performance": estimated_performance(parts, base),
        }
        return Response(s.TestProductSerializer(body).data)

    @extend_schema(request=s.FormulateInputSerializer, responses=s.FormulationSerializer,
                   summary="Grams of each note and of the carrier for a quantity of a base, cost and price")
    @action(detail=True, methods=["post"])
    def formulate(self, request, pk=None):
        blend = self.get_object()
        data = s.FormulateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        base = selectors.product_base_get(product_base_id=data.validated_data["product_base_id"])
        formulation = services.blend_formulate(blend=blend, product_base=base,
                                               quantity=data.validated_data["quantity"])
        return Response(s.FormulationSerializer(formulation).data)

    @extend_schema(request=None, responses=s.BlendSerializer, summary="Ask staff to review this blend")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        blend = services.blend_submit(blend=self.get_object(), actor=actor_of(request))
        return Response(self.get_serializer(blend).data)

    @extend_schema(
        parameters=[OpenApiParameter("mood", str, description="Notes and blends with this mood."),
                    OpenApiParameter("occasion", str, description="Blends for this occasion."),
                    OpenApiParameter("category", str, description="Notes of this family (slug)."),
                    OpenApiParameter("product_type", str, description="Starter blends compliant for this "
                                                                          "product type (default candle)."),
                    OpenApiParameter("limit", int, description="Notes to return (1–50, default 10).")],
        responses=s.RecommendationsSerializer, summary="Notes and starter blends for the caller's scent profile",
        description="For a signed-in customer (staff included); API keys are refused with 403 `permission_denied`.")
    @action(detail=False, methods=["get"], permission_classes=[IsCustomer], filterset_class=None)
    def recommendations(self, request):
        query = s.RecommendationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        profile = selectors.scent_profile_of(request.user)
        result = recommend(profile=profile, **query.validated_data)
        return Response(s.RecommendationsSerializer(result).data)


class ScentProfileView(APIView):
    """The signed-in customer's scent profile (GET answers the defaults until it is first saved)."""

    permission_classes = [IsCustomer]
    serializer_class = s.ScentProfileSerializer

    @extend_schema(responses=s.ScentProfileSerializer, summary="The caller's scent profile")
    def get(self, request):
        return Response(s.ScentProfileSerializer(selectors.scent_profile_of(request.user)).data)

    @extend_schema(request=s.ScentProfileWriteSerializer, responses=s.ScentProfileSerializer,
                   summary="Replace the scent profile (fields not sent go back to their defaults)")
    def put(self, request):
        return self._write(request, replace=True)

    @extend_schema(request=s.ScentProfileWriteSerializer, responses=s.ScentProfileSerializer,
                   summary="Change some fields of the scent profile")
    def patch(self, request):
        return self._write(request, replace=False)

    def _write(self, request, *, replace: bool) -> Response:
        data = s.ScentProfileWriteSerializer(data=request.data, partial=not replace)
        data.is_valid(raise_exception=True)
        profile = services.scent_profile_update(customer=request.user, actor=actor_of(request), replace=replace,
                                                **data.validated_data)
        return Response(s.ScentProfileSerializer(profile).data)
