"""The memory of a web process (moodmnky/malloc.py, docs/reliability.md "Soak"): one glibc malloc arena however many
threads it runs (each arena of its own kept what its thread freed), the C heap trimmed every N requests (glibc kept
what finished requests freed), and the loaded application frozen out of the garbage collector's passes."""

import gc
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_finished

from moodmnky import malloc
from moodmnky.malloc import MallocTrimmer, freeze_loaded_objects, malloc_trim_every

GLIBC = platform.libc_ver()[0] == "glibc"
glibc_only = pytest.mark.skipif(not GLIBC, reason="glibc's malloc arenas and malloc_trim")

# Four threads alive at once each allocate (the size of a JSON body: glibc's arena, not mmap), then glibc's own
# report (malloc_info) is read: one <heap nr="…"> per arena in use.
THREADS_ALLOCATE = """
import ctypes, sys, tempfile, threading
{setup}
barrier = threading.Barrier(4)
kept = []

def allocate():
    barrier.wait()
    kept.append(bytearray(20_000))
    barrier.wait()

threads = [threading.Thread(target=allocate) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile("r") as report:
    handle = libc.fopen(report.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(handle))
    libc.fclose(ctypes.c_void_p(handle))
    print(report.read().count("<heap nr="))
"""

# A heap with holes: 30 MB of blocks glibc serves from its heap (not mmap), every 50th kept, so no freed block
# reaches the top of the heap (which glibc gives back by itself). Then as many finished requests as the trimmer
# of the WSGI application waits for; resident KiB before and after.
HEAP_WITH_HOLES = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
import moodmnky.wsgi
from django.core.signals import request_finished

def rss():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:"))

blocks = [bytearray(3_000) for _ in range(10_000)]
kept = blocks[::50]
del blocks
before = rss()
for _ in range({requests}):
    request_finished.send(sender=None)
print(before, rss())
"""


def run_python(code: str, **env) -> list[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("MALLOC_ARENA_MAX", "MALLOC_TRIM_EVERY")}
    environment.update({"DJANGO_SETTINGS_MODULE": "tests.settings", **env})
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(settings.BASE_DIR), env=environment,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip().splitlines()[-1].split()


def arenas_after_threads(setup: str, **env) -> int:
    return int(run_python(THREADS_ALLOCATE.format(setup=setup), **env)[0])


@glibc_only
def test_threads_of_a_plain_process_get_arenas_of_their_own():
    assert arenas_after_threads("") == 5  # the main arena and one per thread: what the check below would see


@glibc_only
def test_threads_of_the_wsgi_application_share_one_arena():
    assert arenas_after_threads("import moodmnky.wsgi") == 1


@glibc_only
def test_an_operators_malloc_arena_max_wins():
    assert arenas_after_threads("import moodmnky.wsgi", MALLOC_ARENA_MAX="2") == 2


def test_the_trimmer_trims_after_every_nth_finished_request():
    calls = []
    trimmer = MallocTrimmer(3, calls.append)
    for _ in range(7):
        trimmer()
    assert calls == [0, 0]  # after requests 3 and 6, malloc_trim(0): every whole free page


@pytest.fixture
def no_trimmer():
    """Whatever a test connects, request_finished has no trimmer afterwards (the test process never had one)."""
    yield
    request_finished.disconnect(dispatch_uid="moodmnky.malloc.trim")


@glibc_only
def test_malloc_trim_every_connects_to_request_finished(no_trimmer, monkeypatch):
    monkeypatch.setenv("MALLOC_TRIM_EVERY", "2")
    trimmer = malloc_trim_every()
    assert trimmer.every == 2
    calls = []
    monkeypatch.setattr(trimmer, "trim", calls.append)
    for _ in range(5):
        request_finished.send(sender=None)
    assert calls == [0, 0]


def test_no_trimming_without_glibc_or_with_zero(no_trimmer, monkeypatch):
    assert malloc_trim_every(0) is None
    monkeypatch.setattr(malloc, "_libc_function", lambda name: None)  # musl, macOS: no malloc_trim
    assert malloc_trim_every(1) is None
    assert not request_finished.has_listeners() or all(key[0] != "moodmnky.malloc.trim"
                                                       for key, _, _ in request_finished.receivers)


@glibc_only
def test_the_wsgi_application_gives_freed_heap_back_after_its_nth_request():
    before, after = (int(kib) for kib in run_python(HEAP_WITH_HOLES.format(requests=200)))
    assert before - after > 10_000  # of the ~29 MB in holes, at least 10 MB back to the system


@glibc_only
def test_the_heap_is_kept_until_then():
    before, after = (int(kib) for kib in run_python(HEAP_WITH_HOLES.format(requests=199)))
    assert abs(before - after) < 1_000


@glibc_only
def test_an_operators_malloc_trim_every_wins():
    before, after = (int(kib) for kib in run_python(HEAP_WITH_HOLES.format(requests=10), MALLOC_TRIM_EVERY="10"))
    assert before - after > 10_000


def test_the_wsgi_application_is_frozen_out_of_the_collectors_passes():
    frozen, tracked = (int(count) for count in run_python(
        "import gc, moodmnky.wsgi\nprint(gc.get_freeze_count(), len(gc.get_objects()))"))
    assert frozen > 50_000  # modules, classes, URL patterns, settings, …
    assert tracked < 1_000  # what the collector still walks in a full pass before the first request


def test_freezing_collects_garbage_first(monkeypatch):
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.collect()))
    cycle = []
    cycle.append(cycle)
    del cycle
    freeze_loaded_objects()
    assert frozen == [0]  # the cycle was collected before freezing, not frozen with the rest
