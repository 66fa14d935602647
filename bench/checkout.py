"""Checkout throughput: N concurrent shoppers each create a cart, add lines and check out, against gunicorn.

Usage (from the repository root; PostgreSQL is the point, SQLite serialises every writer):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mm_orders REDIS_URL=redis://127.0.0.1:6379/4 \
        .venv/bin/python bench/checkout.py --shoppers 8 --orders 400 --workers 4

`--mode hot` makes every shopper buy the same two variants (the worst case: every checkout queues on
the same stock rows); `--mode spread` (default) picks two of the demo variants at random.
Prints orders/s (completed checkouts per wall-clock second) and checkout latency p50/p95/p99.
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import _wait_for, configure_environment  # noqa: E402

BODY = {"email": "bench@example.com", "shipping_method": "standard", "payment": {"gateway": "test", "token":
        "tok_success"}, "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "line1": "1 Market St",
                                             "city": "San Francisco", "region": "CA", "postal_code": "94103",
                                             "country": "US"}}


def prepare(stock: int) -> list[int]:
    """Migrate, seed the demo shop once, and give every demo variant plenty of stock; returns variant ids."""
    import django
    from django.core.management import call_command

    django.setup()
    from catalog.models import Product, Variant
    from catalog.services import stock_set

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not Product.objects.filter(status="active").exists():
        call_command("seed_demo", verbosity=0)
    ids = list(Variant.objects.filter(product__status="active", track_inventory=True).values_list("pk", flat=True))
    for pk in ids:
        stock_set(variant_id=pk, quantity=stock, reason="receive", note="bench")
    return ids


def shop(port: int, variant_ids: list[int]) -> tuple[float, int]:
    """One shopper's visit: cart, two lines, checkout. Returns (checkout seconds, checkout status)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def post(path, body):
        conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")

    _, cart = post("/api/v1/carts/", {})
    cart_id = cart["data"]["id"]
    for variant_id in variant_ids:
        post(f"/api/v1/carts/{cart_id}/items/", {"variant_id": variant_id, "quantity": 1})
    started = time.perf_counter()
    status, _ = post(f"/api/v1/carts/{cart_id}/checkout/", BODY)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, status


def run(port: int, shoppers: int, orders: int, pick) -> tuple[list[float], dict, float]:
    timings, codes, lock = [], {}, threading.Lock()
    remaining = [orders]

    def shopper():
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            elapsed, status = shop(port, pick())
            with lock:
                timings.append(elapsed)
                codes[status] = codes.get(status, 0) + 1

    threads = [threading.Thread(target=shopper) for _ in range(shoppers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, codes, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shoppers", type=int, default=8)
    parser.add_argument("--orders", type=int, default=400)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--mode", choices=["spread", "hot"], default="spread")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    configure_environment(args)
    variant_ids = prepare(stock=args.orders * 4)
    hot = variant_ids[:2]
    rng = random.Random(7)
    pick = (lambda: hot) if args.mode == "hot" else (lambda: rng.sample(variant_ids, 2))

    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, bound to loopback
        [sys.executable, "-m", "gunicorn", "moodmnky.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--log-level", "warning"], cwd=ROOT, env=os.environ.copy())
    try:
        _wait_for(args.port)
        timings, codes, wall = run(args.port, args.shoppers, args.orders, pick)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)  # gunicorn finishes in-flight requests first
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    from django.db import connection

    ordered = sorted(timings)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

    print(f"\n{connection.vendor}, gunicorn {args.workers} workers, {args.shoppers} shoppers, mode {args.mode}")
    print(f"checkouts: {len(timings)} in {wall:.1f} s -> {codes.get(201, 0) / wall:.1f} orders/s; status {codes}")
    print(f"checkout latency ms: p50 {statistics.median(ordered) * 1000:.1f}  p95 {pct(0.95):.1f}  "
          f"p99 {pct(0.99):.1f}  (the whole visit adds a cart and two line requests per order)")


if __name__ == "__main__":
    main()
