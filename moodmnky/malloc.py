"""The memory of a web process: glibc's malloc arenas capped, free heap handed back to the system every N
requests, the loaded application kept out of the garbage collector's passes (docs/reliability.md "Soak")."""

import ctypes
import gc
import itertools
import os
from collections.abc import Callable

from django.core.signals import request_finished

M_ARENA_MAX = -8  # glibc's mallopt() parameter number (malloc.h)
# CPython allocates under the GIL, so a second arena buys next to no parallelism; what every extra arena does
# buy is a heap of its own that keeps the memory its thread freed (measured: docs/reliability.md "Soak").
WEB_MALLOC_ARENAS = 1
# Requests between two malloc_trim(0) calls of a web process (MALLOC_TRIM_EVERY; 0: never).
MALLOC_TRIM_EVERY = 200


def _libc_function(name: str) -> Callable | None:
    """A function of the C library when it is glibc's (musl and macOS have no mallopt/malloc_trim)."""
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def malloc_arenas_limit(arenas: int = WEB_MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas for the threads this process starts from now on; True when applied.

    glibc gives each new thread an arena of its own (up to 8 per core) and each keeps the memory its thread
    freed, so a gthread worker's resident memory rose for thousands of requests while its Python heap stayed
    flat. Call it before the process starts threads. An operator's `MALLOC_ARENA_MAX` (which glibc reads
    itself at start) wins; without glibc (musl, macOS) nothing changes.
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    mallopt = _libc_function("mallopt")
    return mallopt is not None and mallopt(M_ARENA_MAX, arenas) == 1


class MallocTrimmer:
    """Calls `trim(0)` (glibc's malloc_trim) after every `every`-th finished request.

    A request's objects are freed after its answer went out, many of them only by the garbage collector's next
    pass; glibc keeps the freed heap for later and the process's resident size stays at the highest it ever
    needed. malloc_trim(0) gives every whole free page back. Runs from Django's `request_finished` (sent when
    the server closes the response, after the body was sent), in whichever thread finished that request.
    """

    def __init__(self, every: int, trim: Callable[[int], int]):
        self.every = every
        self.trim = trim
        self._finished = itertools.count(1)  # next() on it is atomic under the GIL: no lock between threads

    def __call__(self, **kwargs) -> None:
        if next(self._finished) % self.every == 0:
            self.trim(0)


def malloc_trim_every(requests: int | None = None) -> MallocTrimmer | None:
    """Trim the C heap after every `requests`-th request of this process (default: MALLOC_TRIM_EVERY from the
    environment, else 200); the trimmer connected, or None (0 requests, or no glibc: nothing changes)."""
    if requests is None:
        requests = int(os.environ.get("MALLOC_TRIM_EVERY", "").strip() or MALLOC_TRIM_EVERY)
    trim = _libc_function("malloc_trim") if requests > 0 else None
    if trim is None:
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    trimmer = MallocTrimmer(requests, trim)
    request_finished.connect(trimmer, weak=False, dispatch_uid="moodmnky.malloc.trim")
    return trimmer


def freeze_loaded_objects() -> None:
    """Collect what loading the application left behind, then move every object alive now (modules, classes,
    URL patterns, settings: ~150,000 of them) out of the garbage collector's passes for good.

    Each full collection otherwise walks all of them to find the few thousand objects of finished requests
    that wait in the oldest generation (a request's view, response, serializers and the server's socket
    objects form reference cycles). With `--preload` it runs in gunicorn's master before the fork, so the
    workers also leave the pages of those objects shared (CPython's documentation of gc.freeze).
    """
    gc.collect()
    gc.freeze()
