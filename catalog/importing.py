"""Catalog import from CSV or JSON, an interface beside api/ and admin.py: rows are checked with the
API's input serializers and written by the services."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from catalog.api.serializers import ProductWriteSerializer, VariantCreateSerializer
from catalog.models import Category, Collection, Product, Variant
from catalog.services import (
    catalog_rows_lock,
    product_changes_batched,
    product_create,
    product_update,
    stock_set,
    variant_create,
    variant_update,
)
from moodmnky.actors import Actor
from moodmnky.api.exceptions import flatten_errors
from moodmnky.errors import DomainError

PRODUCT_COLUMNS = ["product_slug", "product_name", "description", "product_type", "status", "category",
                   "collections", "tags", "top_notes", "heart_notes", "base_notes"]
VARIANT_COLUMNS = ["sku", "variant_name", "price", "compare_at_price", "weight_grams", "quantity",
                   "track_inventory", "allow_backorder", "low_stock_threshold", "position"]
TRUE, FALSE = {"1", "true", "yes", "y"}, {"0", "false", "no", "n", ""}


@dataclass
class ProductGroup:
    """One product of the file with its variant rows; `row` is where its product fields were read."""

    row: int
    slug: str
    fields: dict
    variants: list[tuple[int, dict]] = field(default_factory=list)
    nested: bool = False  # JSON: variants live inside the product's row, so errors say variants.<i>.<field>
    bad: bool = False


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    products_created: int = 0
    products_updated: int = 0
    variants_created: int = 0
    variants_updated: int = 0
    stock_changes: int = 0
    rows_skipped: int = 0

    def error(self, row: int, path: str | None, message: str) -> None:
        self.errors.append(f"row {row}: {path}: {message}" if path else f"row {row}: {message}")

    def summary(self) -> str:
        return (f"{self.products_created} products created, {self.products_updated} updated, "
                f"{self.variants_created} variants created, {self.variants_updated} updated, "
                f"{self.stock_changes} stock changes, {self.rows_skipped} rows skipped, {len(self.errors)} errors")


class RowError(Exception):
    """A service refused one variant row while writing (a race on a SKU, a rule checked only there)."""

    def __init__(self, row: int, field: str | None, message: str):
        super().__init__(message)
        self.row, self.field, self.message = row, field, message


class ImportAborted(Exception):
    """All-or-nothing import with errors: nothing was written."""

    def __init__(self, report: ImportReport):
        super().__init__(f"{len(report.errors)} errors; nothing was imported.")
        self.report = report


def catalog_import(*, actor: Actor, path: str | Path, partial: bool = False, dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Import products and variants; existing slugs and SKUs are updated, so re-running is safe.

    A quantity is the stock count to set (the difference is an `adjustment` movement; on a new variant
    the opening `receive`). Each product is announced once (one webhook event with all its rows).
    Without `partial`, any error raises ImportAborted and writes nothing. `progress(done, total)` is called
    after each product (a command's progress bar).
    """
    path = Path(path)
    report = ImportReport()
    groups = _read(path, report)
    _validate(groups, report)
    if report.errors and not partial:
        raise ImportAborted(report)
    reference = f"import:{path.name}"[:100]
    with transaction.atomic():
        # One transaction for the whole file: the products it updates and all their variants are locked
        # first, in the lock order, so that going through the file in its own order never waits for a
        # variant (or product) while holding another product a sale needs (docs/catalog.md "Lock order").
        catalog_rows_lock(product_ids=Product.objects.filter(slug__in=[group.slug for group in groups if not group.bad])
                          .values_list("pk", flat=True))
        for done, group in enumerate(groups, start=1):
            if progress:
                progress(done, len(groups))
            if group.bad:
                continue  # counted as skipped by _validate
            try:
                with transaction.atomic(), product_changes_batched():
                    _apply(group, report, reference=reference, actor=actor)
            except (DomainError, RowError) as exc:
                row = exc.row if isinstance(exc, RowError) else group.row
                report.error(row, exc.field, exc.message)
                report.rows_skipped += len({group.row} | {row for row, _ in group.variants})
                if not partial:
                    raise ImportAborted(report) from None
        if dry_run:
            transaction.set_rollback(True)
    return report


# --- reading --------------------------------------------------------------------------------------

def _read(path: Path, report: ImportReport) -> list[ProductGroup]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        return _read_json(text, report)
    return _read_csv(text, report)


