"""In-process CPU per request of the cached product reads and of the bench's ceiling view (no gunicorn, no network).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mm_bench REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python scripts/hit_costs.py [requests]
        .venv/bin/python scripts/hit_costs.py --only "list hit" N   # N requests of one kind, nothing timed

`--only` is for counting instructions, which unlike CPU time repeat exactly from run to run: the difference between
`valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python scripts/hit_costs.py --only KIND N` and
the same with 0 requests, divided by N, is the instructions one request of that kind costs (the Python process's
own, not Redis's or the kernel's). Run both with `PYTHONHASHSEED=0`: with a random hash seed they differ by up to
1 % from run to run, with a fixed one by a few dozen instructions.

Uses a seeded bench database (`make bench` seeds it) and Redis, with the bench's settings (DEBUG off, bench mode
for the ceiling view, limits out of reach). Prints the Redis round trips of one request of each kind, then
`time.process_time()` per request: the six kinds in turn, batches of 50, median and 10th percentile of the
batches (interleaving keeps a busy box's drift out of the comparison). Figures: docs/performance.md.
"""

import os
import sys
import tempfile
import time
import uuid

from script_setup import django_setup

django_setup(environ={
    "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
    "SECRET_KEY": "bench-only-secret-key-" + "b" * 40, "JWT_SIGNING_KEY": "bench-only-jwt-key-" + "j" * 40,
    "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "WARNING", "PAYMENT_GATEWAY": "test",
    "CACHE_KEY_PREFIX": f"hits-{uuid.uuid4().hex[:8]}", "RATE_LIMIT_ANON": "1000000000/h",
    "BENCH_STATS_DIR": tempfile.mkdtemp(prefix="hit-costs-"),
})

from django.test import Client  # noqa: E402
from redis.connection import AbstractConnection  # noqa: E402

from catalog.models import Product  # noqa: E402

BATCH = 50


def round_trips(client: Client, url: str, headers: dict) -> tuple[int, int]:
    """(status, socket writes to Redis) of one request."""
    sent, original = [], AbstractConnection.send_packed_command

    def counting(connection, command, check_health=True):
        sent.append(command)
        return original(connection, command, check_health)

    AbstractConnection.send_packed_command = counting
    try:
        return client.get(url, **headers).status_code, len(sent)
    finally:
        AbstractConnection.send_packed_command = original


def main() -> None:
    only = sys.argv[2] if len(sys.argv) > 3 and sys.argv[1] == "--only" else None
    count = int(sys.argv[-1]) if len(sys.argv) > 1 else 1000
    client = Client()
    product = Product.objects.active().order_by("id").values_list("id", flat=True).first()
    listing, detail = "/api/v1/products/?limit=20", f"/api/v1/products/{product}/"
    filtered = listing + "&category=home-fragrance&price_max=30&in_stock=true&sort=price"  # the bench's
    page_bytes = len(client.get(listing).content)
    for url in (listing, detail, filtered):
        client.get(url)
    kinds = {
        "ceiling": (f"/bench/ceiling/?bytes={page_bytes}", {}),
        "list hit": (listing, {}), "filtered hit": (filtered, {}), "detail hit": (detail, {}),
        "list 304": (listing, {"HTTP_IF_NONE_MATCH": client.get(listing)["ETag"]}),
        "detail 304": (detail, {"HTTP_IF_NONE_MATCH": client.get(detail)["ETag"]}),
    }
    if only is not None:
        url, headers = kinds[only]
        for _ in range(count):
            client.get(url, **headers)
        return
    for name, (url, headers) in kinds.items():
        status, trips = round_trips(client, url, headers)
        print(f"{name:12} status {status}, Redis round trips {trips}")
    batches: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(max(count // BATCH, 1)):
        for name, (url, headers) in kinds.items():
            started = time.process_time()
            for _ in range(BATCH):
                client.get(url, **headers)
            batches[name].append((time.process_time() - started) * 1000 / BATCH)
    print(f"load average {os.getloadavg()}")
    for name, spent in batches.items():
        spent.sort()
        print(f"{name:12} CPU ms/req median {spent[len(spent) // 2]:.3f}  p10 {spent[len(spent) // 10]:.3f}")


if __name__ == "__main__":
    main()
