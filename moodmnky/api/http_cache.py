"""Conditional GETs: a strong ETag per representation, 304 on If-None-Match, server-side rendered bodies.

A cached read stores the rendered response bytes with their ETag and content type under a key, beside a
small `<key>:etag` entry, both stamped with the version tokens current before the resource was read.
Writers replace the tokens (see catalog.cache), so an entry whose stamp differs is never served. A read
fetches the tokens and the `:etag` entry in one cache call: a 304 needs nothing more, and a 200 serves the
body this process keeps under that ETag (moodmnky.cache.recent_bodies), reading it from the cache only the first
time. A hit serves the stored bytes as they are.
"""

import functools
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import URLResolver, get_resolver
from django.utils.cache import patch_vary_headers
from rest_framework.response import Response
from rest_framework.settings import api_settings

from moodmnky.api.ratelimit import count_deferred, deferred_count, settle_count
from moodmnky.cache import CachedRead, Entry, etag_key, recent_bodies

PUBLIC_CACHE_CONTROL = "public, max-age=60"
PRIVATE_CACHE_CONTROL = "private, no-cache"
VARY = ("Accept", "Authorization", "X-API-Key")
VARY_HEADER = ", ".join(VARY)
BODY_TIMEOUT = 60 * 10
# Accept values DRF's negotiation answers with the envelope renderer exactly as stored (no media type parameters,
# which could ask for another rendering, such as `indent`).
PLAIN_ACCEPT = frozenset({"", "*/*", "application/json"})


def etag_of(body: Any, *, representation: str) -> str:
    """A strong validator of the body; two representations of one resource never share it."""
    raw = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return etag_of_bytes(raw.encode(), representation=representation)


def etag_of_bytes(content: bytes, *, representation: str) -> str:
    return '"' + hashlib.sha256(representation.encode() + b":" + content).hexdigest()[:40] + '"'


def cached_response(request, view, read: CachedRead, build: Callable[[], Any], *, representation: str,
                    public: bool, subject: Callable[[], str | None] = str) -> HttpResponse | HttpResponseNotModified:
    """Serve `read` from the cache (a 304 when If-None-Match names its ETag), else build, render and store it.

    `build()` returns the response data (the DRF view's renderer wraps it in the envelope as usual);
    `subject()`, called after build(), names what the entry is about (None: do not store it).
    """
    # The shared entry holds the plain rendering; one asked with media type parameters (`indent=4`) is neither
    # served from it nor stored in it.
    plain = ";" not in (getattr(request, "accepted_media_type", None) or "")
    answer = cached_answer(request, read, public=public) if plain else None
    if answer is not None:
        return answer
    rendered = view.finalize_response(request, Response(build())).render()
    about = subject()
    entry = Entry(etag_of_bytes(rendered.content, representation=representation), rendered["Content-Type"],
                  rendered.content, about or "")
    if plain and read.key and about is not None:
        stamp = (read.versions, entry.etag, entry.content_type)
        cache.set_many({read.key: (*stamp, entry.body, entry.subject),
                        etag_key(read.key): (*stamp, None, entry.subject)}, BODY_TIMEOUT)
        recent_bodies.put(entry.etag, entry.body)
    return _answer(entry, public, not_modified=_not_modified(request, entry.etag))


def cached_answer(request, read: CachedRead, *, public: bool) -> HttpResponse | HttpResponseNotModified | None:
    """The 304 or 200 the cache gives for `read` (a 200 takes the body this process keeps, or reads it); None when
    nothing current is stored."""
    entry = read.entry
    if entry is None:
        return None
    not_modified = _not_modified(request, entry.etag)
    if not not_modified and entry.body is None:
        entry = read.full_entry()  # a 200 serves this ETag's body (a stored entry's own ETag is its body's)
    return None if entry is None else _answer(entry, public, not_modified=not_modified)


def _not_modified(request, etag: str) -> bool:
    return etag_matches(request.META.get("HTTP_IF_NONE_MATCH", ""), etag)


def _answer(entry: Entry, public: bool, *, not_modified: bool) -> HttpResponse | HttpResponseNotModified:
    response = HttpResponseNotModified() if not_modified else HttpResponse(entry.body, content_type=entry.content_type)
    return _with_cache_headers(response, entry.etag, public)


