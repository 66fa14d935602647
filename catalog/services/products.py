"""Writes to products, variants and media: each announces the product once (event, search, cache)."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.text import slugify

from catalog import cache as catalog_cache
from catalog.errors import ProductNotFoundError, VariantInUseError, VariantNotFoundError
from catalog.events import product_payload
from catalog.images import image_validate
from catalog.models import Category, Collection, Product, ProductMedia, Variant
from catalog.rules import RESERVED_SLUGS, product_slug_check, product_tags_clean, variant_backorder_check
from catalog.selectors import product_prefetches
from catalog.services.common import UNSET, save_checked
from catalog.services.locks import products_lock
from catalog.services.stock import stock_move
from moodmnky.actors import Actor
from moodmnky.errors import NotFoundError, ValidationFailedError
from moodmnky.webhooks.services import record_event

# Inside product_changes_batched(): product id -> (event type, actor, old slugs), announced at the end.
_batch: ContextVar[dict[int, tuple[str, Actor, list[str]]] | None] = ContextVar("catalog_batch", default=None)
_EVENT_RANK = {"product.updated": 0, "product.created": 1, "product.deleted": 2}


@transaction.atomic
def product_create(*, actor: Actor, name: str, product_type: str, slug: str = "", description: str = "",
                   status: str = Product.Status.DRAFT, category_id: int | None = None,
                   collection_ids: list[int] | None = None, tags: list[str] | None = None,
                   top_notes: str = "", heart_notes: str = "", base_notes: str = "",
                   variants: list[dict] | None = None) -> Product:
    """Create a product with its variants; opening stock is recorded as `receive` movements.

    Refusals are 400s naming the field: a taken or reserved slug, an unknown category or collection,
    a taken SKU (`variants.<i>.sku`).
    """
    product = Product(
        name=name, slug=_unique_slug(slug or name, explicit=bool(slug)), description=description,
        product_type=product_type, status=status, category=_category(category_id),
        tags=product_tags_clean(tags or []), top_notes=top_notes, heart_notes=heart_notes, base_notes=base_notes,
    )
    save_checked(product, field="slug")
    if collection_ids:
        product.collections.set(_collections(collection_ids))
    for index, variant in enumerate(variants or []):
        try:
            _variant_insert(product=product, actor=actor, **{"position": index, **variant})
        except ValidationFailedError as exc:
            raise _prefixed(exc, f"variants.{index}") from None
    return _announce(product, "product.created", actor=actor)


@transaction.atomic
def product_update(*, actor: Actor, product_id: int, name: str = UNSET, slug: str = UNSET,
                   description: str = UNSET, product_type: str = UNSET, status: str = UNSET,
                   category_id: int | None = UNSET, collection_ids: list[int] = UNSET, tags: list[str] = UNSET,
                   top_notes: str = UNSET, heart_notes: str = UNSET, base_notes: str = UNSET) -> Product:
    """Change product fields (not variants, not stock). Raises 400s like product_create."""
    product = _product_locked(product_id)
    old_slug = product.slug
    plain = {"name": name, "description": description, "product_type": product_type, "status": status,
             "top_notes": top_notes, "heart_notes": heart_notes, "base_notes": base_notes}
    for field, value in plain.items():
        if value is not UNSET:
            setattr(product, field, value)
    if slug is not UNSET:
        product.slug = _unique_slug(slug or product.name, explicit=bool(slug), exclude=product.pk)
    if tags is not UNSET:
        product.tags = product_tags_clean(tags or [])
    if category_id is not UNSET:
        product.category = _category(category_id)
    if collection_ids is not UNSET:
        product.collections.set(_collections(collection_ids or []))
    save_checked(product, field="slug")
    return _announce(product, "product.updated", actor=actor, old_slugs=[old_slug])


@transaction.atomic
def product_archive(*, actor: Actor, product_id: int) -> Product:
    """DELETE: archive the product (orders keep pointing at it); records `product.deleted` once."""
    product = _product_locked(product_id)
    if product.status == Product.Status.ARCHIVED:
        return product
    product.status = Product.Status.ARCHIVED
    product.save(update_fields=["status"])
    return _announce(product, "product.deleted", actor=actor)


@transaction.atomic
def variant_create(*, actor: Actor, product_id: int, sku: str, name: str, price: Decimal,
                   options: dict | None = None, compare_at_price: Decimal | None = None,
                   weight_grams: Decimal | None = None, quantity: int = 0, track_inventory: bool = True,
                   allow_backorder: bool = False, low_stock_threshold: int = 5,
                   position: int | None = None) -> Variant:
    """Add a variant; `quantity` is the opening stock (a `receive` movement)."""
    product = _product_locked(product_id)
    variant = _variant_insert(
        product=product, actor=actor, sku=sku, name=name, price=price, options=options,
        compare_at_price=compare_at_price, weight_grams=weight_grams, quantity=quantity,
        track_inventory=track_inventory, allow_backorder=allow_backorder,
        low_stock_threshold=low_stock_threshold, position=product.variants.count() if position is None else position,
    )
    _announce(product, "product.updated", actor=actor)
    return variant


@transaction.atomic
def variant_update(*, actor: Actor, variant_id: int, sku: str = UNSET, name: str = UNSET,
                   options: dict | None = UNSET, price: Decimal = UNSET, compare_at_price: Decimal | None = UNSET,
                   weight_grams: Decimal | None = UNSET, track_inventory: bool = UNSET,
                   allow_backorder: bool = UNSET, low_stock_threshold: int = UNSET,
                   position: int = UNSET) -> Variant:
    """Change variant fields; never the quantity, which moves only through stock_move."""
    variant = _variant_locked(variant_id)
    changes = {"sku": sku, "name": name, "options": options, "price": price, "compare_at_price": compare_at_price,
               "weight_grams": weight_grams, "track_inventory": track_inventory,
               "allow_backorder": allow_backorder, "low_stock_threshold": low_stock_threshold, "position": position}
    for field, value in changes.items():
        if value is not UNSET:
            setattr(variant, field, {} if field == "options" and value is None else value)
    variant_backorder_check(quantity=variant.quantity, track_inventory=variant.track_inventory,
                            allow_backorder=variant.allow_backorder)
    save_checked(variant, field="sku")
    _announce(variant.product, "product.updated", actor=actor)
    return variant


@transaction.atomic
def variant_delete(*, actor: Actor, variant_id: int) -> None:
    """Delete a variant; one that orders or carts reference is a 409 (archive the product instead)."""
    variant = _variant_locked(variant_id)
    try:
        with transaction.atomic():
            variant.delete()
    except (ProtectedError, RestrictedError):
        raise VariantInUseError(variant_id=variant_id) from None
    _announce(variant.product, "product.updated", actor=actor)


@transaction.atomic
def media_add(*, actor: Actor, product_id: int, image: UploadedFile, alt: str = "", position: int | None = None,
              variant_id: int | None = None) -> ProductMedia:
    """Store a verified image (JPEG, PNG, WebP or GIF, ≤ 5 MB, ≤ 6000×6000) under a random name of ours."""
    info = image_validate(image)
    product = _product_locked(product_id)
    variant = _variant_of(product, variant_id)
    if position is None:
        position = product.media.count()
    image.seek(0)
    # The file name is ours (never the client's): a random name with the verified format's extension.
    name = default_storage.save(f"products/{product.pk}/{uuid.uuid4().hex}.{info.extension}", image)
    try:
        media = ProductMedia.objects.create(product=product, variant=variant, image=name, alt=alt,
                                            position=position, width=info.width, height=info.height)
        _announce(product, "product.updated", actor=actor)
    except Exception:
        default_storage.delete(name)
        raise
    return media


@transaction.atomic
def media_update(*, actor: Actor, media_id: int, alt: str = UNSET, position: int = UNSET,
                 variant_id: int | None = UNSET) -> ProductMedia:
    """Change an image's alt text, position or variant (the file itself is replaced by delete + add)."""
    media = _media_locked(media_id)
    if alt is not UNSET:
        media.alt = alt
    if position is not UNSET:
        media.position = position
    if variant_id is not UNSET:
        media.variant = _variant_of(media.product, variant_id)
    media.save(update_fields=["alt", "position", "variant"])
    _announce(media.product, "product.updated", actor=actor)
    return media


