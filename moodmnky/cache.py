"""The caches: the database cache used when there is no Redis (made safe for rate-limit counters), the
Redis clients (prefix-scoped clear; the response cache fails open, see docs/reliability.md "Faults"),
one-round-trip counters and reads, and versioned entries (rendered bodies stamped with the version tokens
they were read under)."""

import base64
import functools
import hashlib
import logging
import os
import pickle
import threading
import uuid
import weakref
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django_redis.client import DefaultClient
from django_redis.compressors.identity import IdentityCompressor
from django_redis.exceptions import ConnectionInterrupted
from django_redis.serializers.pickle import PickleSerializer
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, RedisError, ResponseError


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


def redis_client_of(cache_obj):
    """The django-redis client behind a Django cache, None for the database or memory caches."""
    client = getattr(cache_obj, "client", None)
    return client if _kind_of(type(client), DefaultClient) else None


@functools.lru_cache(maxsize=32)
def _kind_of(kind: type, base: type) -> bool:
    """issubclass(kind, base), kept: django-redis's clients are typing Protocols, whose isinstance() goes through
    the ABC machinery on every call, and a cached read asks several times."""
    return issubclass(kind, base)


def counter_incr(cache_obj, key: str, timeout: int) -> int | None:
    """Add one to the counter `key`, created at 0 to live `timeout` seconds; its new value (None: unavailable).

    On Redis `SET NX EX` then `INCR` in one round trip (`counting`). Elsewhere add() then incr(), as django-ratelimit
    counts.
    """
    client = redis_client_of(cache_obj)
    if client is None:
        if cache_obj.add(key, 1, timeout):
            return 1
        try:
            return cache_obj.incr(key)
        except ValueError:  # expired between add() and incr()
            return None
    return round_trip(client.get_client(write=True), counting(client.make_key(key), timeout))[1]


def run_script(redis, source: str, keys: list, args: list):
    """Run a Lua script by its SHA1 (EVALSHA), loading it again when the server has forgotten it (restarted,
    flushed): one round trip (`round_trip`)."""
    return round_trip(redis, [evalsha(source, keys, args)], scripts=[source])[0]


def evalsha(source: str, keys: list, args: list) -> tuple:
    return ("EVALSHA", _sha1(source), len(keys), *keys, *args)


@functools.lru_cache(maxsize=16)
def _sha1(source: str) -> str:
    return hashlib.sha1(source.encode()).hexdigest()  # noqa: S324  (the name Redis gives a script, not a secret)


def round_trip(redis, commands: list[tuple], *, scripts: list[str] = ()) -> list:
    """The replies to `commands`, sent in one write on a connection this thread keeps (`_kept_connection`) and read
    back in order: one round trip. A script of `scripts` the server has forgotten is loaded and the commands sent
    again; an error reply is raised once every reply is read (the connection stays in step).

    Every cached read and every rate-limit count makes one, so its client-side cost is the hot path's: a check-out
    from redis-py's pool costs a poll of the socket, two lock round trips and the client's metrics, more CPU than
    the round trip itself. A connection that failed is dropped by redis-py and made again on its next use; a reset
    socket (Redis restarted since the last use) is tried once more, as redis-py's client would.
    """
    connection = _kept_connection(redis.connection_pool)
    try:
        replies = _send_and_read(connection, commands)
    except RedisConnectionError:
        replies = _send_and_read(connection, commands)  # on a new connection
    if any(isinstance(reply, NoScriptError) for reply in replies):
        for source in scripts:
            redis.script_load(source)
        replies = _send_and_read(connection, commands)
    error = next((reply for reply in replies if isinstance(reply, ResponseError)), None)
    if error is not None:
        raise error
    return replies


def _send_and_read(connection, commands: list[tuple]) -> list:
    connection.send_packed_command(connection.pack_commands(commands), check_health=False)
    replies = []
    for _ in commands:
        try:
            replies.append(connection.read_response())
        except ResponseError as error:  # read: the next reply follows it
            replies.append(error)
    return replies


class _KeptConnections(threading.local):
    """Per thread: one connection of each Redis pool, checked out once and kept (`round_trip`)."""

    def __init__(self):
        self.pid, self.connections = None, {}


class _Kept:
    """A thread's connection of one pool. When the thread ends its thread-local data goes, and with it this object,
    whose finalizer gives the connection back to the pool: threads that come and go do not use the pool up."""

    __slots__ = ("connection", "__weakref__")

    def __init__(self, pool):
        self.connection = pool.get_connection()
        weakref.finalize(self, pool.release, self.connection)


_kept = _KeptConnections()


def _kept_connection(pool):
    if _kept.pid != os.getpid():  # a forked process: its parent's sockets are not its own
        _kept.pid, _kept.connections = os.getpid(), {}
    kept = _kept.connections.get(pool)
    if kept is None:
        kept = _kept.connections[pool] = _Kept(pool)
    return kept.connection


