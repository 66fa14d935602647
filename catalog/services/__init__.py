"""Catalog writes. Other apps call stock_move / stock_take_many for every stock change."""

from catalog.services.bulk import inventory_bulk, product_bulk_create
from catalog.services.common import UNSET
from catalog.services.locks import catalog_rows_lock
from catalog.services.products import (
    media_add,
    media_delete,
    media_update,
    product_archive,
    product_changes_batched,
    product_create,
    product_refresh_denormalized,
    product_search_text,
    product_update,
    variant_create,
    variant_delete,
    variant_update,
)
from catalog.services.stock import (
    ADJUSTMENT_REASONS,
    REASONS,
    stock_adjust,
    stock_move,
    stock_set,
    stock_take_many,
)
from catalog.services.taxonomy import (
    category_create,
    category_delete,
    category_update,
    collection_create,
    collection_delete,
    collection_update,
)

__all__ = [
    "ADJUSTMENT_REASONS", "REASONS", "UNSET", "catalog_rows_lock", "category_create", "category_delete",
    "category_update", "collection_create", "collection_delete", "collection_update", "inventory_bulk", "media_add",
    "media_delete", "media_update", "product_archive", "product_changes_batched", "product_create",
    "product_refresh_denormalized", "product_search_text", "product_update", "product_bulk_create", "stock_adjust",
    "stock_move", "stock_set", "stock_take_many", "variant_create", "variant_delete", "variant_update",
]
