"""Writes to products, variants and media; each records its webhook event and invalidates the cache."""

import uuid

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.text import slugify

from catalog import cache as catalog_cache
from catalog.errors import VariantInUseError
from catalog.images import validate_image
from catalog.models import Category, Collection, Product, ProductMedia, Variant
from catalog.services.stock import stock_move
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks.services import record_event

PRODUCT_FIELDS = ["name", "slug", "description", "product_type", "status", "tags", "top_notes", "heart_notes",
                  "base_notes"]
RESERVED_SLUGS = {"bulk"}  # /products/bulk/ is an endpoint, not a product
VARIANT_FIELDS = ["sku", "name", "options", "price", "compare_at_price", "weight_grams", "track_inventory",
                  "allow_backorder", "low_stock_threshold", "position"]


@transaction.atomic
def product_create(*, name: str, product_type: str, slug: str = "", description: str = "",
                   status: str = Product.Status.DRAFT, category_id: int | None = None,
                   collection_ids: list[int] | None = None, tags: list[str] | None = None,
                   top_notes: str = "", heart_notes: str = "", base_notes: str = "",
                   variants: list[dict] | None = None, actor=None) -> Product:
    """Create a product with its variants; opening stock is recorded as `receive` movements.

    Refusals are 400s naming the field: a taken slug, an unknown category or collection, a taken SKU
    (`variants.<i>.sku`).
    """
    product = Product(
        name=name, slug=_unique_slug(slug or name, explicit=bool(slug)), description=description,
        product_type=product_type, status=status, category=_category(category_id),
        tags=_clean_tags(tags or []), top_notes=top_notes, heart_notes=heart_notes, base_notes=base_notes,
    )
    _save_checked(product, field="slug")
    if collection_ids:
        product.collections.set(_collections(collection_ids))
    for index, variant in enumerate(variants or []):
        try:
            _variant_create(product=product, actor=actor, **variant)
        except ValidationFailedError as exc:
            raise _prefixed(exc, f"variants.{index}") from None
    _after_change(product, "product.created")
    return product


@transaction.atomic
def product_update(*, product: Product, actor=None, **changes) -> Product:
    """Change product fields (not variants, not stock). Raises 400s like product_create."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    old_slug = product.slug
    for field, value in changes.items():
        if field == "category_id":
            product.category = _category(value)
        elif field == "collection_ids":
            product.collections.set(_collections(value or []))
        elif field == "slug":
            product.slug = _unique_slug(value or product.name, explicit=bool(value), exclude=product.pk)
        elif field == "tags":
            product.tags = _clean_tags(value or [])
        elif field in PRODUCT_FIELDS:
            setattr(product, field, value)
        else:
            raise ValidationFailedError(f"`{field}` cannot be changed here.", field=field)
    product.updated_at = timezone.now()
    _save_checked(product, field="slug")
    _after_change(product, "product.updated", slugs=[old_slug])
    return product


@transaction.atomic
def product_archive(*, product: Product, actor=None) -> Product:
    """DELETE: archive the product (orders keep pointing at it); records `product.deleted` once."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    if product.status == Product.Status.ARCHIVED:
        return product
    product.status = Product.Status.ARCHIVED
    product.updated_at = timezone.now()
    product.save(update_fields=["status", "updated_at"])
    _after_change(product, "product.deleted")
    return product


@transaction.atomic
def variant_create(*, product: Product, actor=None, **fields) -> Variant:
    """Add a variant; `quantity` is the opening stock (a `receive` movement)."""
    variant = _variant_create(product=product, actor=actor, **fields)
    _after_change(product, "product.updated")
    return variant


