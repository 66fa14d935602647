"""The memory of a web process: glibc's malloc arenas capped, the loaded application kept out of the garbage
collector's passes (docs/reliability.md "Soak")."""

import ctypes
import gc
import os

M_ARENA_MAX = -8  # glibc's mallopt() parameter number (malloc.h)
# CPython allocates under the GIL, so a second arena buys next to no parallelism; what every extra arena does
# buy is a heap of its own that keeps the memory its thread freed (measured: docs/reliability.md "Soak").
WEB_MALLOC_ARENAS = 1


def malloc_arenas_limit(arenas: int = WEB_MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas for the threads this process starts from now on; True when applied.

    glibc gives each new thread an arena of its own (up to 8 per core) and each keeps the memory its thread
    freed, so a gthread worker's resident memory rose for thousands of requests while its Python heap stayed
    flat. Call it before the process starts threads. An operator's `MALLOC_ARENA_MAX` (which glibc reads
    itself at start) wins; without glibc (musl, macOS) nothing changes.
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return mallopt(M_ARENA_MAX, arenas) == 1


def freeze_loaded_objects() -> None:
    """Collect what loading the application left behind, then move every object alive now (modules, classes,
    URL patterns, settings: ~110,000 of them) out of the garbage collector's passes for good.

    A finished request leaves ~290 objects in reference cycles (its view and response, serializers and their
    fields, Django's and DRF's request, the server's socket objects) that only the collector frees, many of them
    from its oldest generation, which it collects only once the objects promoted since its last pass are a
    quarter of those it already holds. With the loaded application counted, garbage of ~380 requests piled up
    between two passes and set the worker's resident size; without it, a pass comes every ~225 requests and
    walks ~25,000 objects instead of ~150,000. Reference counting still frees any frozen object that is
    dropped. With `--preload` it runs in gunicorn's master before the fork, so the workers also leave those
    objects' pages shared (CPython's documentation of gc.freeze).
    """
    gc.collect()
    gc.freeze()
