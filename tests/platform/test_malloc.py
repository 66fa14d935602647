"""A web process serves from one glibc malloc arena however many threads it runs (moodmnky/malloc.py): each arena
of its own kept what its thread freed, and gthread workers' memory grew; and the loaded application is frozen out of
the garbage collector's passes: garbage of finished requests piled up between two of them (docs/reliability.md
"Soak")."""

import gc
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from moodmnky.malloc import freeze_loaded_objects

glibc_only = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc arenas")

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


def run_python(code: str, **env) -> list[str]:
    """The words of the last line `code` printed, run by a Python of its own with the test settings."""
    environment = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}
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


def test_the_wsgi_application_is_frozen_out_of_the_collectors_passes():
    frozen, tracked = (int(count) for count in run_python(
        "import gc, moodmnky.wsgi\nprint(gc.get_freeze_count(), len(gc.get_objects()))"))
    assert frozen > 50_000  # modules, classes, URL patterns, settings, …
    assert tracked < 1_000  # what a full pass of the collector walks before the first request (0 when measured)


def test_freezing_collects_garbage_first(monkeypatch):
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.collect()))  # what freeze would have frozen
    cycle = []
    cycle.append(cycle)
    del cycle
    freeze_loaded_objects()
    assert frozen == [0]  # the cycle was collected before freezing, not frozen with the rest
