"""What products and stock look like to integrations (webhook `data`) and in API bodies: the
output serializers return these dicts, so an event and the admin API never disagree."""

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from moodmnky.money import store_currency

UrlBuilder = Callable[[str], str]


def product_payload(product: Product, *, admin: bool = True, absolute_url: UrlBuilder | None = None) -> dict:
    """The Product shape; `admin` adds the variants' stock fields. Reads prefetched relations only.

    Media URLs are site-relative unless `absolute_url` (a request's build_absolute_uri) is given.
    """
    variants = list(product.variants.all())
    prices = [variant.price for variant in variants]
    return {
        "id": product.pk, "slug": product.slug, "name": product.name, "description": product.description,
        "product_type": product.product_type, "status": product.status,
        "category": taxonomy_ref_payload(product.category) if product.category_id else None,
        "collections": [taxonomy_ref_payload(collection) for collection in product.collections.all()],
        "tags": product.tags,
        "scent_notes": {"top": product.top_notes, "heart": product.heart_notes, "base": product.base_notes},
        "price_range": {"min": money_text(min(prices)), "max": money_text(max(prices))} if prices else None,
        "currency": store_currency(),
        "variants": [variant_payload(variant, admin=admin) for variant in variants],
        "media": [media_payload(media, absolute_url=absolute_url) for media in product.media.all()],
        "created_at": datetime_text(product.created_at), "updated_at": datetime_text(product.updated_at),
    }


def product_payload_absolute(payload: dict, absolute_url: UrlBuilder) -> dict:
    """A product_payload built without `absolute_url`, as if built with it (the media URLs)."""
    return {**payload, "media": [{**media, "url": absolute_url(media["url"])} for media in payload["media"]]}


def variant_payload(variant: Variant, *, admin: bool = True) -> dict:
    """A variant; stock numbers and timestamps only in the admin representation."""
    payload = {
        "id": variant.pk, "product_id": variant.product_id, "sku": variant.sku, "name": variant.name,
        "options": variant.options, "price": money_text(variant.price),
        "compare_at_price": money_text(variant.compare_at_price), "currency": store_currency(),
        "weight_grams": money_text(variant.weight_grams), "position": variant.position,
        "in_stock": variant.in_stock,
    }
    if admin:
        payload.update(quantity=variant.quantity, track_inventory=variant.track_inventory,
                       allow_backorder=variant.allow_backorder, low_stock_threshold=variant.low_stock_threshold,
                       created_at=datetime_text(variant.created_at), updated_at=datetime_text(variant.updated_at))
    return payload


def media_payload(media: ProductMedia, *, absolute_url: UrlBuilder | None = None) -> dict:
    url = media.image.url
    return {"id": media.pk, "url": absolute_url(url) if absolute_url else url, "alt": media.alt,
            "position": media.position, "variant_id": media.variant_id, "width": media.width,
            "height": media.height, "created_at": datetime_text(media.created_at)}


def taxonomy_ref_payload(node: Category | Collection) -> dict:
    return {"id": node.pk, "slug": node.slug, "name": node.name}


def inventory_payload(variant: Variant, movement: StockMovement | None = None) -> dict:
    """The variant as inventory events carry it: admin fields plus product_id and quantity."""
    payload = {
        "id": variant.pk, "variant_id": variant.pk, "product_id": variant.product_id, "sku": variant.sku,
        "name": variant.name, "price": variant.price, "quantity": variant.quantity,
        "track_inventory": variant.track_inventory, "allow_backorder": variant.allow_backorder,
        "low_stock_threshold": variant.low_stock_threshold, "in_stock": variant.in_stock,
    }
    if movement is not None:
        payload["movement"] = {"id": movement.pk, "delta": movement.delta, "reason": movement.reason,
                               "quantity_after": movement.quantity_after, "reference": movement.reference}
    return payload


def money_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def datetime_text(value: datetime) -> str:
    """ISO 8601 in the current time zone, UTC as `Z` (what DRF's DateTimeField writes)."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
