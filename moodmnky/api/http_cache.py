"""Conditional GETs: a strong ETag per representation, 304 on If-None-Match, server-side rendered bodies.

A cached read stores the rendered response bytes with their ETag and content type under a key, beside a
small `<key>:etag` entry, both stamped with the version tokens current before the resource was read.
Writers replace the tokens (see catalog.cache), so an entry whose stamp differs is never served. A read
fetches the tokens and one of the two entries in one cache call: the `:etag` one when the client sent
If-None-Match (a 304 never reads the body), the body otherwise; a hit serves the stored bytes as they are.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from rest_framework.response import Response

from moodmnky.cache import CachedRead, Entry, etag_key

PUBLIC_CACHE_CONTROL = "public, max-age=60"
PRIVATE_CACHE_CONTROL = "private, no-cache"
VARY = ("Accept", "Authorization", "X-API-Key")
BODY_TIMEOUT = 60 * 10


def etag_of(body: Any, *, representation: str) -> str:
    """A strong validator of the body; two representations of one resource never share it."""
    raw = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return etag_of_bytes(raw.encode(), representation=representation)


def etag_of_bytes(content: bytes, *, representation: str) -> str:
    return '"' + hashlib.sha256(representation.encode() + b":" + content).hexdigest()[:40] + '"'


def wants_revalidation(request) -> bool:
    return bool(request.headers.get("If-None-Match"))


def cached_response(request, view, read: CachedRead, build: Callable[[], Any], *, representation: str,
                    public: bool, subject: Callable[[], str | None] = str) -> HttpResponse | HttpResponseNotModified:
    """Serve `read` from the cache (a 304 when If-None-Match names its ETag), else build, render and store it.

    `build()` returns the response data (the DRF view's renderer wraps it in the envelope as usual);
    `subject()`, called after build(), names what the entry is about (None: do not store it).
    """
    entry = read.entry
    if entry is not None and entry.body is None and not etag_matches(request.headers.get("If-None-Match", ""),
                                                                      entry.etag):
        entry = read.full_entry()  # the client's ETag was stale: now the body
    if entry is None:
        rendered = view.finalize_response(request, Response(build())).render()
        about = subject()
        entry = Entry(etag_of_bytes(rendered.content, representation=representation), rendered["Content-Type"],
                      rendered.content, about or "")
        if read.key and about is not None:
            stamp = (read.versions, entry.etag, entry.content_type)
            cache.set_many({read.key: (*stamp, entry.body, entry.subject),
                            etag_key(read.key): (*stamp, None, entry.subject)}, BODY_TIMEOUT)
    if etag_matches(request.headers.get("If-None-Match", ""), entry.etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry.body, content_type=entry.content_type)
    return _with_cache_headers(response, entry.etag, public)


def conditional_response(request, *, etag: str, body: Any, public: bool) -> Response | HttpResponseNotModified:
    """200 with the body, or an empty 304 when If-None-Match already names this ETag.

    `public` bodies may be kept by shared caches for a minute; private ones must be revalidated.
    """
    response = HttpResponseNotModified() if etag_matches(request.headers.get("If-None-Match", ""), etag) \
        else Response(body)
    return _with_cache_headers(response, etag, public)


def _with_cache_headers(response, etag: str, public: bool):
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
