"""HTTP caching of product reads: ETag + Cache-Control, 304 on If-None-Match, server-side entries."""

from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from rest_framework.response import Response

from catalog import cache as catalog_cache

PUBLIC_CACHE_CONTROL = "public, max-age=60"
ADMIN_CACHE_CONTROL = "private, no-cache"
VARY = ("Accept", "Authorization", "X-API-Key")


def conditional_response(request, *, representation: str, etag: str, body) -> Response | HttpResponseNotModified:
    """200 with the body, or 304 when the client already holds this representation."""
    response = HttpResponseNotModified() if _matches(request.headers.get("If-None-Match", ""), etag) \
        else Response(body)
    response["ETag"] = etag
    response["Cache-Control"] = ADMIN_CACHE_CONTROL if representation == "admin" else PUBLIC_CACHE_CONTROL
    patch_vary_headers(response, VARY)
    return response


def cached(key: str | None, representation: str, build):
    """(etag, body) from the cache under `key`, else built now and stored (key None: not stored)."""
    hit = catalog_cache.get(key) if key else None
    if hit is not None:
        return hit
    body = build()
    entry = (catalog_cache.etag_for(representation, body), body)
    if key:
        catalog_cache.put(key, entry)
    return entry


def _matches(header: str, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    # Weak comparison, as If-None-Match asks: W/"x" matches "x".
    candidates = {part.strip().removeprefix("W/") for part in header.split(",")}
    return etag.removeprefix("W/") in candidates
