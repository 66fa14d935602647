"""Query filters and sorting of the product list (DESIGN.md §5 products row)."""

import django_filters
from django.db import connection
from django.db.models import F

from catalog import selectors
from catalog.models import Product, StockMovement, Variant
from moodmnky.api.filters import IdFilter, UTCDateTimeFilter

SORT_FIELDS = {"price": "min_price", "name": "name", "created_at": "created_at"}
ORDERING_CHOICES = [(f"{sign}{name}", f"{sign}{name}") for name in SORT_FIELDS for sign in ("", "-")]
BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


class ProductFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(method="filter_category",
                                         help_text="Category slug; products of its subcategories match too.")
    collection = django_filters.CharFilter(field_name="collections__slug", help_text="Collection slug.")
    product_type = django_filters.ChoiceFilter(choices=Product.ProductType.choices)
    tag = django_filters.CharFilter(method="filter_tag", help_text="Products carrying this tag.")
    search = django_filters.CharFilter(method="filter_search",
                                       help_text="Words in the name, description, tags or notes, or a SKU.")
    price_min = django_filters.NumberFilter(field_name="min_price", lookup_expr="gte",
                                            help_text="Lowest variant price at least this (inclusive).")
    price_max = django_filters.NumberFilter(field_name="min_price", lookup_expr="lte",
                                            help_text="Lowest variant price at most this (inclusive).")
    # `field_name` names no model field on purpose: the parameter stays the string enum "true"/"false" of the
    # contract (drf-spectacular would type it from the boolean `Product.in_stock` column, a boolean with string enum).
    in_stock = django_filters.ChoiceFilter(choices=BOOLEAN_CHOICES, method="filter_in_stock",
                                           field_name="in_stock_choice",
                                           help_text="true: some variant can be bought now; false: none can.")
    status = django_filters.ChoiceFilter(choices=Product.Status.choices,
                                         help_text="Admin callers only see other statuses than active.")
    sort = django_filters.ChoiceFilter(choices=[(name, name) for name in SORT_FIELDS], method="keep",
                                       help_text="Sort key; `price` is the lowest variant price.")
    order = django_filters.ChoiceFilter(choices=[("asc", "asc"), ("desc", "desc")], method="keep",
                                        help_text="Direction for `sort` (default asc; desc for created_at).")
    ordering = django_filters.ChoiceFilter(choices=ORDERING_CHOICES, method="keep",
                                           help_text="DRF style, e.g. `-price`; wins over sort/order.")

    class Meta:
        model = Product
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_category(self, queryset, name, value):
        return queryset.filter(category_id__in=selectors.category_and_descendant_ids(value))

    def filter_tag(self, queryset, name, value):
        return selectors.product_filter_tag(queryset, value)

    def filter_search(self, queryset, name, value):
        return selectors.product_filter_search(queryset, value)

    def filter_in_stock(self, queryset, name, value):
        return selectors.product_filter_in_stock(queryset, value == "true")

    def filter_queryset(self, queryset):
        return self._ordered(super().filter_queryset(queryset))

    def _ordered(self, queryset):
        data = self.form.cleaned_data
        ordering, sort, order = data.get("ordering"), data.get("sort"), data.get("order")
        if ordering:
            key, descending = ordering.lstrip("-"), ordering.startswith("-")
        elif sort or order:
            key = sort or "created_at"
            descending = order == "desc" if order else key == "created_at"
        elif data.get("search") and connection.vendor == "postgresql":
            return queryset.order_by("-search_rank", "-created_at", "-id")
        else:
            return queryset.order_by("-created_at", "-id")
        column = F(SORT_FIELDS[key])
        if key == "price":  # the only nullable key (a product without variants): last either way
            column = column.desc(nulls_last=True) if descending else column.asc(nulls_last=True)
        else:  # plain ASC/DESC, so that one index serves both directions (forwards and backwards)
            column = column.desc() if descending else column.asc()
        return queryset.order_by(column, "-id" if descending else "id")


class InventoryFilter(django_filters.FilterSet):
    sku = django_filters.CharFilter(field_name="sku", lookup_expr="iexact")
    product_id = IdFilter(field_name="product_id")
    low_stock = django_filters.ChoiceFilter(choices=BOOLEAN_CHOICES, method="filter_low_stock",
                                            help_text="true: tracked variants at or below their threshold.")

    class Meta:
        model = Variant
        fields = []

    def filter_low_stock(self, queryset, name, value):
        return queryset.filter(Variant.low_stock_q()) if value == "true" else queryset.exclude(Variant.low_stock_q())


class MovementFilter(django_filters.FilterSet):
    variant_id = IdFilter(field_name="variant_id")
    sku = django_filters.CharFilter(field_name="sku", lookup_expr="iexact")
    reason = django_filters.ChoiceFilter(choices=StockMovement.Reason.choices)
    reference = django_filters.CharFilter(field_name="reference")
    created_after = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = StockMovement
        fields = []
