"""Catalog cache keys and their invalidation: version tokens that every catalog write replaces."""

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

from moodmnky.cache import CachedRead, Count, etag_key, get_following, versioned_read
from moodmnky.lookups import is_id

CACHE_TIMEOUT = 60 * 10
LIST_VERSION_KEYS = {"public": "catalog:v:list:public", "admin": "catalog:v:list:admin"}
TAXONOMY_VERSION_KEY = "catalog:v:taxonomy"
_collected: ContextVar[set[str] | None] = ContextVar("catalog_cache_collected", default=None)
# Lists are cached under a version token per representation (public, admin); a stock change replaces
# the public one only when a variant's `in_stock` flips, the only stock fact shoppers see. A product's
# detail is cached under its own token plus a taxonomy token (category and collection names appear in
# every product). Invalidation replaces tokens, so stale entries are never read again and expire.
# Tokens are replaced at once and again when the transaction commits: a reader that filled the cache
# from not-yet-committed state in between is therefore never served afterwards.


def _product_version_key(product_id: int | str) -> str:
    return f"catalog:v:product:{product_id}"


def _slug_key(slug: str) -> str:
    return f"catalog:slug:{hashlib.sha256(slug.encode()).hexdigest()}"


def list_read(representation: str, base_url: str, params: tuple[tuple[str, tuple[str, ...]], ...], *,
              count: Count | None = None) -> CachedRead:
    """The cached list page's ETag for this query and the tokens it must carry: one cache call, which makes `count`
    too (moodmnky.cache.get_many_counted); the body comes with `full_entry()`."""
    raw = json.dumps([representation, base_url, sorted(params)])
    key = f"catalog:list:{representation}:{hashlib.sha256(raw.encode()).hexdigest()}"
    return versioned_read([LIST_VERSION_KEYS[representation]], key, count=count)


def product_read(lookup: str, representation: str, base_url: str, *,
                 count: Count | None = None) -> tuple[int | None, CachedRead]:
    """(product id, cached detail read) for an id or slug: one cache call (a slug's pointer is followed in it), which
    makes `count` too.

    An unknown slug has no id yet (None) and nothing is stored for it until its pointer is remembered.
    """
    base = hashlib.sha256(base_url.encode()).hexdigest()[:12]
    entry = f"catalog:product:{{}}:{representation}:{base}"
    if is_id(lookup):
        product_id = int(lookup)
        return product_id, versioned_read([_product_version_key(product_id), TAXONOMY_VERSION_KEY],
                                          entry.format(product_id), count=count)
    counted, product_id, found = get_following(cache, _slug_key(lookup), [_product_version_key("{}"), etag_key(entry)],
                                               [TAXONOMY_VERSION_KEY], count)
    if product_id is None:
        return None, CachedRead(None, count=counted)
    return product_id, versioned_read([_product_version_key(product_id), TAXONOMY_VERSION_KEY],
                                      entry.format(product_id), found=found, counted=counted)


def slug_to_id(slug: str) -> int | None:
    return cache.get(_slug_key(slug))


def remember_slug(slug: str, product_id: int) -> None:
    cache.set(_slug_key(slug), product_id, CACHE_TIMEOUT)


def invalidate_products(product_ids, *, slugs=(), public_lists: bool = True) -> None:
    """Forget the cached detail of these products and the cached lists, now and again on commit.

    `public_lists=False` keeps the shoppers' list pages (a stock change that flips no `in_stock`).
    """
    lists = LIST_VERSION_KEYS.values() if public_lists else [LIST_VERSION_KEYS["admin"]]
    keys = [*lists, *(_product_version_key(pk) for pk in set(product_ids)),
            *(_slug_key(slug) for slug in set(slugs))]
    _forget(keys)


def invalidate_taxonomy() -> None:
    """A category or collection changed: every product embeds their names."""
    _forget([*LIST_VERSION_KEYS.values(), TAXONOMY_VERSION_KEY])


@contextmanager
def invalidations_collected() -> Iterator[None]:
    """Inside this block invalidations are gathered and applied once at its end (bulk writes).

    Nothing is forgotten when the block raises: its transaction rolls back, nothing changed.
    """
    if _collected.get() is not None:
        yield
        return
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield
    finally:
        _collected.reset(token)
    if keys:
        _forget(sorted(keys))


def _forget(keys: list[str]) -> None:
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