def is_plain_anonymous_get(request) -> bool:
    """A GET with no credentials of any kind (Bearer, API key, session cookie) and a plain JSON Accept: DRF would
    find it anonymous, allowed to read the catalog, and answer it with the JSON renderer."""
    meta = request.META
    if not (request.method == "GET" and "HTTP_AUTHORIZATION" not in meta and "HTTP_X_API_KEY" not in meta
            and meta.get("HTTP_ACCEPT", "") in PLAIN_ACCEPT and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(request, "_force_auth_user", None) is None):  # DRF's test client authenticates this way
        return False
    params = _query_of(request)  # None: too many fields, which the view answers (a 400)
    return params is not None and all(name != api_settings.URL_FORMAT_OVERRIDE for name, _ in params)


def query_lists(request) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`request.GET.lists()` without building the QueryDict: a cached read's key is made of it. The parse of each
    query string is kept, so a hot page's repeats cost a lookup; Django's QueryDict costs a hit about 30 function
    calls per parameter. Past DATA_UPLOAD_MAX_NUMBER_FIELDS it raises what `request.GET` raises."""
    params = _query_of(request)
    return params if params is not None else tuple((name, tuple(values)) for name, values in request.GET.lists())


def _query_of(request) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    return _parsed_query(request.META.get("QUERY_STRING", ""), request.encoding or settings.DEFAULT_CHARSET,
                         settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)


@functools.lru_cache(maxsize=256)
def _parsed_query(raw: str, encoding: str, max_fields: int | None) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    # As WSGIRequest.GET and QueryDict read it: the WSGI string's bytes decoded with the request's encoding (ISO
    # 8859-1 where they are not valid in it), then the same parse_qsl, values grouped by name in first-seen order.
    try:
        text = raw.encode("iso-8859-1").decode(encoding)
    except UnicodeError:
        text = raw
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding=encoding, max_num_fields=max_fields)
    except ValueError:
        return None
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return tuple((name, tuple(values)) for name, values in grouped.items())


def cache_first(view, read: Callable[..., CachedRead]):
    """The DRF view function `view`, answering a plain anonymous GET from the cache before DRF's machinery.

    `read(request, *args, count=..., **kwargs)` reads the public representation the request asks for (the view's
    own keys) and makes the request's rate-limit count in the same round trip when the rate limiter left it to the
    view (ratelimit.deferred_count); a request over its limit gets the 429 and no body. The answer skips DRF's
    Request wrapping, authenticators, permission checks and content negotiation, whose outcome for such a request
    is known (anonymous, allowed to read, JSON), and carries the headers the view's own answer would (Allow added
    here); the middleware (request id, rate-limit headers, security, CORS) treats it like any response.

    CacheFirstMiddleware gives the answer before URL resolution (`cache_first_answer`); the view gives it itself
    when the middleware did not (a path it leaves to the resolver). On a miss, and for every other request, the
    view runs as usual; a read is made once per request (the view's `read` keeps it), and so is the count.
    """
    allow = ", ".join(method.upper() for method in view.cls.http_method_names
                      if method in view.actions or (method == "head" and "get" in view.actions)
                      or hasattr(view.cls, method))

    def answer(request, *args, **kwargs) -> HttpResponse | None:
        """The 200, 304 or 429 the cache gives a plain anonymous GET; None on a miss."""
        count = deferred_count(request)
        found = read(request, *args, count=count, **kwargs)
        limited = None if count is None else settle_count(request, found.count)
        if limited is not None:
            return limited
        response = cached_answer(request, found, public=True)
        if response is not None:
            response["Allow"] = allow
        return response

    @functools.wraps(view)  # keeps cls, actions, initkwargs and csrf_exempt for the URLconf and the schema
    def cache_first_view(request, *args, **kwargs):
        if is_plain_anonymous_get(request):
            return answer(request, *args, **kwargs) or view(request, *args, **kwargs)
        return count_deferred(request) or view(request, *args, **kwargs)

    cache_first_view.counts_in_its_read = True  # ratelimit.RateLimitMiddleware.process_view leaves the count here
    cache_first_view.cache_first_answer = answer
    return cache_first_view


class CacheFirstMiddleware:
    """Answers a plain anonymous GET of a cache-first view (`cache_first`) from the cache before URL resolution, as
    Django's own cache middleware answers before the view; a miss and every other request go on to the resolver.

    The innermost middleware: every other one treats the answer as any response (the rate limiter left this
    request's count to the read, ratelimit.deferred_count). Resolving the API's nested URL patterns costs a
    cached product read about as much as the rest of its own work (docs/performance.md, fourth round).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        route = None if hasattr(request, "urlconf") else cache_first_route(request.path_info)
        if route is not None and is_plain_anonymous_get(request):
            answer, kwargs = route
            response = answer(request, **kwargs)
            if response is not None:
                return response
        return self.get_response(request)


def cache_first_route(path: str) -> tuple[Callable, dict] | None:
    """(the cache-first answer, the view's keyword arguments) of the view the URLconf routes `path` to, or None when
    that view is another one, or may be (the resolver then decides, as for any path)."""
    for regex, answer in _cache_first_routes(get_resolver()):
        match = regex.match(path)
        if match:
            return None if answer is None else (answer, match.groupdict())
    return None


@functools.lru_cache(maxsize=4)  # per resolver: a changed ROOT_URLCONF has a new one
def _cache_first_routes(resolver) -> tuple[tuple[re.Pattern, Callable | None], ...]:
    """The URLconf flattened, in its own order, up to its last cache-first view: (full path regex, answer) for each
    cache-first view, (regex, None) for every pattern before one that could take the path instead (an include with
    none inside stays one prefix, unless its prefix is empty).

    Each regex takes at least the paths the resolver would route there, and an answer's exactly those: an
    endpoint's `$` becomes `\\Z` (the resolver full-matches it), a pattern without `^` may start anywhere (the
    resolver searches it), and a view behind a pattern without `^` or with converters (values the resolver would
    convert) is left to the resolver."""
    routes = []

    def flatten(entries, prefix: str, converted: bool) -> None:
        for entry in entries:
            source = entry.pattern.regex.pattern
            anchored = source.startswith("^")
            regex = prefix + (source.removeprefix("^") if anchored else ".*?" + source)
            converts = converted or bool(getattr(entry.pattern, "converters", None))
            if isinstance(entry, URLResolver):
                if _has_cache_first(entry) or source in ("", "^"):
                    flatten(entry.url_patterns, regex, converts or not anchored)
                else:
                    routes.append((re.compile(regex), None))
                continue
            answer = getattr(entry.callback, "cache_first_answer", None)
            if converts or not anchored:
                answer = None
            elif regex.endswith("$") and not regex.endswith("\\$"):
                regex = regex[:-1] + "\\Z"
            routes.append((re.compile(regex), answer))

    flatten(resolver.url_patterns, resolver.pattern.regex.pattern, False)
    last = max((index for index, (_, answer) in enumerate(routes) if answer is not None), default=-1)
    return tuple(routes[:last + 1])


def _has_cache_first(resolver: URLResolver) -> bool:
    return any(_has_cache_first(entry) if isinstance(entry, URLResolver)
               else hasattr(entry.callback, "cache_first_answer") for entry in resolver.url_patterns)


def conditional_response(request, *, etag: str, body: Any, public: bool) -> Response | HttpResponseNotModified:
    """200 with the body, or an empty 304 when If-None-Match already names this ETag.

    `public` bodies may be kept by shared caches for a minute; private ones must be revalidated.
    """
    response = HttpResponseNotModified() if _not_modified(request, etag) \
        else Response(body)
    return _with_cache_headers(response, etag, public)


def _with_cache_headers(response, etag: str, public: bool):
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL if public else PRIVATE_CACHE_CONTROL
    if response.has_header("Vary"):
        patch_vary_headers(response, VARY)
    else:  # what patch_vary_headers writes on a response without one, without parsing
        response["Vary"] = VARY_HEADER
    return response


def etag_matches(header: str, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    # Weak comparison, as If-None-Match asks: W/"x" matches "x".
    candidates = {part.strip().removeprefix("W/") for part in header.split(",")}
    return etag.removeprefix("W/") in candidates
