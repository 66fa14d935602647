"""Run one callable in several threads at once, for the PostgreSQL concurrency tests."""

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection


def run_concurrently(target: Callable[..., Any], args_list: Iterable[tuple], *, timeout: float = 60) -> list:
    """Call ``target(*args)`` once per tuple in ``args_list``, each call in its own thread, all at once.

    Every thread waits at a shared ``threading.Barrier`` before calling ``target``, so the calls
    really overlap. Each thread uses its own database connection (Django's connections are per
    thread) and closes it in a ``finally``, so none is left open when the test database is flushed.

    Returns a list in the order of ``args_list``: for each call, the value ``target`` returned, or
    the exception instance it raised (exceptions are collected, never re-raised, so the test can
    assert on them). Raises ``TimeoutError`` if any thread is still running after ``timeout`` seconds.
    """
    args_list = list(args_list)
    barrier = threading.Barrier(len(args_list), timeout=timeout)
    results: list = [None] * len(args_list)

    def run(index: int, args: tuple) -> None:
        try:
            barrier.wait()
            results[index] = target(*args)
        except BaseException as exc:  # returned to the test, which asserts on it
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, args), daemon=True) for index, args in enumerate(args_list)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    still_running = sum(thread.is_alive() for thread in threads)
    if still_running:
        raise TimeoutError(f"{still_running} of {len(threads)} threads still running after {timeout}s")
    return results


def outcome_names(results: list) -> list[str]:
    """Name each result of run_concurrently: "ok" for a call that returned, else its exception's class name."""
    return [type(result).__name__ if isinstance(result, BaseException) else "ok" for result in results]
