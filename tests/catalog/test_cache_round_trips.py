"""A cached product read costs one Redis round trip (the rate-limit count, the tokens and the entry in one write)
on the cache-first path, at most two on DRF's (the count, then tokens + body), and no query."""

import os
from contextlib import contextmanager

import pytest
from redis.connection import AbstractConnection

from tests.catalog.factories import VariantFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL) to count its round trips"),
]


@contextmanager
def redis_round_trips():
    """Every write of commands to a Redis socket: one per round trip (a pipeline or script is written once)."""
    sent: list[list] = []
    original = AbstractConnection.send_packed_command

    def counting(connection, command, check_health=True):
        sent.append(command)
        return original(connection, command, check_health)

    AbstractConnection.send_packed_command = counting
    try:
        yield sent
    finally:
        AbstractConnection.send_packed_command = original


def written(sent: list) -> list[bytes]:
    """The bytes of each socket write `redis_round_trips` saw."""
    return [b"".join(bytes(part) for part in command) if isinstance(command, list) else bytes(command)
            for command in sent]


@pytest.mark.parametrize("lookup", ["list", "id", "slug"])
@pytest.mark.parametrize("revalidate", [False, True], ids=["200", "304"])
@pytest.mark.parametrize("accept", ["", "application/json, */*;q=0.8"], ids=["cache-first", "through-drf"])
def test_a_cached_hit_costs_one_round_trip_and_no_query(api_client, django_assert_num_queries, lookup, revalidate,
                                                        accept):
    product = VariantFactory().product
    url = {"list": "/api/v1/products/?limit=5", "id": f"/api/v1/products/{product.pk}/",
           "slug": f"/api/v1/products/{product.slug}/"}[lookup]
    warm = api_client.get(url)
    api_client.get(url)  # a slug's pointer is remembered by the first read, its body stored by the second
    headers = {"HTTP_IF_NONE_MATCH": warm["ETag"]} if revalidate else {}
    if accept:  # not a plain Accept: DRF's path (tests/catalog/test_fast_reads.py)
        headers["HTTP_ACCEPT"] = accept

    with redis_round_trips() as sent, django_assert_num_queries(0):
        hit = api_client.get(url, **headers)

    assert hit.status_code == (304 if revalidate else 200)
    assert hit.content == (b"" if revalidate else warm.content)
    assert hit["ETag"] == warm["ETag"] and hit["X-RateLimit-Limit"]
    assert len(sent) == (2 if accept else 1), sent


@pytest.mark.parametrize("lookup", ["list", "id"])
def test_a_cache_first_miss_reads_the_cache_once_then_stores(api_client, lookup):
    """A miss on the cache-first path hands its read (count, tokens, no entry) to the view, which does not read
    the tokens again: one read of the cache, then the store of the body and its ETag."""
    product = VariantFactory().product
    url = {"list": "/api/v1/products/?limit=5", "id": f"/api/v1/products/{product.pk}/"}[lookup]
    api_client.get(url, HTTP_ACCEPT="application/json; indent=4")  # creates the tokens, stores no entry

    with redis_round_trips() as sent:
        miss = api_client.get(url)

    assert miss.status_code == 200 and miss["X-RateLimit-Limit"]
    writes = written(sent)
    names = [write.split(b"\r\n")[2] for write in writes]
    # The count and the read in one write (SET NX EX, INCR, MGET), never a second read; then the store (set_many; a
    # detail may also remember its slug's pointer, a SET).
    assert b"INCR" in writes[0] and b"MGET" in writes[0] and names[-1] == b"MULTI", names
    assert not any(b"MGET" in write or b"EVALSHA" in write for write in writes[1:]), writes
    assert api_client.get(url).content == miss.content  # what it stored is served


@pytest.mark.parametrize("lookup", ["list", "id"])
def test_a_hit_reads_the_small_etag_entry_and_takes_the_body_this_process_keeps(api_client, lookup):
    """The round trip of a hit reads which ETag is current, never the page; the body crosses the network only when
    this process does not hold it yet (another worker stored it), and then once."""
    from moodmnky.cache import recent_bodies

    product = VariantFactory().product
    url = {"list": "/api/v1/products/?limit=5", "id": f"/api/v1/products/{product.pk}/"}[lookup]
    stored = api_client.get(url)
    recent_bodies.bodies.pop(stored["ETag"])  # as if another worker had stored it

    with redis_round_trips() as first:
        fetched = api_client.get(url)
    with redis_round_trips() as second:
        kept = api_client.get(url)

    assert fetched.content == kept.content == stored.content and fetched["ETag"] == kept["ETag"] == stored["ETag"]
    assert len(first) == 2 and len(second) == 1, (first, second)  # the body once, then never again
    read = b"".join(bytes(part) for part in second[0])
    assert b"MGET" in read and b":etag" in read and read.count(b"catalog:") == 2 + (lookup == "id"), read


