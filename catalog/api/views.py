"""Catalog endpoints: products (with variants, media, bulk), variants, media, categories, collections."""

from dataclasses import replace

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from catalog import cache as catalog_cache
from catalog import selectors, services
from catalog.api import serializers as s
from catalog.api.filters import ProductFilter
from catalog.events import product_payload_absolute
from catalog.models import Product, ProductMedia, Variant
from moodmnky.actors import actor_of
from moodmnky.api.exceptions import flatten_errors
from moodmnky.api.http_cache import cache_first, cached_response, query_lists
from moodmnky.api.permissions import ReadAnyoneWriteAdmin, admin_can
from moodmnky.api.schema import ErrorSerializer
from moodmnky.cache import Count
from moodmnky.lookups import first_by_id_or_slug, is_id


def representation_of(request) -> str:
    """`admin` for an API key with products:read or a staff user; `public` for everyone else."""
    return "admin" if admin_can(request, "products:read") else "public"


def product_id_or_404(lookup: str) -> int:
    product_id = selectors.product_id_of(lookup)
    if product_id is None:
        raise Http404
    return product_id


def get_by_id_or_slug(queryset, lookup: str):
    obj = first_by_id_or_slug(queryset, lookup)
    if obj is None:
        raise Http404
    return obj


def _once_per_request(request, what: tuple, read):
    """`read()`, made once per request: a cache-first miss hands its read to the view it falls back to, whose
    tokens, read before the product, are the ones to stamp on what it stores."""
    reads = getattr(request, "_request", request).__dict__.setdefault("_catalog_reads", {})
    if what not in reads:
        reads[what] = read()
    return reads[what]


def product_list_read(request, representation: str, count: Count | None = None):
    return _once_per_request(request, ("list", representation), lambda: catalog_cache.list_read(
        representation, request.build_absolute_uri("/"), query_lists(request), count=count))


def product_read(request, pk: str, representation: str, count: Count | None = None):
    """(product id, cached read) of a product by id or slug; a stale slug pointer's entry is dropped (not served)."""
    return _once_per_request(request, ("detail", pk, representation),
                             lambda: _product_read(request, pk, representation, count))


def _product_read(request, pk: str, representation: str, count: Count | None):
    # The tokens are read before the product, so a change committed meanwhile invalidates what we store.
    product_id, read = catalog_cache.product_read(pk, representation, request.build_absolute_uri("/"), count=count)
    if read.entry is not None and not is_id(pk) and read.entry.subject != pk:
        read = replace(read, key=None, entry=None)  # a stale slug pointer: read the product, store nothing
    return product_id, read


def public_list_read(request, *, count: Count | None):
    """A shopper's list page as the cache holds it (the fast path of ProductViewSet.as_view)."""
    return product_list_read(request, "public", count)


def public_detail_read(request, pk: str, *, count: Count | None):
    """A shopper's product as the cache holds it (the fast path of ProductViewSet.as_view)."""
    return product_read(request, pk, "public", count)[1]


NOT_MODIFIED = OpenApiResponse(description="Not modified: the If-None-Match ETag is current (empty body).")


def validate_items(raw_items: list, serializer_class) -> tuple[list[tuple[int, dict]], dict[int, list[dict]]]:
    """Validate bulk items one by one: (index, data) for good ones, index -> errors for bad ones."""
    good, bad = [], {}
    for index, raw in enumerate(raw_items):
        serializer = serializer_class(data=raw)
        if serializer.is_valid():
            good.append((index, dict(serializer.validated_data)))
        else:
            bad[index] = flatten_errors(serializer.errors)
    return good, bad