def _read_csv(text: str, report: ImportReport) -> list[ProductGroup]:
    """One row per variant; product columns are read from the first row of each product."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"product_name", "sku", "variant_name", "price"} - set(reader.fieldnames or [])
    if missing:
        report.error(1, None, f"missing columns: {', '.join(sorted(missing))}")
        return []
    groups: dict[str, ProductGroup] = {}
    for row_number, row in enumerate(reader, start=2):  # the header is row 1, as in a spreadsheet
        row = {key: (value or "").strip() for key, value in row.items() if key}
        slug = row.get("product_slug") or slugify(row.get("product_name", ""))
        if slug not in groups:
            # Empty cells are left out, so updating an existing product changes only what the file says.
            fields = {key: row[column] for key, column in [
                ("slug", "product_slug"), ("description", "description"), ("product_type", "product_type"),
                ("status", "status"), ("category", "category"), ("top_notes", "top_notes"),
                ("heart_notes", "heart_notes"), ("base_notes", "base_notes")] if row.get(column)}
            fields["name"] = row.get("product_name", "")
            for key in ("collections", "tags"):
                if row.get(key):
                    fields[key] = _split(row[key])
            groups[slug] = ProductGroup(row=row_number, slug=slug, fields=fields)
        variant = {"sku": row.get("sku", ""), "name": row.get("variant_name", "")}
        for column in VARIANT_COLUMNS[2:]:
            if row.get(column, "") != "":
                variant[column] = row[column]
        groups[slug].variants.append((row_number, variant))
    return list(groups.values())


def _read_json(text: str, report: ImportReport) -> list[ProductGroup]:
    """A list of products (or {"products": [...]}) shaped like the API's create body; `category`
    and `collections` are slugs. Rows are numbered from 1 in file order."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        report.error(exc.lineno, None, f"not valid JSON: {exc.msg}")
        return []
    items = data.get("products") if isinstance(data, dict) else data
    if not isinstance(items, list):
        report.error(1, None, "expected a list of products")
        return []
    groups = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            report.error(number, None, "expected an object")
            continue
        fields = {key: item[key] for key in ["name", "slug", "description", "product_type", "status", "category",
                                             "collections", "tags", "top_notes", "heart_notes", "base_notes"]
                  if key in item}
        fields.setdefault("name", "")
        slug = str(fields.get("slug") or slugify(str(fields["name"])))
        group = ProductGroup(row=number, slug=slug, fields=fields, nested=True)
        variants = item.get("variants") or []
        group.variants = [(number, dict(v) if isinstance(v, dict) else {"sku": ""}) for v in variants]
        groups.append(group)
    return groups


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


# --- validation -----------------------------------------------------------------------------------

def _validate(groups: list[ProductGroup], report: ImportReport) -> None:
    categories = dict(Category.objects.values_list("slug", "pk"))
    collections = dict(Collection.objects.values_list("slug", "pk"))
    products = dict(Product.objects.values_list("slug", "pk"))
    owners = dict(Variant.objects.values_list("sku", "product__slug"))
    seen_skus: dict[str, int] = {}
    for group in groups:
        rows = {group.row} | {row for row, _ in group.variants}
        fields = dict(group.fields)
        category, wanted = fields.pop("category", None) or None, fields.pop("collections", None)
        if not fields.get("slug"):
            fields.pop("slug", None)
        exists = group.slug in products
        serializer = ProductWriteSerializer(data=fields, partial=exists)
        if not serializer.is_valid():
            for path, message in _flat(serializer.errors):
                report.error(group.row, path, message)
            group.bad = True
        if category and category not in categories:
            report.error(group.row, "category", f"no category with slug `{category}`")
            group.bad = True
        unknown = [slug for slug in wanted or [] if slug not in collections]
        if unknown:
            report.error(group.row, "collections", f"no collection with slug `{unknown[0]}`")
            group.bad = True
        if not group.bad:
            group.fields = {**serializer.validated_data, "exists": exists}
            if category:
                group.fields["category_id"] = categories[category]
            if wanted is not None:
                group.fields["collection_ids"] = [collections[slug] for slug in wanted]
        good = []
        for index, (row, variant) in enumerate(group.variants):
            prefix = f"variants.{index}." if group.nested else ""
            data = {key: value for key, value in variant.items() if value not in ("", None)}
            for flag in ("track_inventory", "allow_backorder"):
                if isinstance(data.get(flag), str) and data[flag].lower() in TRUE | FALSE:
                    data[flag] = data[flag].lower() in TRUE
            checked = VariantCreateSerializer(data=data)
            if not checked.is_valid():
                for path, message in _flat(checked.errors):
                    report.error(row, prefix + path, message)
                continue
            sku = checked.validated_data["sku"]
            if sku.lower() in seen_skus:
                report.error(row, prefix + "sku", f"`{sku}` already appears on row {seen_skus[sku.lower()]}")
                continue
            seen_skus[sku.lower()] = row
            if sku in owners and owners[sku] != group.slug:
                report.error(row, prefix + "sku", f"`{sku}` belongs to product `{owners[sku]}`")
                continue
            good.append((row, {**checked.validated_data, "exists": sku in owners}))
        report.rows_skipped += len(rows) if group.bad else len(group.variants) - len(good)
        group.variants = good


def _flat(errors, prefix: str = ""):
    for detail in flatten_errors(errors, prefix):
        yield detail["field"], detail["message"]


# --- writing --------------------------------------------------------------------------------------

def _apply(group: ProductGroup, report: ImportReport, *, reference: str, actor) -> None:
    fields = dict(group.fields)
    exists = fields.pop("exists")
    if exists:
        product = Product.objects.get(slug=group.slug)
        fields.pop("slug", None)
        product_update(actor=actor, product_id=product.pk, **fields)
        report.products_updated += 1
    else:
        product = product_create(actor=actor, **fields)
        report.products_created += 1
    for row, variant in group.variants:
        variant = dict(variant)
        try:
            if variant.pop("exists"):
                quantity = variant.pop("quantity", None)
                current = Variant.objects.get(sku=variant["sku"])
                variant_update(actor=actor, variant_id=current.pk, **variant)
                report.variants_updated += 1
                if quantity is not None and stock_set(variant_id=current.pk, quantity=quantity, reference=reference,
                                                      note="Catalog import", actor=actor):
                    report.stock_changes += 1
            else:
                variant_create(actor=actor, product_id=product.pk, **variant)
                report.variants_created += 1
                report.stock_changes += 1 if variant.get("quantity") else 0
        except DomainError as exc:
            raise RowError(row, exc.field, exc.message) from None
