"""gunicorn settings for production and `make bench`, sized from the environment (docs/operations.md).

    gunicorn -c gunicorn.conf.py moodmnky.wsgi

| variable | default | meaning |
|---|---|---|
| `GUNICORN_BIND` | `0.0.0.0:$PORT` (`PORT` default 8000) | address to listen on |
| `WEB_CONCURRENCY` | 2 × CPU cores + 1 | worker processes (each holds one copy of the app, ~60–90 MB) |
| `GUNICORN_THREADS` | 1 | threads per worker; above 1 the worker class is `gthread` |
| `GUNICORN_TIMEOUT` | 30 | seconds a worker may spend on one request before it is killed and replaced |
| `GUNICORN_GRACEFUL_TIMEOUT` | 30 | seconds a worker gets to finish its requests on restart or shutdown |
| `GUNICORN_KEEPALIVE` | 5 | seconds an idle keep-alive connection is kept (gthread workers) |
| `GUNICORN_MAX_REQUESTS` | 5000 | a worker is replaced after this many requests (0: never): a safety net, not a fix |
| `GUNICORN_MAX_REQUESTS_JITTER` | 500 | random extra requests so the workers are not all replaced at once |
| `GUNICORN_LOG_LEVEL` | `info` | gunicorn's own log level (the app logs with `LOG_LEVEL`) |
| `GUNICORN_ACCESS_LOG` | off | `-` writes an access log line per request to stdout |
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_int('PORT', 8000)}"
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500) if max_requests else 0
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
wsgi_app = "moodmnky.wsgi:application"
