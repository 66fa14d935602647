"""Bench mode (`make bench` only, docs/performance.md): per-worker counters and the bare ceiling view.

Both exist only when the environment sets `BENCH_STATS_DIR` (settings.BENCH_STATS_DIR); a normal run
has neither the middleware nor the URL.

Each worker process keeps three 64-bit counters in a memory-mapped file `<BENCH_STATS_DIR>/worker-<pid>`:
requests served, SQL statements run for them, and the process's own CPU time (`time.process_time_ns()`,
so everything the worker did: gunicorn's HTTP parsing, Django, the JSON encoding) as of its last
request. The benchmark reads every file before and after a workload; the differences give SQL and CPU
per request. Writing the counters costs a struct pack into shared memory, no system call.
"""

import mmap
import os
import struct
import threading
import time
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.http import HttpResponse

COUNTERS = struct.Struct("<qqq")  # requests, queries, cpu_ns
CEILING_MAX_BYTES = 1_000_000


def stats_path(directory: str | Path, pid: int) -> Path:
    return Path(directory) / f"worker-{pid}"


def read_stats(directory: str | Path) -> dict[int, tuple[int, int, int]]:
    """pid -> (requests, queries, cpu_ns) of every worker that has served a request (dead ones included)."""
    found = {}
    for path in Path(directory).glob("worker-*"):
        raw = path.read_bytes()
        if len(raw) >= COUNTERS.size:
            found[int(path.name.removeprefix("worker-"))] = COUNTERS.unpack_from(raw)
    return found


class _Counters:
    """This process's counters in its mmap'd file, opened on first use (after gunicorn forks the worker)."""

    def __init__(self, directory: str):
        self.directory, self.pid, self.map = directory, None, None
        self.lock = threading.Lock()
        self.requests = self.queries = 0

    def add(self, queries: int) -> None:
        with self.lock:
            if self.pid != os.getpid():  # first request of this process
                self.pid, self.requests, self.queries = os.getpid(), 0, 0
                path = stats_path(self.directory, self.pid)
                path.write_bytes(bytes(COUNTERS.size))
                with path.open("r+b") as handle:
                    self.map = mmap.mmap(handle.fileno(), COUNTERS.size)
            self.requests += 1
            self.queries += queries
            COUNTERS.pack_into(self.map, 0, self.requests, self.queries, time.process_time_ns())


class BenchStatsMiddleware:
    """Counts the SQL statements of each request and records the worker's totals (outermost middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.counters = _Counters(settings.BENCH_STATS_DIR)

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
        self.counters.add(queries)
        return response


@lru_cache(maxsize=8)
def _fixed_body(size: int) -> bytes:
    head, tail = b'{"data":"', b'"}'
    return head + b"x" * max(size - len(head) - len(tail), 0) + tail


def ceiling(request):
    """The ceiling: a bare Django view answering a fixed JSON body of `?bytes=` bytes (no SQL, no cache)."""
    try:
        size = min(max(int(request.GET.get("bytes", "4096")), 0), CEILING_MAX_BYTES)
    except ValueError:
        size = 4096
    return HttpResponse(_fixed_body(size), content_type="application/json")


def bench_urls() -> list:
    """The URL of the ceiling view in bench mode; nothing otherwise."""
    if not settings.BENCH_STATS_DIR:
        return []
    from django.urls import path

    return [path("bench/ceiling/", ceiling, name="bench-ceiling")]
