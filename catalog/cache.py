"""Catalog cache keys and their invalidation: version tokens that every catalog write replaces."""

import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

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


def _product_version_key(product_id: int) -> str:
    return f"catalog:v:product:{product_id}"


def _slug_key(slug: str) -> str:
    return f"catalog:slug:{hashlib.sha256(slug.encode()).hexdigest()}"


def _tokens(keys: list[str]) -> list[str]:
    """The current token of each version key, creating missing ones (the first writer wins)."""
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex, None)
            token = cache.get(key) or uuid.uuid4().hex
        tokens.append(token)
    return tokens


def list_key(representation: str, base_url: str, params: list[tuple[str, str]]) -> str:
    (version,) = _tokens([LIST_VERSION_KEYS[representation]])
    raw = json.dumps([representation, base_url, sorted(params)])
    return f"catalog:list:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def product_key(product_id: int, representation: str, base_url: str) -> str:
    version, taxonomy = _tokens([_product_version_key(product_id), TAXONOMY_VERSION_KEY])
    base = hashlib.sha256(base_url.encode()).hexdigest()[:12]
    return f"catalog:product:{product_id}:{version}:{taxonomy}:{representation}:{base}"


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