@transaction.atomic
def media_delete(*, actor: Actor, media_id: int) -> None:
    """Delete an image row now and its file once committed."""
    media = _media_locked(media_id)
    name = media.image.name
    media.delete()
    transaction.on_commit(lambda: default_storage.delete(name))
    _announce(media.product, "product.updated", actor=actor)


@contextmanager
def product_changes_batched() -> Iterator[None]:
    """Inside this block each changed product is announced once, at the end, with its final state.

    For writes that change a product several times (an admin form with inlines, an import row
    group): one webhook event per product instead of one per change. Nested blocks join the
    outermost; nothing is announced when the block raises (its transaction rolls back).
    """
    if _batch.get() is not None:
        yield
        return
    pending: dict[int, tuple[str, Actor, list[str]]] = {}
    token = _batch.set(pending)
    # The block and its announcements are one transaction (the caller's, if any: no savepoint). A product gets
    # into `pending` only through a writer of this module that locked it in this transaction, after its variants
    # (_product_locked, _variant_locked, _media_locked), or inserted it (product_create): the rows are still held
    # here, so _product_row_locked below waits for nothing and nothing is locked again.
    with transaction.atomic(savepoint=False):
        try:
            yield
        finally:
            _batch.reset(token)
        for product_id, (event_type, actor, old_slugs) in sorted(pending.items()):
            _announce(_product_row_locked(product_id), event_type, actor=actor, old_slugs=old_slugs)


