"""moodmnky.cache.round_trip on a real Redis: scripts the server forgot are loaded again, an error reply leaves the
kept connection in step, a connection the server closed is made again (and counts once), one kept connection per
thread and per process, and get_many_counted counts once and reads what get_many reads."""

import os
import threading

import pytest
import redis as redis_py
from django.conf import settings
from django.core.cache import caches
from redis.exceptions import ResponseError

import moodmnky.cache
from moodmnky.cache import Count, _sha1, get_many_counted, redis_client_of, round_trip, run_script

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL) for its round trips"),
]

ECHO = "return ARGV[1] .. '!'"
_COUNT = "redis.call('SET', KEYS[1], 0, 'NX', 'EX', ARGV[1])\nreturn redis.call('INCR', KEYS[1])"  # a counting script


@pytest.fixture
def redis():
    """The response cache's own redis-py client (round_trip keeps one connection of its pool per thread)."""
    return redis_client_of(caches["default"]).get_client(write=True)


@pytest.fixture
def other():
    """Another client on the same Redis database, on a connection of its own (the server's view of things)."""
    client = redis_py.Redis.from_url(settings.REDIS_URL)
    yield client
    client.close()


def key(name: str) -> str:
    return caches["default"].make_key(f"round-trip:{name}")  # under the cache's prefix: cleared between tests


def client_id(redis) -> int:
    return round_trip(redis, [("CLIENT", "ID")])[0]


def test_a_script_the_server_forgot_is_loaded_again_and_runs_once(redis, other):
    counter = key("count")
    assert run_script(redis, _COUNT, [counter], [60]) == 1
    other.script_flush()
    assert other.script_exists(_sha1(_COUNT)) == [False]

    assert run_script(redis, _COUNT, [counter], [60]) == 2
    assert other.get(counter) == b"2"  # the EVALSHA the server refused did not count
    assert other.script_exists(_sha1(_COUNT)) == [True]


def test_every_forgotten_script_of_a_pipeline_is_loaded_and_every_reply_is_the_new_one(redis, other):
    counter, plain = key("count"), key("plain")
    other.set(plain, "kept")
    round_trip(redis, [moodmnky.cache.evalsha(ECHO, [], ["warm"])], scripts=[ECHO])
    other.script_flush()

    replies = round_trip(redis, [moodmnky.cache.evalsha(_COUNT, [counter], [60]), ("GET", plain),
                                 moodmnky.cache.evalsha(ECHO, [], ["hi"])], scripts=[_COUNT, ECHO])

    assert replies == [1, b"kept", b"hi!"]
    assert other.get(counter) == b"1"


def test_an_error_reply_mid_pipeline_raises_and_the_kept_connection_stays_in_step(redis, other):
    first, text, last = key("first"), key("text"), key("last")
    other.mset({first: "1", text: "not a number", last: "2"})
    kept = client_id(redis)

    with pytest.raises(ResponseError, match="not an integer"):
        round_trip(redis, [("GET", first), ("INCR", text), ("GET", last)])

    assert round_trip(redis, [("GET", last), ("GET", first)]) == [b"2", b"1"]  # its own replies, not leftovers
    assert round_trip(redis, [("ECHO", "next")]) == [b"next"]
    assert client_id(redis) == kept  # the same connection, not one made again
    assert other.get(text) == b"not a number"


def test_a_pipeline_of_two_errors_raises_the_first_and_reads_both(redis, other):
    text = key("text")
    other.set(text, "x")

    with pytest.raises(ResponseError, match="not an integer"):
        round_trip(redis, [("INCR", text), ("HGET", text, "field")])  # the second: WRONGTYPE

    assert round_trip(redis, [("ECHO", "after")]) == [b"after"]


@pytest.mark.parametrize("call", ["run_script", "get_many_counted"])
def test_after_the_server_closes_the_kept_connection_the_next_call_reconnects_and_counts_once(redis, other, call):
    counters = caches["ratelimit"]
    counter = redis_client_of(counters).make_key("round-trip:count")
    kept = client_id(redis)
    assert other.client_kill_filter(_id=kept) == 1

    if call == "run_script":
        counted = run_script(redis, _COUNT, [counter], [60])
    else:
        counted, _ = get_many_counted(caches["default"], ["anything"], Count(counters, "round-trip:count", 60))

    assert counted == 1
    assert other.get(counter) == b"1"
    assert client_id(redis) not in (kept, None)


def test_each_thread_keeps_a_connection_of_its_own(redis):
    seen: dict[str, list[int]] = {}
    together = threading.Barrier(2)

    def work(name: str) -> None:
        seen[name] = [client_id(redis), client_id(redis)]
        if name != "main":
            together.wait(timeout=10)  # both threads alive at once (an ended thread gives its connection back)

    work("main")  # the main thread's connection, held while the threads run
    threads = [threading.Thread(target=work, args=(f"thread-{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(first == second for first, second in seen.values()), seen  # kept, not checked out per call
    assert len({ids[0] for ids in seen.values()}) == 3, seen


def test_a_thread_that_ends_gives_its_connection_back_to_the_pool(redis):
    """Threads that come and go (a thread per request, a test's workers) must not use the pool up: more threads
    than the pool's limit, one after the other, each reuse a connection an ended thread gave back."""
    pool = redis.connection_pool
    ids, errors = set(), []

    def work() -> None:
        try:
            ids.add(client_id(redis))
        except Exception as error:  # noqa: BLE001  (collected, asserted below)
            errors.append(error)

    for _ in range(pool.max_connections + 20):
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()

    assert errors == []
    assert len(ids) <= 2, ids  # the connection an ended thread gave back is the next thread's


def test_a_forked_process_makes_its_own_connection_and_leaves_its_parents_alone(redis):
    parent = client_id(redis)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its parent's socket is not its own
        try:
            os.write(write, str(client_id(redis)).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = int(os.read(read, 64) or 0)
    os.close(read)

    assert child and child != parent
    assert client_id(redis) == parent  # the parent's kept connection still answers, in step


def test_get_many_counted_counts_once_per_call_and_reads_what_get_many_reads():
    cache, counters = caches["default"], caches["ratelimit"]
    cache.set_many({"present": {"a": [1, 2]}, "number": 7, "text": "é"}, 60)
    keys = ["present", "missing", "number", "text"]
    count = Count(counters, "round-trip:count", 60)

    calls = [get_many_counted(cache, keys, count) for _ in range(3)]

    assert [counted for counted, _ in calls] == [1, 2, 3]
    assert all(found == cache.get_many(keys) == {"present": {"a": [1, 2]}, "number": 7, "text": "é"}
               for _, found in calls)
    assert counters.get("round-trip:count") == 3
    assert 0 < counters.ttl("round-trip:count") <= 60
    assert get_many_counted(cache, keys, None) == (None, cache.get_many(keys))
    assert counters.get("round-trip:count") == 3  # no count asked: none made
