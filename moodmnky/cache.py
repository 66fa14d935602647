"""The caches: the database cache used when there is no Redis (made safe for rate-limit counters), and the
Redis clients (prefix-scoped clear; the response cache fails open, see docs/reliability.md "Faults")."""

import base64
import functools
import logging
import pickle
import threading

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError


class AtomicDatabaseCache(DatabaseCache):
    """DatabaseCache whose incr() is atomic and keeps the entry's expiry.

    Django's incr() is a get followed by a set: two workers can both read 5 and write 6, and the
    set replaces the counter's expiry with the default timeout. django-ratelimit counts with
    incr(), so here the row is locked (FOR UPDATE; SQLite serialises writers in its IMMEDIATE
    transactions) and only its value is rewritten.
    """

    def incr(self, key, delta=1, version=None):
        db_key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column, value_column = quote(self._table), quote("cache_key"), quote("value")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db):
            with connection.cursor() as cursor:
                # Identifiers are quoted names from settings; the key travels as a parameter.
                cursor.execute(f"SELECT {key_column} FROM {table} WHERE {key_column} = %s{lock}",  # noqa: S608
                               [db_key])
            value = self.get(key, self._missing_key, version=version)
            if value is self._missing_key:
                raise ValueError(f"Key '{key}' not found")
            new_value = value + delta
            pickled = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            with connection.cursor() as cursor:
                cursor.execute(f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                               [pickled, db_key])
        return new_value


class CounterDatabaseCache(AtomicDatabaseCache):
    """The rate-limit counters' table: past MAX_ENTRIES it deletes expired rows only, never a live counter.

    Django's database cache culls a third of its rows (live ones included) once it holds
    MAX_ENTRIES, which would reset the counters of whichever clients it picked.
    """

    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        table, expires = connection.ops.quote_name(self._table), connection.ops.quote_name("expires")
        cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s",  # noqa: S608  (quoted names from settings)
                       [connection.ops.adapt_datetimefield_value(now)])


logger = logging.getLogger("moodmnky.cache")
REDIS_ERRORS = (ConnectionInterrupted, RedisError, OSError)


class PrefixScopedRedisClient(DefaultClient):
    """django-redis client whose clear() deletes this cache's own keys (its KEY_PREFIX), not the whole
    Redis database: clearing the product cache must never reset the rate-limit counters beside it."""

    def clear(self, client=None) -> None:
        self.delete_pattern("*", client=client)


# Caches (by server and key prefix) whose delete failed in this process: cleared when Redis answers again.
_stale: set[tuple] = set()
_stale_lock = threading.Lock()


def _fail_open(fallback, *, forgets: bool = False):
    """Run the client method; while Redis is unreachable return `fallback()` instead of raising."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                self._clear_if_stale()
                return method(self, *args, **kwargs)
            except REDIS_ERRORS as exc:
                logger.warning("Cache unavailable, %s served without it: %s", method.__name__, exc)
                if forgets:  # an entry we were told to forget may still be there when Redis comes back
                    with _stale_lock:
                        _stale.add(self._identity)
                return fallback()
        return wrapper
    return decorator


class FailOpenRedisClient(PrefixScopedRedisClient):
    """The response cache's client (docs/reliability.md "Faults"): while Redis is unreachable every read
    is a miss and every write is dropped, so the API serves from the database instead of failing.

    A delete that failed (a write invalidating cached bodies during the outage) would leave a stale
    entry behind if the same Redis comes back with its data (a network cut, a restart with
    persistence), so the first call that reaches Redis again clears this cache's keys first.
    """

    @property
    def _identity(self) -> tuple:
        return (tuple(self._server), self._backend.key_prefix)

    def _clear_if_stale(self) -> None:
        if self._identity in _stale:
            with _stale_lock:
                if self._identity in _stale:
                    self.clear()
                    _stale.discard(self._identity)
                    logger.warning("Cache back: cleared the entries written before the outage")

    def get(self, key, default=None, version=None, client=None):
        return _fail_open(lambda: default)(PrefixScopedRedisClient.get)(self, key, default, version, client)

    get_many = _fail_open(dict)(PrefixScopedRedisClient.get_many)
    add = _fail_open(lambda: False)(PrefixScopedRedisClient.add)
    set = _fail_open(lambda: False)(PrefixScopedRedisClient.set)
    set_many = _fail_open(list)(PrefixScopedRedisClient.set_many)
    delete = _fail_open(lambda: 0, forgets=True)(PrefixScopedRedisClient.delete)
    delete_many = _fail_open(lambda: 0, forgets=True)(PrefixScopedRedisClient.delete_many)