@transaction.atomic
def variant_update(*, variant: Variant, actor=None, **changes) -> Variant:
    """Change variant fields; never the quantity, which moves only through stock_move."""
    if "quantity" in changes:
        raise ValidationFailedError("Stock changes only through the inventory endpoints.", field="quantity")
    variant = Variant.objects.select_for_update().select_related("product").get(pk=variant.pk)
    for field, value in changes.items():
        if field not in VARIANT_FIELDS:
            raise ValidationFailedError(f"`{field}` cannot be changed here.", field=field)
        setattr(variant, field, {} if field == "options" and value is None else value)
    if variant.quantity < 0 and variant.track_inventory and not variant.allow_backorder:
        raise ValidationFailedError(
            f"The stock is {variant.quantity}; receive stock before turning off backorders.",
            field="allow_backorder")
    _save_checked(variant, field="sku")
    _after_change(variant.product, "product.updated")
    return variant


@transaction.atomic
def variant_delete(*, variant: Variant, actor=None) -> None:
    """Delete a variant; one that orders or carts reference is a 409 (archive the product instead)."""
    product = variant.product
    try:
        with transaction.atomic():
            variant.delete()
    except (ProtectedError, RestrictedError):
        raise VariantInUseError(variant_id=variant.pk) from None
    _after_change(product, "product.updated")


@transaction.atomic
def media_add(*, product: Product, image: UploadedFile, alt: str = "", position: int | None = None,
              variant_id: int | None = None, actor=None) -> ProductMedia:
    """Store a verified image (JPEG, PNG, WebP or GIF, ≤ 5 MB, ≤ 6000×6000) with the storage API."""
    info = validate_image(image)
    variant = None
    if variant_id is not None:
        variant = product.variants.filter(pk=variant_id).first()
        if variant is None:
            raise ValidationFailedError("No variant with this id on this product.", field="variant_id")
    if position is None:
        position = product.media.count()
    image.seek(0)
    # The file name is ours (never the client's): a random name with the verified format's extension.
    name = default_storage.save(f"products/{product.pk}/{uuid.uuid4().hex}.{info.extension}", image)
    try:
        media = ProductMedia.objects.create(product=product, variant=variant, image=name, alt=alt,
                                            position=position, width=info.width, height=info.height)
        _after_change(product, "product.updated")
    except Exception:
        default_storage.delete(name)
        raise
    return media


@transaction.atomic
def media_delete(*, media: ProductMedia, actor=None) -> None:
    product = media.product
    media_remove(media=media)
    _after_change(product, "product.updated")


@transaction.atomic
def product_refresh_denormalized(product_ids: list[int]) -> None:
    """Rebuild `search_text` and `min_price` from the product and its variants.

    The product row is locked first, so two concurrent variant changes of one product cannot
    each write a minimum computed without the other's change.
    """
    ids = list(Product.objects.select_for_update().filter(pk__in=product_ids).order_by("pk")
               .values_list("pk", flat=True))
    for product in Product.objects.filter(pk__in=ids).prefetch_related("variants"):
        variants = list(product.variants.all())
        Product.objects.filter(pk=product.pk).update(
            search_text=search_text_of(product, [variant.sku for variant in variants]),
            min_price=min((variant.price for variant in variants), default=None),
        )


def search_text_of(product: Product, skus: list[str]) -> str:
    parts = [product.name, product.description, " ".join(product.tags or []), product.top_notes,
             product.heart_notes, product.base_notes, " ".join(skus)]
    return "\n".join(part for part in parts if part)


def catalog_changed() -> None:
    """A category or collection changed (admin): every cached product and list is stale."""
    catalog_cache.invalidate_taxonomy()


def product_payload(product_id: int) -> dict:
    """The product as the admin API serializes it (webhook `data`); media URLs are site-relative."""
    from catalog.api.serializers import AdminProductSerializer  # the shape is defined once, there
    from catalog.selectors import product_queryset

    return dict(AdminProductSerializer(product_queryset(admin=True).get(pk=product_id)).data)


# --- helpers --------------------------------------------------------------------------------------

def _variant_create(*, product: Product, actor=None, quantity: int = 0, **fields) -> Variant:
    unknown = set(fields) - set(VARIANT_FIELDS)
    if unknown:
        raise ValidationFailedError(f"Unknown variant field `{sorted(unknown)[0]}`.", field=sorted(unknown)[0])
    if quantity < 0:
        raise ValidationFailedError("Opening stock cannot be negative.", field="quantity")
    fields.setdefault("position", product.variants.count())
    fields["options"] = fields.get("options") or {}
    variant = Variant(product=product, quantity=0, **fields)
    _save_checked(variant, field="sku")
    if quantity:
        stock_move(variant_id=variant.pk, delta=quantity, reason="receive", note="Opening stock", actor=actor)
        variant.refresh_from_db(fields=["quantity", "updated_at"])
    return variant


