"""The C allocator of a web process: glibc's malloc arenas capped (docs/reliability.md "Soak")."""

import ctypes
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
