"""Catalog writes. Other apps call stock_move / stock_take_many for every stock change."""

from catalog.services.bulk import inventory_bulk, products_bulk_create
from catalog.services.products import (
    catalog_changed,
    media_add,
    media_delete,
    media_remove,
    media_save,
    product_admin_saved,
    product_archive,
    product_create,
    product_payload,
    product_refresh_denormalized,
    product_save,
    product_update,
    taxonomy_delete,
    taxonomy_save,
    variant_create,
    variant_delete,
    variant_save,
    variant_update,
)
from catalog.services.stock import (
    ADJUSTMENT_REASONS,
    REASONS,
    inventory_payload,
    stock_adjust,
    stock_move,
    stock_set,
    stock_take_many,
)

__all__ = [
    "ADJUSTMENT_REASONS", "REASONS", "catalog_changed", "inventory_bulk", "inventory_payload", "media_add",
    "media_delete", "media_remove", "media_save", "product_admin_saved", "product_archive", "product_create",
    "product_payload", "product_refresh_denormalized", "product_save", "product_update",
    "products_bulk_create", "stock_adjust", "stock_move", "stock_set", "stock_take_many", "taxonomy_delete",
    "taxonomy_save", "variant_create", "variant_delete", "variant_save", "variant_update",
]
