"""Fault injection: a Redis of our own to stop and start, and the checkout fixtures of the orders tests."""

import shutil
import socket
import subprocess
import time

import pytest
import redis

from tests.orders.conftest import make_cart, place_order  # noqa: F401  (fixtures, reused)
from tests.ports import free_port


class RedisServer:
    """A redis-server of this test's own on 127.0.0.1:<a free port>, with an append-only file, so a restart keeps
    its data (the hard case for a cache: entries written before the outage come back with it).

    Its port is free when the test starts and the server that answers there must be this one (its process id):
    a fixed port let a redis-server of another test run (a parallel `pytest`, or one left behind by a killed
    worker) answer in its place, and go on answering after stop(), so "Redis down" was not down.
    """

    def __init__(self, directory):
        self.directory = directory
        self.process: subprocess.Popen | None = None
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}"

    def client(self, db: int = 0) -> redis.Redis:
        return redis.Redis(port=self.port, db=db, socket_connect_timeout=1)

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server could not start on port {self.port} (in use?)")
            try:
                answering = self.client().info("server")["process_id"]
            except redis.ConnectionError:
                time.sleep(0.05)
                continue
            if answering != self.process.pid:
                self.process.terminate()
                self.process.wait(timeout=10)
                raise RuntimeError(f"port {self.port} answers for another redis-server (pid {answering})")
            return
        raise RuntimeError("redis-server did not answer")

    def stop(self) -> None:
        """SIGTERM: Redis finishes its append-only file and exits; clients get 'connection refused'."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            assert probe.connect_ex(("127.0.0.1", self.port)) != 0, f"port {self.port} still answers after stop()"

    def keys(self, pattern: str, db: int = 0) -> list[bytes]:
        return self.client(db).keys(pattern)


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
