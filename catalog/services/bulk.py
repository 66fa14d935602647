"""Bulk writes with the contract's two error policies (DESIGN.md "Inventory bulk")."""

from collections.abc import Callable

from django.db import transaction

from catalog import cache as catalog_cache
from catalog.models import Variant
from catalog.services.locks import catalog_rows_lock
from catalog.services.products import product_create
from catalog.services.stock import stock_adjust, stock_set
from moodmnky.actors import Actor
from moodmnky.errors import DomainError, ValidationFailedError

REJECT_EVERYTHING = "reject_everything"
REJECT_FAILED_ROWS = "reject_failed_rows"


@transaction.atomic
def inventory_bulk(*, actor: Actor, items: list[tuple[int, dict]], error_policy: str = REJECT_EVERYTHING,
                   invalid: dict[int, list[dict]] | None = None, invalid_skus: dict[int, str] | None = None,
                   reference: str = "") -> list[dict]:
    """Set or adjust stock by SKU for many variants.

    `items` are (index, validated item) pairs; `invalid` maps indexes that failed input validation to
    their errors. reject_everything: any bad item raises a 400 naming `items.<i>.<field>` and nothing
    is written. reject_failed_rows: good rows are written, bad ones reported. Variants are changed in
    ascending id order (stable for repeated SKUs), so concurrent bulk calls cannot deadlock.
    """
    variants = {v.sku: v.pk for v in Variant.objects.filter(sku__in=[item["sku"] for _, item in items])}
    results: dict[int, dict] = {
        index: _error_row(index, (invalid_skus or {}).get(index), errors) for index, errors in (invalid or {}).items()
    }
    for index, item in items:
        if item["sku"] not in variants:
            results[index] = _error_row(index, item["sku"], [{"field": "sku", "message": "No variant with this SKU."}])
    # Under reject_everything the good rows are still applied (then rolled back) so that the answer
    # reports every bad item at once, including those that fail only against current stock.
    todo = sorted((item for item in items if item[0] not in results), key=lambda pair: variants[pair[1]["sku"]])
    # Every row's variant, then their products, locked first in the lock order: a row that flips a variant's
    # in_stock locks its product, and a later row must not then wait for a variant a sale holds.
    catalog_rows_lock(variant_ids=[variants[item["sku"]] for _, item in todo])
    with catalog_cache.invalidations_collected():  # lists are forgotten once per request, not per row
        for index, item in todo:
            results[index] = _stock_row(index, item, variant_id=variants[item["sku"]], reference=reference,
                                        actor=actor)
    if error_policy == REJECT_EVERYTHING and any(row["status"] == "error" for row in results.values()):
        _reject(results)  # rolls back the rows already applied
    return [results[index] for index in sorted(results)]


@transaction.atomic
def product_bulk_create(*, actor: Actor, items: list[tuple[int, dict]], error_policy: str = REJECT_EVERYTHING,
                         invalid: dict[int, list[dict]] | None = None) -> list[dict]:
    """Create up to 100 products (with variants), same two policies as inventory_bulk."""
    results: dict[int, dict] = {
        index: {"index": index, "status": "error", "id": None, "slug": None, "errors": errors}
        for index, errors in (invalid or {}).items()
    }
    with catalog_cache.invalidations_collected():
        for index, item in items:
            results[index] = _product_row(index, item, actor=actor)
    if error_policy == REJECT_EVERYTHING and any(row["status"] == "error" for row in results.values()):
        _reject(results)
    return [results[index] for index in sorted(results)]


def _product_row(index: int, item: dict, *, actor: Actor) -> dict:
    created = {}

    def apply():
        created["product"] = product_create(actor=actor, **item)

    row = _run_row(index, apply, field=None)
    product = created.get("product") if row["status"] == "ok" else None
    return {"index": index, "status": row["status"], "id": product.pk if product else None,
            "slug": product.slug if product else None, "errors": row["errors"]}


def _stock_row(index: int, item: dict, *, variant_id: int, reference: str, actor: Actor) -> dict:
    after: dict[str, int] = {}

    def apply():
        note, reason = item.get("note", ""), item.get("reason", "adjustment")
        if "set" in item:
            movement = stock_set(actor=actor, variant_id=variant_id, quantity=item["set"], reason=reason,
                                 note=note, reference=reference)
            after["quantity"] = item["set"] if movement is None else movement.quantity_after
        else:
            movement = stock_adjust(actor=actor, variant_id=variant_id, delta=item["adjust"], reason=reason,
                                    note=note, reference=reference)
            after["quantity"] = movement.quantity_after

    row = _run_row(index, apply, field="set" if "set" in item else "adjust", sku=item["sku"])
    if row["status"] == "ok":
        row["quantity"] = after["quantity"]
    return row


def _run_row(index: int, apply: Callable[[], None], *, field: str | None, sku: str | None = None) -> dict:
    """Apply one row in a savepoint: its failure undoes only its own writes."""
    row = {"index": index, "status": "ok", "errors": []}
    if sku is not None:
        row.update(sku=sku, quantity=None)
    try:
        with transaction.atomic():
            apply()
    except DomainError as exc:
        row["status"] = "error"
        row["errors"] = _errors_of(exc, default_field=field)
    return row


def _errors_of(exc: DomainError, *, default_field: str | None) -> list[dict]:
    errors = list(exc.details.get("errors", []))
    if exc.field or not errors:
        field = exc.field or default_field
        if field == "delta":  # stock_adjust names its own argument; the bulk item calls it `adjust`
            field = default_field
        errors.insert(0, {"field": field, "message": exc.message})
    return errors


def _error_row(index: int, sku: str | None, errors: list[dict]) -> dict:
    return {"index": index, "sku": sku, "status": "error", "quantity": None, "errors": errors}


def _reject(results: dict[int, dict]) -> None:
    details = [
        {"field": f"items.{index}.{error['field']}" if error.get("field") else f"items.{index}",
         "message": error["message"]}
        for index in sorted(results) for error in results[index]["errors"]
    ]
    raise ValidationFailedError("Some items are invalid; nothing was changed.", errors=details)
