"""Conditional GETs: a strong ETag per representation, 304 on If-None-Match, optional server-side bodies."""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from rest_framework.response import Response

PUBLIC_CACHE_CONTROL = "public, max-age=60"
PRIVATE_CACHE_CONTROL = "private, no-cache"
VARY = ("Accept", "Authorization", "X-API-Key")
BODY_TIMEOUT = 60 * 10


def etag_of(body: Any, *, representation: str) -> str:
    """A strong validator of the body; two representations of one resource never share it."""
    raw = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return '"' + hashlib.sha256(f"{representation}:{raw}".encode()).hexdigest()[:40] + '"'


def cached_body(key: str | None, build: Callable[[], Any], *, representation: str) -> tuple[str, Any]:
    """(etag, body) stored under `key` in the Django cache, else built now and stored (None: not stored).

    The key should embed version tokens that writers replace (see catalog.cache), so an entry is
    never served after the resource changed; take it before reading the resource.
    """
    hit = stored_body(key)
    return hit if hit is not None else store_body(key, build(), representation=representation)


def stored_body(key: str | None) -> tuple[str, Any] | None:
    return cache.get(key) if key else None


def store_body(key: str | None, body: Any, *, representation: str) -> tuple[str, Any]:
    entry = (etag_of(body, representation=representation), body)
    if key:
        cache.set(key, entry, BODY_TIMEOUT)
    return entry


def conditional_response(request, *, etag: str, body: Any, public: bool) -> Response | HttpResponseNotModified:
    """200 with the body, or an empty 304 when If-None-Match already names this ETag.

    `public` bodies may be kept by shared caches for a minute; private ones must be revalidated.
    """
    response = HttpResponseNotModified() if etag_matches(request.headers.get("If-None-Match", ""), etag) \
        else Response(body)
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL if public else PRIVATE_CACHE_CONTROL
    patch_vary_headers(response, VARY)
    return response


def etag_matches(header: str, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    # Weak comparison, as If-None-Match asks: W/"x" matches "x".
    candidates = {part.strip().removeprefix("W/") for part in header.split(",")}
    return etag.removeprefix("W/") in candidates
