"""Fault injection: a Redis of our own to stop and start, and the checkout fixtures of the orders tests."""

import shutil
import subprocess
import time

import pytest
import redis

from tests.orders.conftest import make_cart, place_order  # noqa: F401  (fixtures, reused)

REDIS_PORT = 6391  # this suite's own redis-server, never the shared one


class RedisServer:
    """A redis-server on 127.0.0.1:REDIS_PORT with an append-only file, so a restart keeps its data (the
    hard case for a cache: entries written before the outage come back with it)."""

    def __init__(self, directory):
        self.directory = directory
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{REDIS_PORT}"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server"), "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=REDIS_PORT)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"redis-server could not start on port {REDIS_PORT}") from None
                time.sleep(0.05)
        raise RuntimeError("redis-server did not answer")

    def stop(self) -> None:
        """SIGTERM: Redis finishes its append-only file and exits; clients get 'connection refused'."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def keys(self, pattern: str, db: int = 0) -> list[bytes]:
        return redis.Redis(port=REDIS_PORT, db=db).keys(pattern)


@pytest.fixture
def redis_server(tmp_path, settings):
    """Our own Redis, running, holding both caches exactly as REDIS_URL would configure them."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    from moodmnky import cache as cache_module
    from moodmnky.settings import redis_cache

    server = RedisServer(tmp_path)
    server.start()
    prefix = "faults"
    settings.CACHES = {"default": redis_cache(f"{server.url}/0", prefix, fail_open=True),
                       "ratelimit": redis_cache(f"{server.url}/1", f"{prefix}-ratelimit", fail_open=False)}
    yield server
    server.stop()
    cache_module._stale.clear()