def counting(counter: str, timeout: int) -> list[tuple]:
    """The commands that count one request in `counter` (made, prefixed key), created at 0 to live `timeout` seconds;
    the second reply is the count. They need no script to be safe: a counter's key names its window
    (django-ratelimit's key) and it is created to live past that window's end, so it cannot expire between them
    while its window is used. A script costs Redis three times what the two commands do."""
    return [("SET", counter, 0, "NX", "EX", timeout), ("INCR", counter)]


@dataclass(frozen=True)
class Count:
    """A rate-limit count to make in the same round trip as a read: the counters' cache, the counter's key and the
    seconds a new counter lives. moodmnky.api.ratelimit leaves one to a view that reads the cache first, and only
    when the counters and the response cache share one Redis (`same_redis`): one round trip counts and reads."""

    counters: object
    key: str
    timeout: int


def same_redis(cache_obj, other) -> bool:
    """Whether both caches are django-redis caches on one Redis server and database (one round trip reaches both)."""
    client, other_client = redis_client_of(cache_obj), redis_client_of(other)
    return client is not None and other_client is not None and client._server == other_client._server


# Counts (when ARGV[1] is not empty: SET NX EX then INCR of KEYS[1], as `counting` does), for _COUNT_AND_FOLLOW.
_COUNTED = """
local count = false
if ARGV[1] ~= '' then
  redis.call('SET', KEYS[1], 0, 'NX', 'EX', ARGV[1])
  count = redis.call('INCR', KEYS[1])
end
"""

# Follows a pointer key to the keys it names: KEYS[2] is the pointer, KEYS[3..] keys read as they are; ARGV[2..]
# holds (prefix, suffix) pairs around the pointer's value. Answers {count, the pointer's value, values...}.
_COUNT_AND_FOLLOW = _COUNTED + """
local target = redis.call('GET', KEYS[2])
local values = {false}
if target then
  local keys = {}
  for i = 2, #ARGV, 2 do keys[#keys + 1] = ARGV[i] .. target .. ARGV[i + 1] end
  for i = 3, #KEYS do keys[#keys + 1] = KEYS[i] end
  values = redis.call('MGET', unpack(keys))
  table.insert(values, 1, target)
end
table.insert(values, 1, count)
return values
"""


def _counted_script(client, source: str, count: Count | None, keys: list, args: list) -> tuple[int | None, list]:
    """(the count, the script's other values): the response cache's `client` runs `source` with the counter first."""
    _stale_cleared(client)
    counter = redis_client_of(count.counters).make_key(count.key) if count else "-"
    raw = run_script(client.get_client(write=count is not None), source, [counter, *keys],
                     [count.timeout if count else "", *args])
    return raw[0], raw[1:]


def _stale_cleared(client):
    """`client`, about to be read past its own methods: the fail-open client first clears the entries a delete
    that failed during an outage left behind, as each of its own calls does."""
    if _kind_of(type(client), FailOpenRedisClient):
        client._clear_if_stale()
    return client


def get_many_counted(cache_obj, keys: list[str], count: Count | None) -> tuple[int | None, dict]:
    """(the count, cache_obj.get_many(keys)): one round trip when there is a count (`counting` and an `MGET`,
    pipelined); a miss and no count while Redis is down."""
    if count is None:
        return None, cache_obj.get_many(keys)
    client = _stale_cleared(redis_client_of(cache_obj))
    counter = redis_client_of(count.counters).make_key(count.key)
    try:
        _, counted, values = round_trip(client.get_client(write=True), [
            *counting(counter, count.timeout), ("MGET", *(client.make_key(key) for key in keys))])
    except REDIS_ERRORS as exc:  # fail open: a miss, and nothing counted
        logger.warning("Cache unavailable, a read served without it: %s", exc)
        return None, {}
    return counted, {key: _decoded(client, value) for key, value in zip(keys, values, strict=True) if value is not None}


def _decoded(client, value: bytes):
    """client.decode(value) for the hot read: a pickle (what the default serializer and the identity compressor
    store for anything but an int) is unpickled at once; django-redis first tries int(value) and catches the
    ValueError, which costs more than the unpickling. Anything else takes django-redis's own way."""
    if value[:1] == b"\x80" and _plain_pickles(client):
        return pickle.loads(value)  # noqa: S301  (our own cache's entries, as django-redis itself unpickles them)
    return client.decode(value)


def _plain_pickles(client) -> bool:
    return type(client._serializer) is PickleSerializer and type(client._compressor) is IdentityCompressor


