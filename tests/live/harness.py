"""Live servers for the reliability tests: gunicorn instances and `manage.py db_worker` processes, started as
subprocesses on 127.0.0.1 against the session's test database (PostgreSQL) and Redis, with DEBUG off.

The test database is the one pytest-django creates, migrates and drops for the session, so tests arrange their
data with the ORM and factories in the test process and check the database the servers wrote. Every process
runs in its own session (process group), writes its output to a log file, and is stopped by signalling its
group: gunicorn's workers and anything they started go with it.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import httpx
from django.conf import settings
from django.db import connection

from tests.ports import free_port, free_ports

BASE_DIR = Path(settings.BASE_DIR)
T = TypeVar("T")
# Limits of the live servers: high enough that the loads never meet them (every request comes from 127.0.0.1),
# except /auth/..., which the scale-out test drives past its limit on purpose (per day: no window ends mid-test).
AUTH_LIMIT = 20
RATE_LIMITS = {"RATE_LIMIT_ANON": "1000000/h", "RATE_LIMIT_CUSTOMER": "1000000/h", "RATE_LIMIT_ADMIN": "1000000/h",
               "RATE_LIMIT_AUTH": f"{AUTH_LIMIT}/d"}


def long_run() -> bool:
    """RELIABILITY_LONG=1 (`make reliability`) scales the soak and fault durations from CI's bounded runs."""
    return os.environ.get("RELIABILITY_LONG", "") not in ("", "0")


def database_url() -> str:
    """The test database (already created by pytest-django) as a DATABASE_URL for the servers."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


@dataclass
class Process:
    """One subprocess in its own process group, its output in `log`."""

    name: str
    command: list[str]
    log: Path
    popen: subprocess.Popen | None = None

    def start(self, env: dict) -> None:
        with open(self.log, "ab") as out:
            self.popen = subprocess.Popen(self.command, cwd=BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self, timeout: float = 10) -> None:
        """SIGTERM to the whole group, SIGKILL to whatever is left after `timeout` seconds."""
        if self.popen is None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.popen.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.popen.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        _reap_group(self.popen.pid)

    def output(self, start: int = 0) -> str:
        with open(self.log, "rb") as log:
            log.seek(start)
            return log.read().decode("utf-8", "replace")

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def child_pids(self) -> list[int]:
        """Direct children (gunicorn's workers)."""
        try:
            return [int(pid) for pid in Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()]
        except FileNotFoundError:
            return []


def _reap_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)  # a worker that outlived its master
    except ProcessLookupError:
        pass


def rss_kib(pid: int) -> int:
    """Resident memory of one process in KiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


@dataclass
class Shop:
    """`servers` gunicorn instances and `workers` db_worker processes sharing one database and one Redis."""

    directory: Path
    servers: int = 2
    workers: int = 2
    gunicorn_workers: int = 2
    threads: int = 4
    web: list[Process] = field(default_factory=list)
    task_workers: list[Process] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)
    cache_prefix: str = field(default_factory=lambda: f"moodmnky-live-{uuid.uuid4().hex[:8]}")

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    @property
    def processes(self) -> list[Process]:
        return [*self.web, *self.task_workers]

    def env(self) -> dict:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO"))}
        env.update(RATE_LIMITS)
        env.update({
            "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
            "SECRET_KEY": settings.SECRET_KEY, "JWT_SIGNING_KEY": settings.JWT_SIGNING_KEY,  # tokens minted here verify
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "DATABASE_URL": database_url(), "REDIS_URL": settings.REDIS_URL,
            "RATELIMIT_REDIS_URL": settings.RATELIMIT_REDIS_URL, "CACHE_KEY_PREFIX": self.cache_prefix,
            "WEBHOOK_ALLOW_PRIVATE_URLS": "1", "LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend", "PYTHONUNBUFFERED": "1",
            "PAYMENT_GATEWAY": "test", "STATIC_ROOT": str(self.directory),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        })
        return env

    def start(self, timeout: float = 90) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        config = self.directory / "gunicorn.conf.py"
        config.write_text("# empty: these servers take every option from the command line\n")
        self.ports = free_ports(self.servers)
        env = self.env()
        for index, port in enumerate(self.ports):
            self.web.append(Process(f"web{index + 1}", [
                sys.executable, "-m", "gunicorn", "moodmnky.wsgi", "--config", str(config),
                "--bind", f"127.0.0.1:{port}", "--workers", str(self.gunicorn_workers),
                "--worker-class", "gthread", "--threads", str(self.threads), "--timeout", "60",
                "--graceful-timeout", "5", "--keep-alive", "5", "--preload",
                "--log-level", "warning", "--error-logfile", "-",
            ], self.directory / f"web{index + 1}.log"))
        for index in range(self.workers):
            self.task_workers.append(Process(f"worker{index + 1}", [
                sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
                "--no-startup-delay", "--no-reload", "--worker-id", f"live-worker-{index + 1}",
            ], self.directory / f"worker{index + 1}.log"))
        for process in self.processes:
            process.start(env)
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        """Every server answers 200 on /api/v1/health/ and every worker has logged its start."""
        deadline = time.monotonic() + timeout
        pending = set(range(len(self.processes)))
        while pending:
            for index in sorted(pending):
                process = self.processes[index]
                if not process.alive():
                    raise RuntimeError(f"{process.name} exited with {process.popen.returncode}:\n"
                                       f"{process.output()[-4000:]}")
                if self._ready(index, process):
                    pending.discard(index)
            if pending and time.monotonic() > deadline:
                names = ", ".join(self.processes[index].name for index in sorted(pending))
                raise TimeoutError(f"not ready after {timeout}s: {names}")
            time.sleep(0.2)

    def _ready(self, index: int, process: Process) -> bool:
        if process in self.task_workers:
            return "Starting worker" in process.output()
        try:
            return httpx.get(f"{self.urls[index]}/api/v1/health/", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        """Every process group at once: SIGTERM, then SIGKILL for what is left after 10 s."""
        with ThreadPoolExecutor(max_workers=len(self.processes) or 1) as pool:
            list(pool.map(Process.stop, self.processes))

    def report(self, test: str, **figures) -> None:
        """A test's figures (requests, faults, orders checked, …), printed and appended to figures.jsonl."""
        line = json.dumps({"test": test, **figures})
        print(f"\nfigures: {line}")
        with open(self.directory / "figures.jsonl", "a") as out:
            out.write(line + "\n")

    def log_marks(self) -> dict[str, int]:
        return {process.name: process.log_size() for process in self.processes}

    def logs_since(self, marks: dict[str, int]) -> dict[str, str]:
        return {process.name: process.output(marks.get(process.name, 0)) for process in self.processes}

    def log_tails(self, lines: int = 40) -> str:
        return "\n".join(f"----- {process.name} ({process.log.name}, last {lines} lines)\n"
                         + "\n".join(process.output().splitlines()[-lines:]) for process in self.processes)

    def web_threads(self) -> dict[str, int]:
        """Threads of every gunicorn worker: gthread starts its pool's threads one by one, as requests overlap."""
        return {f"{process.name}:{pid}": len(list(Path(f"/proc/{pid}/task").glob("*")))
                for process in self.web for pid in process.child_pids()}

    def memory_kib(self) -> dict[str, int]:
        """RSS of every gunicorn worker (not the master) and every db_worker."""
        sizes = {}
        for process in self.web:
            for pid in process.child_pids():
                sizes[f"{process.name}:{pid}"] = rss_kib(pid)
        for process in self.task_workers:
            sizes[process.name] = rss_kib(process.pid)
        return sizes


