"""Abuse cases of the rate limits: stolen-looking tokens, brute force from one and from many addresses,
forged proxy headers, and counters that must never be evicted."""

import multiprocessing
import os

import pytest
from django.core.cache import caches
from django.test import Client

from moodmnky.tokens import tokens_for
from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]
URL = "/api/v1/_test/admin/"
LOGIN = "/api/v1/auth/login/"


@pytest.fixture
def low_limits(settings):
    settings.RATE_LIMITS = {"anonymous": "3/h", "customer": "4/h", "admin": "5/h", "auth": "6/h"}
    return settings.RATE_LIMITS


def bearer(customer) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {tokens_for(customer)['access_token']}"}


def login(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"email": email, "password": password}, content_type="application/json", **extra)


def test_a_deactivated_users_token_counts_against_the_ip(low_limits):
    customer = CustomerFactory()
    headers = bearer(customer)
    customer.is_active = False
    customer.save(update_fields=["is_active"])

    responses = [Client().get(URL, **headers) for _ in range(4)]

    assert [r["X-RateLimit-Limit"] for r in responses] == ["3"] * 4
    assert [r.status_code for r in responses] == [401, 401, 401, 429]


def test_a_token_of_an_ended_session_counts_against_the_ip(low_limits):
    from customers.services import customer_change_password

    customer = CustomerFactory()
    headers = bearer(customer)
    customer_change_password(customer=customer, current_password=PASSWORD, new_password="a-new-passphrase-42")

    response = Client().get(URL, **headers)

    assert response.status_code == 401
    assert response["X-RateLimit-Limit"] == "3"


def test_a_valid_customer_token_still_gets_the_customer_tier(low_limits):
    response = Client().get("/api/v1/_test/me/", **bearer(CustomerFactory()))

    assert response.status_code == 200
    assert response["X-RateLimit-Limit"] == "4"


def test_auth_endpoints_count_per_ip_whatever_credentials_are_sent(low_limits, make_admin_client):
    customer = CustomerFactory()
    key = make_admin_client("orders:read").raw_key
    client = Client()

    statuses = [login(client, customer.email, "wrong", **bearer(customer)).status_code for _ in range(3)]
    statuses += [login(client, customer.email, "wrong", HTTP_X_API_KEY=key).status_code for _ in range(3)]
    last = login(client, "someone@example.com", "wrong", **bearer(customer))

    assert statuses == [401] * 6
    assert last.status_code == 429 and last["X-RateLimit-Limit"] == "6"
    assert last.json()["error"]["code"] == "rate_limited" and int(last["Retry-After"]) > 0
    assert Client(REMOTE_ADDR="192.0.2.77").get(URL)["X-RateLimit-Remaining"] == "2"  # other IPs unaffected


def test_register_refresh_and_password_reset_share_the_auth_limit(low_limits):
    client = Client()
    paths = ["/api/v1/auth/register/", "/api/v1/auth/refresh/", "/api/v1/auth/password-reset/",
             "/api/v1/auth/password-reset/confirm/", "/api/v1/auth/logout/", LOGIN]

    responses = [client.post(path, {}, content_type="application/json") for path in paths]
    over = client.post("/api/v1/auth/password-reset/", {"email": "a@example.com"}, content_type="application/json")

    assert [r["X-RateLimit-Limit"] for r in responses] == ["6"] * 6
    assert over.status_code == 429


def test_brute_force_from_one_address_is_stopped(low_limits):
    customer = CustomerFactory()
    client = Client()

    statuses = [login(client, customer.email, f"guess-{n}").status_code for n in range(7)]

    assert statuses == [401] * 6 + [429]


def test_brute_force_from_many_addresses_locks_the_account_not_the_others(settings):
    settings.LOGIN_FAILURE_LIMIT = "3/15m"
    victim, bystander = CustomerFactory(), CustomerFactory()

    guesses = [login(Client(REMOTE_ADDR=f"198.51.100.{n}"), victim.email.upper(), f"guess-{n}").status_code
               for n in range(3)]
    locked = login(Client(REMOTE_ADDR="198.51.100.200"), victim.email)  # even the right password waits
    other = login(Client(REMOTE_ADDR="198.51.100.201"), bystander.email)

    assert guesses == [401, 401, 401]
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "rate_limited"
    assert 0 < int(locked["Retry-After"]) <= 15 * 60
    assert other.status_code == 200


