"""Catalog reads, each with the select/prefetch shape its callers need."""

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from moodmnky.lookups import by_id_or_slug, first_by_id_or_slug


def variant_available(variant: Variant) -> int | None:
    """Units that can be sold now; None means unlimited (untracked, or backorder allowed)."""
    if not variant.track_inventory or variant.allow_backorder:
        return None
    return max(variant.quantity, 0)


def product_queryset(*, admin: bool) -> QuerySet[Product]:
    """Products with everything the Product shape shows, in a fixed number of queries.

    One query for the products (category joined), then one each for variants, media and
    collections, whatever the page size. Price filters and sorting use `Product.min_price`.
    """
    products = Product.objects.select_related("category").prefetch_related(*product_prefetches())
    return products if admin else products.active()


def product_prefetches() -> list[Prefetch]:
    """The relations the Product shape shows, in display order (services load them once per write)."""
    return [
        Prefetch("variants", queryset=Variant.objects.order_by("position", "id")),
        Prefetch("media", queryset=ProductMedia.objects.order_by("position", "id")),
        Prefetch("collections", queryset=Collection.objects.order_by("position", "name")),
    ]


def product_get(*, lookup: str | int, admin: bool) -> Product | None:
    """A product by id (digits) or slug; None when missing or hidden from this caller."""
    products = product_queryset(admin=admin)
    return first_by_id_or_slug(products, lookup)


def product_id_of(lookup: str, *, admin: bool = True) -> int | None:
    """The id of the product with this id (digits) or slug, without loading the row's other columns."""
    products = Product.objects.all() if admin else Product.objects.active()
    return by_id_or_slug(products, lookup).values_list("pk", flat=True).first()


def category_and_descendant_ids(slug: str) -> list[int]:
    """The category with this slug and every category below it (one query; the tree is small)."""
    rows = list(Category.objects.values_list("id", "parent_id", "slug"))
    return _subtree([pk for pk, _parent, cat_slug in rows if cat_slug == slug], rows)


def category_subtree_ids(category_id: int) -> list[int]:
    """This category and every category below it."""
    return _subtree([category_id], list(Category.objects.values_list("id", "parent_id", "slug")))


def _subtree(roots: list[int], rows: list[tuple[int, int | None, str]]) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for pk, parent, _slug in rows:
        children.setdefault(parent, []).append(pk)
    found, stack = [], list(roots)
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.append(pk)
        stack.extend(children.get(pk, []))
    return found


def product_filter_in_stock(products: QuerySet[Product], in_stock: bool) -> QuerySet[Product]:
    return products.in_stock() if in_stock else products.out_of_stock()


def product_filter_tag(products: QuerySet[Product], tag: str) -> QuerySet[Product]:
    tag = tag.strip().lower()
    if connection.vendor == "postgresql":
        return products.filter(tags__contains=[tag])
    # SQLite has no JSON containment operator; JSON1's json_each does the same membership test.
    return products.filter(
        pk__in=RawSQL(
            "SELECT p.id FROM catalog_product p, json_each(p.tags) t WHERE t.value = %s", (tag,)
        )
    )


def product_filter_search(products: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Search name, description, tags, notes and SKUs.

    PostgreSQL: full-text search (websearch syntax, English stemming) ranked by relevance; SKUs are
    part of the searched text, so a whole SKU matches too. Elsewhere: every word must appear
    (case-insensitively) in that text.
    """
    text = text.strip()
    if not text:
        return products
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

        # The stored column of migration 0005 (PostgreSQL keeps it equal to to_tsvector('english',
        # search_text)), GIN-indexed: the match is an index lookup, ranking reads the stored vectors.
        column = f'"{Product._meta.db_table}"."search_vector"'  # a fixed column name, no input
        vector = RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611
        query = SearchQuery(text, search_type="websearch", config="english")
        return products.alias(search_vector=vector).filter(search_vector=query).annotate(
            search_rank=SearchRank(vector, query))
    condition = Q()
    for word in text.split()[:10]:
        condition &= Q(search_text__icontains=word)
    return products.filter(condition)


def category_list() -> QuerySet[Category]:
    return Category.objects.select_related("parent").order_by("position", "name", "id")


def collection_list() -> QuerySet[Collection]:
    return Collection.objects.order_by("position", "name", "id")


def variant_list_for_product(*, product: Product) -> QuerySet[Variant]:
    return product.variants.order_by("position", "id")


def inventory_list() -> QuerySet[Variant]:
    return Variant.objects.select_related("product").order_by("id")


def variant_list_low_stock() -> QuerySet[Variant]:
    """Tracked variants at or below their low-stock threshold, lowest stock first."""
    return (
        Variant.objects.filter(Variant.low_stock_q())
        .exclude(product__status=Product.Status.ARCHIVED)
        .select_related("product")
        .order_by("quantity", "sku")
    )


def stock_movement_list() -> QuerySet[StockMovement]:
    return StockMovement.objects.order_by("-created_at", "-id")