@dataclass
class Answer:
    """One HTTP exchange: status (None when no answer came), parsed JSON body, headers, seconds taken."""

    status: int | None
    body: dict | None
    headers: dict
    seconds: float
    server: int
    error: str = ""

    def is_envelope(self, status: int | None = None) -> bool:
        """The contract's error envelope, with this answer's own status."""
        error = (self.body or {}).get("error") if isinstance(self.body, dict) else None
        return (isinstance(error, dict) and error.get("status") == self.status
                and {"code", "message", "details", "request_id"} <= error.keys()
                and (status is None or self.status == status))

    @property
    def code(self) -> str:
        return ((self.body or {}).get("error") or {}).get("code", "") if isinstance(self.body, dict) else ""


class Client:
    """Requests spread over the shop's servers (request i goes to server i mod n), real HTTP."""

    def __init__(self, shop: Shop, *, timeout: float = 60, keep_alive: bool = True):
        # Idle connections are dropped before the servers' keep-alive (5 s) ends, so a request never goes out on a
        # connection the server is closing at that moment (a client-side race, not an answer of the shop's).
        # Without keep-alive every request is a new connection, taken by whichever of the server's workers is free.
        limits = httpx.Limits(max_connections=256, max_keepalive_connections=64 if keep_alive else 0,
                              keepalive_expiry=2.0)
        self.clients = [httpx.Client(base_url=url, timeout=timeout, limits=limits) for url in shop.urls]

    def close(self) -> None:
        for client in self.clients:
            client.close()

    def send(self, method: str, path: str, *, server: int = 0, json=None, token: str = "",
             headers: dict | None = None) -> Answer:
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        index = server % len(self.clients)
        started = time.perf_counter()
        try:
            response = self.clients[index].request(method, f"/api/v1{path}", json=json, headers=headers)
        except httpx.HTTPError as exc:
            return Answer(None, None, {}, time.perf_counter() - started, index, f"{type(exc).__name__}: {exc}")
        seconds = time.perf_counter() - started
        try:
            body = response.json() if response.content else None
        except ValueError:
            body = None
        return Answer(response.status_code, body, dict(response.headers), seconds, index)



def at_once(calls: list[Callable[[], T]], *, timeout: float = 120) -> list[T]:
    """Run every call in a thread of its own, all released together by a barrier; results in call order."""
    barrier = threading.Barrier(len(calls), timeout=timeout)

    def run(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls, timeout=timeout))


class Receiver:
    """A webhook receiver on 127.0.0.1 (a free port) answering 200 to every POST and counting what
    arrived: `received[(path, webhook-id)]` and `deliveries[(path, X-Mood-Mnky-Delivery)]`."""

    def __init__(self):
        self.received: Counter = Counter()
        self.deliveries: Counter = Counter()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    receiver.received[(self.path, self.headers.get("webhook-id"))] += 1
                    receiver.deliveries[(self.path, self.headers.get("X-Mood-Mnky-Delivery"))] += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def wait_until(predicate: Callable[[], T], *, timeout: float, interval: float = 0.25) -> T:
    """Poll `predicate` until it returns something truthy (returned), or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout}s: {predicate.__doc__ or predicate}")
        time.sleep(interval)