@transaction.atomic
def product_refresh_denormalized(product_ids: list[int]) -> None:
    """Rebuild `search_text`, `min_price` and `in_stock` of these products (rows locked in id order)."""
    ids = products_lock(product_ids)
    for product in Product.objects.filter(pk__in=ids).prefetch_related("variants"):
        Product.objects.filter(pk=product.pk).update(**_denormalized(product, list(product.variants.all())))


def product_search_text(product: Product, skus: list[str]) -> str:
    parts = [product.name, product.description, " ".join(product.tags or []), product.top_notes,
             product.heart_notes, product.base_notes, " ".join(skus)]
    return "\n".join(part for part in parts if part)


# --- helpers --------------------------------------------------------------------------------------

def _announce(product: Product, event_type: str, *, actor: Actor, old_slugs: list[str] = ()) -> Product:
    """After a change: search text, lowest price and in_stock, cache tokens, and the one webhook event.

    `product` is the row the service locked; its relations are loaded once here and serve the
    denormalized columns, the event payload and the caller's response.
    """
    pending = _batch.get()
    if pending is not None:
        previous = pending.get(product.pk)
        if previous and _EVENT_RANK[previous[0]] >= _EVENT_RANK[event_type]:
            event_type = previous[0]
        pending[product.pk] = (event_type, actor, [*(previous[2] if previous else []), *old_slugs])
        return product
    if hasattr(product, "_prefetched_objects_cache"):
        product._prefetched_objects_cache.clear()  # relations changed since they were read
    prefetch_related_objects([product], *product_prefetches())
    changes = {**_denormalized(product, list(product.variants.all())), "updated_at": timezone.now()}
    Product.objects.filter(pk=product.pk).update(**changes)
    for field, value in changes.items():
        setattr(product, field, value)
    catalog_cache.invalidate_products([product.pk], slugs=[*old_slugs, product.slug])
    product.event_payload = product_payload(product)  # built once: the API's answer reuses it (Product.event_payload)
    record_event(event_type, product.event_payload, actor=actor)
    return product


def _denormalized(product: Product, variants: list[Variant]) -> dict:
    # The product row is locked, so a stock change of one of these variants waits to refresh `in_stock`.
    return {"search_text": product_search_text(product, [variant.sku for variant in variants]),
            "min_price": min((variant.price for variant in variants), default=None),
            "in_stock": any(variant.in_stock for variant in variants)}


# Lock order (catalog/services/locks.py): every write to a product locks all its variants (ascending id),
# then the product, then media rows — the order of a sale. A form or an import group that goes on to change
# several of the product's variants then holds them all already, so it never waits for a variant while
# holding the product row that a sale of that variant needs next.

def _product_locked(product_id: int) -> Product:
    """The product locked, after all its variants."""
    list(Variant.objects.select_for_update().filter(product_id=product_id).order_by("pk").values_list("pk"))
    return _product_row_locked(product_id)


