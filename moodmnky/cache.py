"""The database cache used when there is no Redis, made safe for rate-limit counters."""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


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


try:
    from django_redis.client import DefaultClient
except ImportError:  # django-redis is pinned; this keeps the module importable without it
    DefaultClient = object


class PrefixScopedRedisClient(DefaultClient):
    """django-redis client whose clear() deletes this cache's own keys (its KEY_PREFIX), not the whole
    Redis database: clearing the product cache must never reset the rate-limit counters beside it."""

    def clear(self, client=None) -> None:
        self.delete_pattern("*", client=client)
