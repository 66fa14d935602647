"""Catalog read benchmark: seeds N products, then measures GET /api/v1/products/ and detail.

Usage (from the repository root):
    .venv/bin/python bench/run.py --products 100000 --requests 300
    .venv/bin/python bench/run.py --server gunicorn --workers 4 --concurrency 8
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mm_bench REDIS_URL=redis://127.0.0.1:6379/9 \
        .venv/bin/python bench/run.py --products 100000

See bench/README.md for what each scenario means.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure_environment(args) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / '.bench.sqlite3'}")
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "b" * 40),
        "JWT_SIGNING_KEY": os.environ.get("JWT_SIGNING_KEY", "bench-only-jwt-key-" + "j" * 40),
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "RATE_LIMIT_ANON": "100000000/h", "RATE_LIMIT_ADMIN": "100000000/h",
        "MEDIA_ROOT": str(ROOT / "bench" / ".bench-media"), "LOG_LEVEL": "WARNING",
    })
    sys.path.insert(0, str(ROOT))


def prepare(products: int) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", products=products, stdout=sys.stderr)
    print(f"seed_demo --products {products}: {time.perf_counter() - started:.1f} s", file=sys.stderr)


def scenarios(requests: int) -> list[tuple[str, list[str], bool]]:
    """(name, paths to cycle through, send If-None-Match with the ETag of the first answer)."""
    from catalog.models import Product

    ids = list(Product.objects.filter(status="active").order_by("-id").values_list("id", flat=True)[:requests])
    misses = range(requests)  # `nocache` changes the cache key (not the result): every request is a miss
    return [
        ("list limit=20 (server cache warm)", ["/api/v1/products/?limit=20"], False),
        ("list limit=20 (cache miss)", [f"/api/v1/products/?limit=20&nocache={i}" for i in misses], False),
        ("list limit=100 (server cache warm)", ["/api/v1/products/?limit=100"], False),
        ("list limit=100 (cache miss)", [f"/api/v1/products/?limit=100&nocache={i}" for i in misses], False),
        ("list limit=20 page=50 (cache miss)", [f"/api/v1/products/?limit=20&page=50&nocache={i}"
                                                 for i in misses], False),
        ("list limit=20 sort=price (cache miss)", [f"/api/v1/products/?limit=20&sort=price&nocache={i}"
                                                    for i in misses], False),
        ("list search=fig (cache miss)", [f"/api/v1/products/?limit=20&search=fig&nocache={i}" for i in misses],
         False),
        ("list limit=20 If-None-Match -> 304", ["/api/v1/products/?limit=20"], True),
        ("detail (server cache warm)", [f"/api/v1/products/{ids[0]}/"], False),
        ("detail (cache miss: new product each)", [f"/api/v1/products/{pk}/" for pk in ids], False),
        ("detail If-None-Match -> 304", [f"/api/v1/products/{ids[0]}/"], True),
    ]


def run_client(requests: int) -> list[dict]:
    from django.test import Client

    client = Client()
    results = []
    for name, paths, conditional in scenarios(requests):
        etag = client.get(paths[0]).headers.get("ETag") if conditional else None
        headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
        if len(paths) == 1:
            client.get(paths[0], **headers)  # warm the server cache
        timings, codes = [], {}
        started = time.perf_counter()
        for index in range(requests):
            t0 = time.perf_counter()
            response = client.get(paths[index % len(paths)], **headers)
            timings.append(time.perf_counter() - t0)
            codes[response.status_code] = codes.get(response.status_code, 0) + 1
        results.append(_row(name, timings, time.perf_counter() - started, codes))
    return results


def run_gunicorn(requests: int, workers: int, concurrency: int, port: int) -> list[dict]:
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, bound to loopback
        [sys.executable, "-m", "gunicorn", "moodmnky.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"], cwd=ROOT, env=os.environ.copy())
    try:
        _wait_for(port)
        results = []
        for name, paths, conditional in scenarios(requests):
            etag = _get(port, paths[0])[1] if conditional else None
            if len(paths) == 1:
                _get(port, paths[0])  # warm the server cache
            timings, codes, total = _hammer(port, paths, etag, requests, concurrency)
            results.append(_row(name, timings, total, codes))
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def _hammer(port: int, paths: list[str], etag: str | None, requests: int, concurrency: int):
    """`concurrency` keep-alive connections share `requests` GETs; returns (timings, status counts, wall time)."""
    timings, codes, lock = [], {}, threading.Lock()
    queue = list(range(requests))
    headers = {"If-None-Match": etag} if etag else {}

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                index = queue.pop()
            t0 = time.perf_counter()
            conn.request("GET", paths[index % len(paths)], headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - t0
            with lock:
                timings.append(elapsed)
                codes[response.status] = codes.get(response.status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, codes, time.perf_counter() - started


def _get(port: int, path: str) -> tuple[int, str | None]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, response.getheader("ETag")


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            _get(port, "/api/v1/health/")
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _row(name: str, timings: list[float], total: float, codes: dict) -> dict:
    ordered = sorted(timings)
    return {
        "scenario": name, "requests": len(timings), "rps": len(timings) / total,
        "p50_ms": statistics.median(ordered) * 1000, "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "status": codes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=10000, help="Generated products to seed (default 10000).")
    parser.add_argument("--requests", type=int, default=300, help="Requests per scenario (default 300).")
    parser.add_argument("--server", choices=["client", "gunicorn"], default="client",
                        help="In-process Django test Client (default) or a local gunicorn on 127.0.0.1.")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
    parser.add_argument("--concurrency", type=int, default=8, help="Client threads against gunicorn.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()

    configure_environment(args)
    prepare(args.products)
    if args.server == "client":
        results = run_client(args.requests)
    else:
        results = run_gunicorn(args.requests, args.workers, args.concurrency, args.port)
    from django.db import connection

    if args.json:
        print(json.dumps(results, indent=2))
        return
    server = args.server if args.server == "client" else (
        f"gunicorn ({args.workers} workers, {args.concurrency} client threads)")
    cache = "redis" if os.environ.get("REDIS_URL") else "database table"
    print(f"\n{connection.vendor}, cache {cache}, {server}, {args.products} generated products")
    print(f"{'scenario':<45} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8}  status")
    for row in results:
        print(f"{row['scenario']:<45} {row['rps']:>9.1f} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f}  {row['status']}")


if __name__ == "__main__":
    main()