def test_successful_logins_do_not_count_as_failures(settings):
    settings.LOGIN_FAILURE_LIMIT = "2/15m"
    customer = CustomerFactory()

    statuses = [login(Client(), customer.email).status_code for _ in range(4)]

    assert statuses == [200] * 4


def test_forged_forwarded_for_entries_are_ignored_behind_a_proxy(low_limits, settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client(REMOTE_ADDR="10.0.0.1")  # the proxy

    forged = [client.get(URL, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.9").status_code for n in range(4)]
    other_client = client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.10")

    assert forged == [401, 401, 401, 429]  # every request came from 198.51.100.9, whatever it wrote first
    assert other_client.status_code == 401


def test_trusted_proxy_count_picks_the_address_the_outer_proxy_saw(low_limits, settings):
    from django.test import RequestFactory

    from moodmnky.api.ratelimit import client_ip

    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(URL, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9, 10.0.0.2",
                                   REMOTE_ADDR="10.0.0.1")
    short = RequestFactory().get(URL, HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="10.0.0.1")
    junk = RequestFactory().get(URL, HTTP_X_FORWARDED_FOR="not-an-ip, 10.0.0.2", REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == "198.51.100.9"
    assert client_ip(short) == "10.0.0.1"  # fewer hops than proxies: the header is not the proxies'
    assert client_ip(junk) == "10.0.0.1"


def test_counters_live_in_their_own_cache(settings):
    from moodmnky import settings as app_settings

    assert app_settings.RATELIMIT_USE_CACHE == "ratelimit"
    assert app_settings.CACHES["ratelimit"] != app_settings.CACHES["default"]
    if not app_settings.REDIS_URL:
        counters = app_settings.CACHES["ratelimit"]
        assert counters["BACKEND"] == "moodmnky.cache.CounterDatabaseCache"
        assert counters["LOCATION"] != app_settings.CACHES["default"]["LOCATION"]


def test_clearing_the_product_cache_keeps_the_counters(low_limits):
    from django.core.cache import cache

    client = Client()
    client.get(URL)
    cache.clear()

    assert client.get(URL)["X-RateLimit-Remaining"] == "1"


def test_the_counter_table_never_culls_a_live_counter(settings):
    settings.CACHES = {**settings.CACHES, "ratelimit": {
        "BACKEND": "moodmnky.cache.CounterDatabaseCache", "LOCATION": "moodmnky_ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 10}}}
    counters = caches["ratelimit"]
    counters.add("first", 1, 3600)
    counters.add("expired", 1, -1)

    for n in range(50):  # Django's database cache would cull a third of the rows at 10
        counters.add(f"client-{n}", 1, 3600)

    assert counters.get("first") == 1
    assert all(counters.get(f"client-{n}") == 1 for n in range(50))
    assert counters.incr("first") == 2
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM moodmnky_ratelimit WHERE cache_key LIKE %s", ["%expired%"])
        assert cursor.fetchone()[0] == 0  # expired rows are what a cull removes


def _guess_from(args) -> list[int]:
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.connection = None  # a connection of its own; the parent's socket stays untouched
    email, count, start = args
    return [login(Client(REMOTE_ADDR=f"198.51.100.{start + n}"), email, f"guess-{n}").status_code
            for n in range(count)]


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL) to share counts between processes")
@pytest.mark.django_db(transaction=True)
def test_failed_logins_per_account_are_counted_across_processes_in_redis(settings):
    settings.LOGIN_FAILURE_LIMIT = "4/15m"
    settings.ROOT_URLCONF = "tests.platform.urls"
    victim = CustomerFactory()

    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_guess_from, [(victim.email, 4, 0), (victim.email, 4, 100)])

    flat = [status for statuses in results for status in statuses]
    assert flat.count(401) == 4 and flat.count(429) == 4
    assert login(Client(REMOTE_ADDR="198.51.100.250"), victim.email).status_code == 429