def _product_row_locked(product_id: int) -> Product:
    product = (Product.objects.select_for_update(of=("self",)).select_related("category")
               .filter(pk=product_id).first())
    if product is None:
        raise ProductNotFoundError(product_id=product_id)
    return product


def _variant_locked(variant_id: int) -> Variant:
    """The variant with its siblings (ascending id), then its product locked (the product's search text,
    lowest price and in_stock follow it)."""
    product_id = Variant.objects.filter(pk=variant_id).values("product_id")
    siblings = Variant.objects.select_for_update().filter(product_id=Subquery(product_id)).order_by("pk")
    variant = next((row for row in siblings if row.pk == variant_id), None)
    if variant is None:
        raise VariantNotFoundError(variant_id=variant_id)
    variant.product = _product_row_locked(variant.product_id)
    return variant


def _media_locked(media_id: int) -> ProductMedia:
    """The image's product locked (after its variants), then the image row."""
    product_id = ProductMedia.objects.filter(pk=media_id).values_list("product_id", flat=True).first()
    product = _product_locked(product_id) if product_id is not None else None
    media = ProductMedia.objects.select_for_update().filter(pk=media_id).first() if product else None
    if media is None:
        raise NotFoundError("No such image.", media_id=media_id)
    media.product = product
    return media


def _variant_of(product: Product, variant_id: int | None) -> Variant | None:
    if variant_id is None:
        return None
    variant = product.variants.filter(pk=variant_id).first()
    if variant is None:
        raise ValidationFailedError("No variant with this id on this product.", field="variant_id")
    return variant


def _variant_insert(*, product: Product, actor: Actor, sku: str, name: str, price: Decimal, position: int,
                    options: dict | None = None, compare_at_price: Decimal | None = None,
                    weight_grams: Decimal | None = None, quantity: int = 0, track_inventory: bool = True,
                    allow_backorder: bool = False, low_stock_threshold: int = 5) -> Variant:
    if quantity < 0:
        raise ValidationFailedError("Opening stock cannot be negative.", field="quantity")
    variant = Variant(product=product, quantity=0, sku=sku, name=name, price=price, options=options or {},
                      compare_at_price=compare_at_price, weight_grams=weight_grams,
                      track_inventory=track_inventory, allow_backorder=allow_backorder,
                      low_stock_threshold=low_stock_threshold, position=position)
    save_checked(variant, field="sku")
    if quantity:
        movement = stock_move(variant_id=variant.pk, delta=quantity, reason="receive", note="Opening stock",
                              actor=actor, refresh_product=False)  # every caller _announces the product next
        variant.quantity = movement.quantity_after
        variant.refresh_from_db(fields=["updated_at"])
    return variant


def _unique_slug(value: str, *, explicit: bool, exclude: int | None = None) -> str:
    """An explicit slug must be free and allowed (400 otherwise); a derived one gets -2, -3, ... appended."""
    taken = Product.objects.exclude(pk=exclude)
    if explicit:
        slug = product_slug_check(slugify(value)[:200] or "product")
        if taken.filter(slug=slug).exists():
            raise ValidationFailedError(f"The slug `{slug}` is already taken.", field="slug")
        return slug
    base = slugify(value)[:200] or "product"
    if base.isdigit() or base in RESERVED_SLUGS:
        base = f"product-{base}"  # derived from a name like "1984" or "Bulk"
    used = set(taken.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _category(category_id: int | None) -> Category | None:
    if category_id is None:
        return None
    category = Category.objects.filter(pk=category_id).first()
    if category is None:
        raise ValidationFailedError("No category with this id.", field="category_id")
    return category


def _collections(collection_ids: list[int]) -> list[Collection]:
    found = {c.pk: c for c in Collection.objects.filter(pk__in=collection_ids)}
    missing = [pk for pk in collection_ids if pk not in found]
    if missing:
        raise ValidationFailedError(f"No collection with id {missing[0]}.", field="collection_ids")
    return list(found.values())


def _prefixed(exc: ValidationFailedError, prefix: str) -> ValidationFailedError:
    field = f"{prefix}.{exc.field}" if exc.field else prefix
    return type(exc)(exc.message, field=field, **exc.details)