def _after_change(product: Product, event_type: str, *, slugs=()) -> None:
    product_refresh_denormalized([product.pk])
    Product.objects.filter(pk=product.pk).update(updated_at=timezone.now())
    catalog_cache.invalidate_products([product.pk], slugs=[*slugs, product.slug])
    record_event(event_type, product_payload(product.pk))


def _save_checked(instance, *, field: str) -> None:
    """Save, turning a unique clash (a concurrent create won the slug or SKU) into a 400."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        if "unique" in str(exc).lower() or "duplicate" in str(exc).lower():
            value = getattr(instance, field)
            raise ValidationFailedError(f"`{value}` is already taken.", field=field) from None
        raise ValidationFailedError(f"The {instance._meta.verbose_name} breaks a rule: {exc}") from None


def _unique_slug(value: str, *, explicit: bool, exclude: int | None = None) -> str:
    """An explicit slug must be free (400 otherwise); a derived one gets -2, -3, ... appended."""
    base = slugify(value)[:200] or "product"
    if base.isdigit() or base in RESERVED_SLUGS:
        base = f"product-{base}"
    taken = Product.objects.exclude(pk=exclude)
    if explicit:
        if taken.filter(slug=base).exists():
            raise ValidationFailedError(f"The slug `{base}` is already taken.", field="slug")
        return base
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


def _clean_tags(tags: list[str]) -> list[str]:
    cleaned = []
    for tag in tags:
        tag = str(tag).strip().lower()[:50]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return cleaned


def _prefixed(exc: ValidationFailedError, prefix: str) -> ValidationFailedError:
    field = f"{prefix}.{exc.field}" if exc.field else prefix
    return type(exc)(exc.message, field=field, **exc.details)


# --- Django admin ---------------------------------------------------------------------------------

@transaction.atomic
def product_save(*, product: Product) -> Product:
    """Save a product edited in the admin form (side effects follow in product_admin_saved)."""
    product.tags = _clean_tags(product.tags or [])
    product.updated_at = timezone.now()
    product.save()
    return product


@transaction.atomic
def product_admin_saved(*, product: Product, created: bool, actor=None) -> None:
    """After the admin saved a product with its inlines: search text, cache, one webhook event."""
    _after_change(product, "product.created" if created else "product.updated")


@transaction.atomic
def variant_save(*, variant: Variant) -> Variant:
    """Save a variant edited in an admin form; its quantity is always the ledger's, never the form's."""
    if variant.pk:
        variant.quantity = Variant.objects.select_for_update().values_list("quantity", flat=True).get(pk=variant.pk)
    else:
        variant.quantity = 0
    if variant.quantity < 0 and variant.track_inventory and not variant.allow_backorder:
        raise ValidationFailedError(
            f"The stock of {variant.sku} is {variant.quantity}; it must allow backorder.", field="allow_backorder")
    variant.options = variant.options or {}
    _save_checked(variant, field="sku")
    return variant


@transaction.atomic
def media_save(*, media: ProductMedia) -> ProductMedia:
    media.save()
    return media


def media_remove(*, media: ProductMedia) -> None:
    """Delete an image row now and its file once committed; the caller announces the product change
    (the admin does it once for the whole form with product_admin_saved)."""
    name = media.image.name
    media.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def taxonomy_save(*, instance: Category | Collection) -> None:
    instance.save()
    catalog_changed()


@transaction.atomic
def taxonomy_delete(*, instance: Category | Collection) -> None:
    product_ids = list(instance.products.values_list("pk", flat=True))
    instance.delete()
    catalog_changed()
    for product_id in product_ids:
        record_event("product.updated", product_payload(product_id))