def test_counters_on_another_redis_cost_a_round_trip_of_their_own_and_count_the_same(api_client, settings):
    """RATELIMIT_REDIS_URL naming another server: the count cannot join the read, it is made on its own first."""
    product = VariantFactory().product
    url = f"/api/v1/products/{product.pk}/"
    other = {**settings.CACHES["ratelimit"]}
    other["LOCATION"] = other["LOCATION"].replace("127.0.0.1", "localhost")  # another server as far as we know
    settings.CACHES = {**settings.CACHES, "ratelimit": other}
    warm = [api_client.get(url), api_client.get(url)]

    with redis_round_trips() as sent:
        hit = api_client.get(url)

    assert hit.content == warm[1].content
    assert int(warm[0]["X-RateLimit-Remaining"]) - int(hit["X-RateLimit-Remaining"]) == 2  # every request counted
    assert len(sent) == 2, sent


@pytest.mark.parametrize("lookup", ["list", "slug"])
def test_the_one_round_trip_hit_counts_and_limits_like_the_middleware(api_client, settings, lookup):
    """The count made in the read is the middleware's: the same counter, the same headers, and a 429 with no body
    once over the limit, the same 429 as an uncached URL gets."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous": "4/h"}
    product = VariantFactory().product
    url = {"list": "/api/v1/products/?limit=5", "slug": f"/api/v1/products/{product.slug}/"}[lookup]
    answers = [api_client.get(url) for _ in range(5)]  # a slug: a miss, a miss that stores, two hits, over
    elsewhere = api_client.get("/api/v1/categories/")

    assert [response.status_code for response in answers] == [200, 200, 200, 200, 429]
    assert [response["X-RateLimit-Remaining"] for response in answers] == ["3", "2", "1", "0", "0"]
    assert answers[3].content == answers[1].content
    assert answers[4].json()["error"]["code"] == elsewhere.json()["error"]["code"] == "rate_limited"
    assert sorted(name for name, _ in answers[4].items()) == sorted(name for name, _ in elsewhere.items())
    assert "ETag" not in answers[4] and int(answers[4]["Retry-After"]) > 0


def test_the_counter_round_trip_counts_like_django_ratelimit(api_client, settings):
    """The one-trip counter and get_usage read one key: the count goes on, the window's expiry is kept."""
    from django.core.cache import caches
    from django_ratelimit.core import get_usage

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous": "3/h"}
    statuses = [api_client.get("/api/v1/categories/").status_code for _ in range(4)]
    usage = get_usage(_request(), group="api:anonymous",
                      key=lambda group, request: "ip:127.0.0.1", rate="3/h", increment=False)
    keys = caches["ratelimit"].keys("*")

    assert statuses == [200, 200, 200, 429]
    assert usage["count"] == 4
    assert keys and all(0 < caches["ratelimit"].ttl(key) <= 3600 + 60 for key in keys)


def test_the_slug_read_script_is_sent_again_when_redis_does_not_know_it(api_client):
    """A product read by slug follows the slug's pointer in a script run by its SHA (EVALSHA); a server that lost
    it (restarted, flushed) answers NOSCRIPT, and the script is loaded and run again: the same answer, counted."""
    from django.core.cache import caches

    from moodmnky.cache import redis_client_of

    url = f"/api/v1/products/{VariantFactory().product.slug}/"
    expected = api_client.get(url).json()  # the pointer is remembered and the script known to the server now
    redis_client_of(caches["default"]).get_client(write=True).script_flush()  # ... and forgotten

    with redis_round_trips() as sent:
        first = api_client.get(url)
    second = api_client.get(url)

    assert first.status_code == second.status_code == 200 and first.json() == second.json() == expected
    refused, loaded, again = written(sent)[:3]
    assert b"EVALSHA" in refused and b"SCRIPT" in loaded and b"LOAD" in loaded and b"EVALSHA" in again
    assert int(first["X-RateLimit-Remaining"]) == int(second["X-RateLimit-Remaining"]) + 1


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/api/v1/categories/")