@extend_schema_view(
    list=extend_schema(summary="List products",
                       responses={200: s.ProductSerializer(many=True), 304: NOT_MODIFIED}),
    retrieve=extend_schema(summary="A product by id or slug", responses={200: s.ProductSerializer, 304: NOT_MODIFIED}),
    create=extend_schema(request=s.ProductCreateSerializer, responses={201: s.AdminProductSerializer}),
    partial_update=extend_schema(request=s.ProductUpdateSerializer, responses=s.AdminProductSerializer),
    destroy=extend_schema(summary="Archive a product (status becomes archived)", responses={204: None}),
)
class ProductViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Anyone browses active products; admins (products:read) also see drafts, archived and stock."""

    permission_classes = [ReadAnyoneWriteAdmin]
    required_scopes = {"write": "products:write"}
    filterset_class = ProductFilter
    serializer_class = s.ProductSerializer
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        """List and retrieve answer a plain anonymous GET from the cache first (http_cache.cache_first)."""
        view = super().as_view(actions, **initkwargs)
        read = {"list": public_list_read, "retrieve": public_detail_read}.get((actions or {}).get("get"))
        return view if read is None else cache_first(view, read)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Product.objects.none()
        return selectors.product_queryset(admin=representation_of(self.request) == "admin")

    def get_serializer_class(self):
        if representation_of(self.request) == "admin":
            return s.AdminProductSerializer
        return s.ProductSerializer

    def list(self, request, *args, **kwargs):
        representation = representation_of(request)
        read = product_list_read(request, representation)

        def build():
            page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
            return self.get_paginated_response(self.get_serializer(page, many=True).data).data

        return cached_response(request, self, read, build, representation=representation,
                               public=representation == "public")

    def retrieve(self, request, pk=None, *args, **kwargs):
        representation = representation_of(request)
        product_id, read = product_read(request, pk, representation)
        found = []

        def build():
            product = selectors.product_get(lookup=pk, admin=representation == "admin")
            if product is None:
                raise Http404
            catalog_cache.remember_slug(product.slug, product.pk)
            found.append(product)
            return self.get_serializer(product).data

        def subject():  # stored only under the product's own key (a stale slug pointer may name another)
            return found[0].slug if found[0].pk == product_id else None

        return cached_response(request, self, read, build, representation=representation,
                               public=representation == "public", subject=subject)

    def create(self, request, *args, **kwargs):
        serializer = s.ProductCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = services.product_create(actor=actor_of(request), **serializer.validated_data)
        return Response(self._admin_data(product), status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None, *args, **kwargs):
        product_id = product_id_or_404(pk)
        serializer = s.ProductUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = services.product_update(actor=actor_of(request), product_id=product_id, **serializer.validated_data)
        return Response(self._admin_data(product))

    def destroy(self, request, pk=None, *args, **kwargs):
        services.product_archive(actor=actor_of(request), product_id=product_id_or_404(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(methods=["GET"], summary="Variants of a product", responses=s.VariantSerializer(many=True))
    @extend_schema(methods=["POST"], summary="Add a variant", request=s.VariantCreateSerializer,
                   responses={201: s.AdminVariantSerializer})
    @action(detail=True, methods=["get", "post"], filterset_class=None)
    def variants(self, request, pk=None):
        admin = representation_of(request) == "admin"
        if request.method == "POST":
            product_id = product_id_or_404(pk)
            serializer = s.VariantCreateSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            variant = services.variant_create(actor=actor_of(request), product_id=product_id,
                                              **serializer.validated_data)
            return Response(s.AdminVariantSerializer(variant).data, status=status.HTTP_201_CREATED)
        product = get_by_id_or_slug(Product.objects.all() if admin else Product.objects.active(), pk)
        page = self.paginate_queryset(selectors.variant_list_for_product(product=product))
        output = s.AdminVariantSerializer if admin else s.VariantSerializer
        return self.get_paginated_response(output(page, many=True).data)

    @extend_schema(request={"multipart/form-data": s.MediaUploadSerializer},
                   responses={201: s.MediaSerializer}, summary="Upload an image (multipart)")
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser], filterset_class=None)
    def media(self, request, pk=None):
        product_id = product_id_or_404(pk)
        serializer = s.MediaUploadSerializer(data=request.data)
        if not serializer.is_valid():
            raise ValidationError(serializer.errors)
        media = services.media_add(actor=actor_of(request), product_id=product_id, **serializer.validated_data)
        return Response(s.MediaSerializer(media, context={"request": request}).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ProductBulkSerializer, responses={200: s.BulkResponseSerializer},
                   summary="Create up to 100 products")
    @action(detail=False, methods=["post"], filterset_class=None)
    def bulk(self, request):
        envelope = s.ProductBulkSerializer(data=request.data)
        envelope.is_valid(raise_exception=True)
        good, bad = validate_items(envelope.validated_data["items"], s.ProductCreateSerializer)
        results = services.product_bulk_create(items=good, invalid=bad, actor=actor_of(request),
                                                error_policy=envelope.validated_data["error_policy"])
        return Response({"results": results})

    def _admin_data(self, product: Product) -> dict:
        """The admin body of a product a service just wrote: the payload of its webhook event, with absolute
        media URLs (else built from its relations, already loaded)."""
        if product.event_payload is not None:
            return product_payload_absolute(product.event_payload, self.request.build_absolute_uri)
        return s.AdminProductSerializer(product, context={"request": self.request}).data


@extend_schema_view(
    retrieve=extend_schema(responses=s.VariantSerializer),
    partial_update=extend_schema(request=s.VariantUpdateSerializer, responses=s.AdminVariantSerializer),
    destroy=extend_schema(responses={204: None, 409: ErrorSerializer}),
)
class VariantViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [ReadAnyoneWriteAdmin]
    required_scopes = {"write": "products:write"}
    serializer_class = s.VariantSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_queryset(self):
        variants = Variant.objects.select_related("product")
        if getattr(self, "swagger_fake_view", False) or admin_can(self.request, "products:read"):
            return variants
        return variants.filter(product__status=Product.Status.ACTIVE)

    def get_serializer_class(self):
        return s.AdminVariantSerializer if admin_can(self.request, "products:read") else s.VariantSerializer

    def partial_update(self, request, *args, **kwargs):
        serializer = s.VariantUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        variant = services.variant_update(actor=actor_of(request), variant_id=self.get_object().pk,
                                          **serializer.validated_data)
        return Response(s.AdminVariantSerializer(variant).data)

    def destroy(self, request, *args, **kwargs):
        services.variant_delete(actor=actor_of(request), variant_id=self.get_object().pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(destroy=extend_schema(responses={204: None}))
class MediaViewSet(viewsets.GenericViewSet):
    permission_classes = [ReadAnyoneWriteAdmin]
    required_scopes = {"write": "products:write"}
    serializer_class = s.MediaSerializer
    queryset = ProductMedia.objects.select_related("product")

    def destroy(self, request, *args, **kwargs):
        services.media_delete(actor=actor_of(request), media_id=self.get_object().pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CategoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The category tree, flat (`parent_id` links children to parents); by id or slug."""

    permission_classes = [AllowAny]
    serializer_class = s.CategorySerializer
    lookup_value_regex = "[^/]+"
    filterset_class = None

    def get_queryset(self):
        return selectors.category_list()

    def get_object(self):
        return get_by_id_or_slug(self.get_queryset(), self.kwargs["pk"])


class CollectionViewSet(CategoryViewSet):
    serializer_class = s.CollectionSerializer

    def get_queryset(self):
        return selectors.collection_list()

