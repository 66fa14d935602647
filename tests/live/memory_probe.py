"""A gunicorn config for finding where a worker's memory goes (docs/reliability.md "Soak"); never used in production.

    SOAK_TRACEMALLOC_DIR=/tmp/probe .venv/bin/python -m gunicorn moodmnky.wsgi -c tests/live/memory_probe.py \
        --bind 127.0.0.1:8400 --workers 1 --worker-class gthread --threads 4 --preload

Only when SOAK_TRACEMALLOC_DIR is set: after SOAK_TRACE_START requests (default 600, past the first-request caches)
and then every SOAK_SNAPSHOT_EVERY (default 1000) the worker writes `info-<pid>-<requests>.json` (RSS, objects by
type from `gc.get_objects()` after a collection, none of those frozen at load (moodmnky/malloc.py); pymalloc's block
count; glibc's `mallinfo2()`: bytes in use and free in its arenas) and, with SOAK_FRAMES > 0 (default 0: tracing
slows a worker tenfold), a tracemalloc snapshot `snap-<pid>-<requests>.tm` (traced from the first report on) to
compare with `Snapshot.compare_to(..., "traceback")`.
Each report also holds, read before its collection: the collector's counts and statistics per generation, the
number of objects it tracks, and pymalloc's arenas (`sys._debugmallocstats()`). SOAK_NO_COLLECT=1 leaves the
collector alone (the report's own `gc.collect()` would hide the garbage waiting for it); SOAK_GARBAGE=1 adds the
types of the objects that garbage is made of (found with `gc.DEBUG_SAVEALL`, then dropped).
"""

import ctypes
import gc
import json
import os
import sys
import tempfile
import threading
import tracemalloc
from collections import Counter
from pathlib import Path

DIRECTORY = os.environ.get("SOAK_TRACEMALLOC_DIR", "")
START = int(os.environ.get("SOAK_TRACE_START", "600"))
EVERY = int(os.environ.get("SOAK_SNAPSHOT_EVERY", "1000"))
FRAMES = int(os.environ.get("SOAK_FRAMES", "0"))
_lock = threading.Lock()
_served = 0


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def _malloc_figures() -> dict:
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except AttributeError:  # not glibc ≥ 2.33
        return {}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return {"in_use": info.uordblks, "free": info.fordblks, "arenas": info.arena, "mmapped": info.hblkhd}


def _pymalloc_arenas() -> dict:
    """pymalloc's arena lines of `sys._debugmallocstats()`, which writes to the C stderr (fd 2)."""
    with tempfile.TemporaryFile("w+") as out:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(out.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        lines = [line.rpartition("=") for line in out.read().splitlines() if line.startswith("# arenas")]
    return {key.strip("# "): int(value.replace(",", "")) for key, _, value in lines}


def _garbage() -> dict:
    """Types of the objects only the collector can free now (reference cycles), most frequent first."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        types = Counter(f"{type(obj).__module__}.{type(obj).__qualname__}" for obj in gc.garbage)
    finally:
        gc.garbage.clear()
        gc.set_debug(0)
    return {"objects": sum(types.values()), "types": types.most_common(60)}


def _report(served: int) -> None:
    collector = {"stats": gc.get_stats(), "counts": gc.get_count(), "tracked": len(gc.get_objects()),
                 "pymalloc_arenas": _pymalloc_arenas()}
    if os.environ.get("SOAK_GARBAGE"):
        collector["garbage"] = _garbage()
    elif not os.environ.get("SOAK_NO_COLLECT"):
        collector["collected"] = gc.collect()
    types = Counter(f"{type(obj).__module__}.{type(obj).__qualname__}" for obj in gc.get_objects())
    rss = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
               if line.startswith("VmRSS:"))
    name = f"{os.getpid()}-{served:06d}"
    if tracemalloc.is_tracing():
        tracemalloc.take_snapshot().dump(str(Path(DIRECTORY) / f"snap-{name}.tm"))
    (Path(DIRECTORY) / f"info-{name}.json").write_text(json.dumps({
        "requests": served, "rss_kib": rss, "gc_objects": sum(types.values()), "types": dict(types),
        "pymalloc_blocks": sys.getallocatedblocks(), "malloc": _malloc_figures(), "collector": collector,
    }))


def post_request(worker, req, environ, resp):
    global _served
    if not DIRECTORY:
        return
    with _lock:  # gthread: one report at a time, the other threads wait
        _served += 1
        if _served == START:
            _report(_served)
            if FRAMES:
                tracemalloc.start(FRAMES)
        elif _served > START and (_served - START) % EVERY == 0:
            _report(_served)