def get_following(cache_obj, pointer: str, templates: list[str], keys: list[str],
                  count: Count | None = None) -> tuple[int | None, object, dict]:
    """(the count, the pointer's value, {key: value}) for `keys` and each template ("...{}...") filled with that value.

    One round trip on Redis (a script, which makes `count` too); two reads on other caches. Missing keys are absent
    from the dict; while Redis is down, a miss (nothing counted).
    """
    client = redis_client_of(cache_obj)
    if client is None:  # (and no count: see Count)
        target = cache_obj.get(pointer)
        if target is None:
            return None, None, {}
        return None, target, cache_obj.get_many([template.format(target) for template in templates] + keys)
    split = [str(client.make_key(template.replace("{}", "\0"))).split("\0") for template in templates]
    made = [client.make_key(key) for key in [pointer, *keys]]
    try:
        counted, raw = _counted_script(client, _COUNT_AND_FOLLOW, count, made,
                                       [part for pair in split for part in pair])
    except REDIS_ERRORS as exc:  # fail open like the response cache's client: a miss
        logger.warning("Cache unavailable, a read served without it: %s", exc)
        return None, None, {}
    if raw[0] is None:
        return counted, None, {}
    target = client.decode(raw[0])
    names = [template.format(target) for template in templates] + keys
    return counted, target, {name: _decoded(client, value) for name, value in zip(names, raw[1:], strict=True)
                             if value is not None}


@dataclass(frozen=True)
class Entry:
    etag: str
    content_type: str
    body: bytes | None  # None when only the ETag was read
    subject: str = ""  # what the body is about (e.g. a product's slug), for lookups through a pointer


class RecentBodies:
    """Rendered bodies by their strong ETag, kept in this process: at most `limit` bytes, the least recently used
    dropped first. An ETag names its bytes (http_cache.etag_of_bytes), so a body kept here never goes stale; which
    ETag is current is read from the cache on every request (the small `:etag` entry), and the body crosses the
    network only when this process has not seen it yet."""

    def __init__(self, limit: int):
        self.limit, self.size = limit, 0
        self.bodies: OrderedDict[str, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, etag: str) -> bytes | None:
        with self.lock:
            body = self.bodies.get(etag)
            if body is not None:
                self.bodies.move_to_end(etag)
            return body

    def put(self, etag: str, body: bytes) -> None:
        if len(body) > self.limit:
            return
        with self.lock:
            if etag in self.bodies:
                self.bodies.move_to_end(etag)
                return
            self.bodies[etag] = body
            self.size += len(body)
            while self.size > self.limit:
                self.size -= len(self.bodies.popitem(last=False)[1])


recent_bodies = RecentBodies(settings.RECENT_BODIES_BYTES)


@dataclass(frozen=True)
class CachedRead:
    """What one cache call found for a read: where its entry lives, the tokens it must carry, the current entry's
    ETag (its body is fetched by `full_entry` only when it is needed)."""

    key: str | None  # None: this read is not stored
    versions: tuple = ()
    entry: Entry | None = None  # without its body
    count: int | None = None  # the rate-limit count made in the same round trip, when one was asked for

    def full_entry(self) -> Entry | None:
        """The entry with its body: kept in this process by its ETag (`recent_bodies`), else read now."""
        body = recent_bodies.get(self.entry.etag) if self.entry else None
        if body is not None:
            return Entry(self.entry.etag, self.entry.content_type, body, self.entry.subject)
        stored = cache.get(self.key) if self.key else None
        if not stored or stored[0] != self.versions:
            return None
        entry = Entry(*stored[1:])
        recent_bodies.put(entry.etag, entry.body)
        return entry


def etag_key(key: str) -> str:
    return f"{key}:etag"


def versioned_read(token_keys: list[str], key: str, *, found: dict | None = None, count: Count | None = None,
                   counted: int | None = None) -> CachedRead:
    """The tokens and the current `:etag` entry of `key` in one get_many, which makes `count` too
    (get_many_counted).

    `found` is what the caller already read (token keys and the `:etag` key included), `counted` the count it made.
    Missing tokens are created (the first writer wins), and then nothing stored can be current.
    """
    wanted = etag_key(key)
    if found is None:
        counted, found = get_many_counted(cache, [*token_keys, wanted], count)
    versions = tuple(found.get(name) for name in token_keys)
    if None in versions:
        return CachedRead(key, tuple(_created_tokens(token_keys, found)), count=counted)
    stored = found.get(wanted)
    entry = Entry(*stored[1:]) if stored and stored[0] == versions else None
    return CachedRead(key, versions, entry, counted)


def _created_tokens(token_keys: list[str], found: dict) -> list[str]:
    tokens = []
    for name in token_keys:
        token = found.get(name)
        if token is None:
            cache.add(name, uuid.uuid4().hex, None)
            token = cache.get(name) or uuid.uuid4().hex
        tokens.append(token)
    return tokens
