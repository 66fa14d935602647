"""The catalog's one lock order (docs/catalog.md "Lock order"): variant rows in ascending id, then product
rows in ascending id — the order in which a sale takes them (stock_take_many, stock_move) — then media rows.

A transaction may skip a class but never goes back to an earlier one: a writer that will touch several
variants or products locks all of them here first, so the locks its later steps take are ones it holds.
"""

from collections.abc import Iterable

from django.db.models import Q

from catalog.models import Product, Variant


def catalog_rows_lock(*, product_ids: Iterable[int] = (), variant_ids: Iterable[int] = ()) -> None:
    """Lock, inside the caller's transaction, every variant of `product_ids` and the `variant_ids` (one
    statement, ascending id), then those products and the variants' products (one statement, ascending id).
    Rows that do not exist are skipped."""
    product_ids, variant_ids = set(product_ids), set(variant_ids)
    if not product_ids and not variant_ids:
        return
    rows = (Variant.objects.select_for_update().filter(Q(pk__in=variant_ids) | Q(product_id__in=product_ids))
            .order_by("pk").values_list("product_id", flat=True))
    products_lock(product_ids | set(rows))


def products_lock(product_ids) -> list[int]:
    """Lock these product rows (ids, or a queryset of ids) in ascending id, in a statement of their own, inside the
    caller's transaction; the ids locked (rows that do not exist are skipped)."""
    return list(Product.objects.select_for_update().filter(pk__in=product_ids).order_by("pk")
                .values_list("pk", flat=True))
