"""Bench mode (moodmnky/bench.py): the ceiling view and the counters exist only when BENCH_STATS_DIR is set."""

import os

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import path

from moodmnky import bench
from moodmnky.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def test_normal_runs_have_no_ceiling_view_and_no_counting_middleware(client):
    assert settings.BENCH_STATS_DIR == ""
    assert "moodmnky.bench.BenchStatsMiddleware" not in settings.MIDDLEWARE
    assert bench.bench_urls() == []

    assert client.get("/bench/ceiling/").status_code == 404


@override_settings(BENCH_STATS_DIR="/tmp/unused")
def test_bench_mode_routes_the_ceiling_view():
    (pattern,) = bench.bench_urls()

    assert pattern.resolve("bench/ceiling/").func is bench.ceiling


@pytest.mark.parametrize("size", [20, 4096, 23_456])
def test_ceiling_body_is_fixed_json_of_the_size_asked(rf, size):
    response = bench.ceiling(rf.get("/bench/ceiling/", {"bytes": size}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert len(response.content) == size
    assert response.content.startswith(b'{"data":"') and response.content.endswith(b'"}')


def test_ceiling_size_is_capped_and_bad_sizes_fall_back(rf):
    assert len(bench.ceiling(rf.get("/", {"bytes": 10**9})).content) == bench.CEILING_MAX_BYTES
    assert len(bench.ceiling(rf.get("/", {"bytes": "lots"})).content) == 4096


urlpatterns = [path("bench/ceiling/", bench.ceiling), *site_urlpatterns]


@pytest.mark.urls(__name__)
def test_middleware_counts_requests_sql_and_cpu_per_worker(client, tmp_path):
    middleware = ["moodmnky.bench.BenchStatsMiddleware", *settings.MIDDLEWARE]
    with override_settings(BENCH_STATS_DIR=str(tmp_path), MIDDLEWARE=middleware):
        client.get("/bench/ceiling/?bytes=100")  # no SQL
        client.get("/api/v1/categories/")  # one query at least
        stats = bench.read_stats(tmp_path)

    (pid, (requests, queries, cpu_ns)), = stats.items()
    assert pid == os.getpid()
    assert requests == 2
    assert queries >= 1
    assert cpu_ns > 0
