"""Capped counts (moodmnky/counts.py) and what list `meta` says past the cap (docs/api.md "Pagination")."""

import pytest
from django.db import connection

from moodmnky.api.pagination import PageLimitPagination
from moodmnky.counts import capped_count
from moodmnky.webhooks.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]
URL = "/api/v1/_test/events/"
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="planner estimates are PostgreSQL's")
on_sqlite = pytest.mark.skipif(connection.vendor == "postgresql", reason="the path without planner estimates")


@pytest.fixture
def events():
    Event.objects.bulk_create(Event(type="webhook.ping", data={"n": n}) for n in range(57))
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum keeps them on a real database
        cursor.execute("ANALYZE webhooks_event" if connection.vendor == "postgresql" else "ANALYZE")


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(PageLimitPagination, "exact_count_up_to", 10)


def test_at_or_below_the_cap_the_count_is_exact(events, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert capped_count(Event.objects.all(), 57) == (57, True)
    assert capped_count(Event.objects.filter(data__n__lt=5), 10) == (5, True)


@on_sqlite
def test_without_planner_estimates_past_the_cap_counts_every_row(events, django_assert_num_queries):
    with django_assert_num_queries(2):  # the capped count, then the full one
        assert capped_count(Event.objects.all(), 10) == (57, True)


@on_sqlite
def test_list_meta_stays_exact_without_estimates(api_client, events, small_cap):
    body = api_client.get(URL, {"limit": 20}).json()

    assert body["meta"]["pagination"] == {"total": 57, "pages": 3, "page": 1, "limit": 20}


@pytest.mark.postgres
@on_postgres
def test_past_the_cap_postgres_gives_its_estimate_never_below_the_cap(events, django_assert_num_queries):
    with django_assert_num_queries(2):  # the capped count, then EXPLAIN
        total, exact = capped_count(Event.objects.all(), 10)

    assert exact is False
    assert total >= 11
    assert total == pytest.approx(57, rel=0.5)  # ANALYZE'd: the planner knows the table's size


@pytest.mark.postgres
@on_postgres
def test_list_meta_is_the_estimate_until_the_last_page_makes_it_exact(api_client, events, small_cap):
    first = api_client.get(URL, {"limit": 20}).json()["meta"]["pagination"]
    last = api_client.get(URL, {"limit": 20, "page": 3}).json()
    past = api_client.get(URL, {"limit": 20, "page": 9}).json()

    assert first["total"] >= 21  # a full first page: at least one more row may follow
    assert last["meta"]["pagination"] == {"total": 57, "pages": 3, "page": 3, "limit": 20}
    assert len(last["data"]) == 17
    assert past["data"] == []
    assert past["meta"]["pagination"] == {"total": 57, "pages": 3, "page": 9, "limit": 20}
