"""`make bench`: the project under gunicorn on 127.0.0.1, driven by wrk from another process; one table.

    make bench                                    # 10,000 products x 2 variants, every workload, 10 s each
    make bench PRODUCTS=100000 WORKLOADS=uncached  # only the workloads whose name contains "uncached"
    make bench MEMORY=300                         # a 5-minute mixed load with worker and db_worker RSS samples
    .venv/bin/python bench/run.py --compare bench/results/a.json bench/results/b.json   # p95 ratios

What it does, what each column means and the latest figures: docs/performance.md and bench/README.md.
"""

import argparse
import http.client
import json
import math
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

SHIPPING = {"first_name": "Ada", "last_name": "Lovelace", "line1": "1 Market St", "city": "San Francisco",
            "region": "CA", "postal_code": "94103", "country": "US"}
CHECKOUT_BODY = {"email": "shopper@example.com", "shipping_method": "standard", "shipping_address": SHIPPING,
                 "payment": {"gateway": "test", "token": "tok_success"}}
BENCH_EMAIL, BENCH_PASSWORD = "bench-shopper@example.com", "bench-" + "p" * 20
POOL_VARIANTS = 200  # generated variants the cart and checkout workloads buy (spread: no single hot stock row)
MAX_RATE = 1500  # req/s no write workload reaches here; sizes the pools of carts a run consumes
LUA_MAX_PATHS = 20000  # LuaJIT caps the constants of one chunk at 65,536


@dataclass
class Workload:
    name: str
    method: str = "GET"
    paths: list[str] = field(default_factory=list)  # cycled; "{n}" becomes a number unique in the run
    headers: dict[str, str] = field(default_factory=dict)
    body: dict | None = None
    prepare: object = None  # callable(duration) -> (paths, headers): fresh carts, ETags, ids before each run
    cached: bool | None = None  # None: caching does not apply
    default: bool = True  # False: runs only when --workloads names it (the 10,000 vs 100,000 comparison)


# ---------------------------------------------------------------------------------------------- setup

def configure(args) -> dict:
    """The environment of the driver, gunicorn and db_worker (docs/performance.md "Machine and method")."""
    env = {
        "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-" + "b" * 40,
        "JWT_SIGNING_KEY": os.environ.get("JWT_SIGNING_KEY") or "bench-only-jwt-key-" + "j" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "WARNING",
        "DATABASE_URL": args.database_url, "REDIS_URL": args.redis_url,
        # A cache namespace of its own per run: nothing cached by an earlier run is ever served.
        "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
        "RATE_LIMIT_ANON": "1000000000/h", "RATE_LIMIT_CUSTOMER": "1000000000/h",
        "RATE_LIMIT_ADMIN": "1000000000/h", "RATE_LIMIT_AUTH": "1000000000/h",
        "MEDIA_ROOT": str(ROOT / "bench" / ".bench-media"), "PAYMENT_GATEWAY": "test",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "BENCH_STATS_DIR": args.stats_dir,
        # gunicorn.conf.py reads these; max_requests off so that memory growth shows instead of being reset.
        "GUNICORN_BIND": f"127.0.0.1:{args.port}", "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.worker_threads), "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    os.environ.update(env)
    return dict(os.environ)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk is missing: installing Debian's package", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"]).returncode:  # noqa: S603
        subprocess.run([*sudo, "apt-get", "update", "-q"], check=True)  # noqa: S603  (a fresh machine's empty lists)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=True)  # noqa: S603
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare_database(products: int) -> None:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    from catalog.demo import GENERATED_PREFIX
    from catalog.models import Product

    have = Product.objects.filter(slug__startswith=GENERATED_PREFIX).count()
    if have > products:
        sys.exit(f"{connection.settings_dict['NAME']} holds {have} generated products, more than {products}: "
                 "use another database (DB=...) for this size")
    started = time.monotonic()
    call_command("seed_demo", products=products, stdout=sys.stderr)
    print(f"seed_demo --products {products}: {time.monotonic() - started:.1f} s", file=sys.stderr)
    with connection.cursor() as cursor:  # fresh statistics and visibility map, as autovacuum would leave them
        cursor.execute("VACUUM ANALYZE catalog_product, catalog_variant, catalog_product_collections, "
                       "catalog_productmedia")


def shop_setup() -> dict:
    """A customer, and plenty of stock on the variants the write workloads buy."""
    from catalog.demo import GENERATED_PREFIX
    from catalog.models import Product, Variant
    from catalog.services import stock_set
    from customers.models import Customer
    from moodmnky.actors import Actor

    customer = Customer.objects.filter(email=BENCH_EMAIL).first()
    if customer is None:
        customer = Customer.objects.create_user(email=BENCH_EMAIL, password=BENCH_PASSWORD, first_name="Bench")
    variants = list(Variant.objects.filter(product__slug__startswith=GENERATED_PREFIX, track_inventory=True)
                    .order_by("id").values_list("id", "price", "quantity")[:POOL_VARIANTS])
    for pk, _price, quantity in variants:
        if quantity < 10**6:
            stock_set(actor=Actor.system_job("bench"), variant_id=pk, quantity=10**8, reason="receive", note="bench")
    product_ids = list(Product.objects.active().order_by("-id").values_list("id", flat=True)[:LUA_MAX_PATHS * 5])
    return {"customer": customer, "variants": [(pk, price) for pk, price, _ in variants],
            "product_ids": product_ids}


def make_carts(count: int, lines: int, variants: list[tuple[int, Decimal]]) -> list[str]:
    """`count` guest carts of `lines` lines each (one unit), bulk-inserted: the write workloads' material."""
    from carts.models import Cart, CartItem

    carts = Cart.objects.bulk_create([Cart() for _ in range(count)], batch_size=1000)
    rng = random.Random(count)
    items = []
    for cart in carts:
        for pk, price in rng.sample(variants, lines):
            items.append(CartItem(cart=cart, variant_id=pk, quantity=1, unit_price_at_add=price))
    CartItem.objects.bulk_create(items, batch_size=2000)
    return [str(cart.pk) for cart in carts]


def bearer(customer) -> str:
    from moodmnky.tokens import tokens_for

    return "Bearer " + tokens_for(customer)["access_token"]


# ------------------------------------------------------------------------------------------ workloads

def workloads(shop: dict, port: int) -> list[Workload]:
    ids, variants = shop["product_ids"], shop["variants"]
    page_bytes = len(get(port, "/api/v1/products/?limit=20")[2])
    listing = "/api/v1/products/?limit=20"
    filtered = "/api/v1/products/?limit=20&category=home-fragrance&price_max=30&in_stock=true&sort=price"
    search = "/api/v1/products/?limit=20&search=amber%20fig"
    detail = f"/api/v1/products/{ids[0]}/"
    cursor = [0]

    def fresh_ids(duration):  # each product once per run: every request is a cache miss
        count = min(LUA_MAX_PATHS, len(ids))
        start, cursor[0] = cursor[0], cursor[0] + count
        return [f"/api/v1/products/{ids[(start + i) % len(ids)]}/" for i in range(count)], {}

    def etag_of(path):
        return lambda duration: ([path], {"If-None-Match": get(port, path)[1]["etag"]})

    def add_carts(duration):  # one line of variants[0] each; an add raises it by one (at most 99 per line)
        carts = make_carts(max(16, math.ceil(duration * MAX_RATE / 90)), 1, variants[:1])
        return [f"/api/v1/carts/{cart}/items/" for cart in carts], {}

    def checkout_carts(duration):
        carts = make_carts(max(16, math.ceil(duration * MAX_RATE / 10)), 2, variants)
        return [f"/api/v1/carts/{cart}/checkout/" for cart in carts], {}

    def order(duration):
        token = bearer(shop["customer"])
        return [f"/api/v1/orders/{customer_order(port, token, variants)}/"], {"Authorization": token}

    json_body = {"Content-Type": "application/json"}
    return [
        Workload("ceiling: bare Django view, list-page size", paths=[f"/bench/ceiling/?bytes={page_bytes}"]),
        Workload("list (cached)", paths=[listing], cached=True),
        Workload("list (uncached)", paths=[listing + "&nocache={n}"], cached=False),
        Workload("filtered list (cached)", paths=[filtered], cached=True),
        Workload("filtered list (uncached)", paths=[filtered + "&nocache={n}"], cached=False),
        Workload("search (cached)", paths=[search], cached=True),
        Workload("search (uncached)", paths=[search + "&nocache={n}"], cached=False),
        Workload("detail (cached)", paths=[detail], cached=True),
        Workload("detail (uncached)", prepare=fresh_ids, cached=False),
        Workload("list 304 (If-None-Match)", prepare=etag_of(listing), cached=True),
        Workload("detail 304 (If-None-Match)", prepare=etag_of(detail), cached=True),
        Workload("cart add (existing cart, 1 line)", method="POST", headers=json_body, prepare=add_carts,
                 body={"variant_id": variants[0][0], "quantity": 1}),
        Workload("checkout (guest, 2 lines)", method="POST", headers=json_body, prepare=checkout_carts,
                 body=CHECKOUT_BODY),
        Workload("order detail (customer)", prepare=order),
        *(Workload(f"{name} (uncached)", paths=[f"/api/v1/products/?limit=20&{query}&nocache={{n}}"], cached=False,
                   default=False) for name, query in SCANS),
    ]


# Every other filter and sort on a cache miss, for `WORKLOADS=uncached` (docs/performance.md "100,000 products").
SCANS = [("sort name desc", "sort=name&order=desc"), ("sort price desc", "sort=price&order=desc"),
         ("sort oldest first", "sort=created_at&order=asc"), ("tag filter", "tag=candle"),
         ("product type filter", "product_type=soap"), ("collection filter", "collection=bestsellers"),
         ("sold out (in_stock=false)", "in_stock=false"), ("search one common word", "search=amber"),
         ("page 50", "page=50")]


def customer_order(port: int, token: str, variants) -> str:
    """One order of the bench customer, placed over HTTP (cart, a line, checkout); returns its id."""
    auth = {"Authorization": token}
    cart = request(port, "POST", "/api/v1/carts/", {}, auth)["data"]["id"]
    request(port, "POST", f"/api/v1/carts/{cart}/items/", {"variant_id": variants[0][0], "quantity": 1}, auth)
    return request(port, "POST", f"/api/v1/carts/{cart}/checkout/", CHECKOUT_BODY, auth)["data"]["id"]


# ------------------------------------------------------------------------------------------------ HTTP

def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def request(port: int, method: str, path: str, body: dict, headers: dict) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=json.dumps(body), headers={"Content-Type": "application/json", **headers})
        response = conn.getresponse()
        data = response.read()
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data)
    finally:
        conn.close()


def wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn exited during start-up")
        try:
            if get(port, "/api/v1/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("gunicorn did not answer within 60 s")


# ------------------------------------------------------------------------------------------------- wrk

# One request for the whole run (one path, no `{n}`): wrk formats it once and sends the same bytes every time, with
# no Lua call per request; that CPU would be taken from the server's two cores (docs/performance.md).
LUA_FIXED = """
wrk.method, wrk.path, wrk.body = %(method)s, %(path)s, %(body)s
for name, value in pairs({%(headers)s}) do wrk.headers[name] = value end
"""
# A request per call: the paths in turn, `{n}` made unique in the run.
LUA_VARYING = """
local paths = {%(paths)s}
local method, body, headers = %(method)s, %(body)s, {%(headers)s}
local salt, nthreads, counter = %(salt)d, %(threads)d, 0
local created = 0
function setup(thread) thread:set("tid", created); created = created + 1 end
function init(args) counter = tid end
function request()
  local path = paths[(counter %% #paths) + 1]
  local n = counter
  counter = counter + nthreads
  path = (path:gsub("{n}", salt .. "-" .. n))
  return wrk.format(method, path, headers, body)
end
"""
LUA_DONE = """
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%%d,"duration_us":%%d,"connect":%%d,"read":%%d,"write":%%d,'
    .. '"status":%%d,"timeout":%%d,"p50":%%d,"p90":%%d,"p95":%%d,"p99":%%d}\\n', summary.requests,
    summary.duration, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50),
    latency:percentile(90), latency:percentile(95), latency:percentile(99)))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal for our ASCII paths and bodies


def lua_script(workload: Workload, paths: list[str], headers: dict, threads: int) -> str:
    body = json.dumps(workload.body) if workload.body is not None else None
    fixed = len(paths) == 1 and "{n}" not in paths[0]
    return (LUA_FIXED if fixed else LUA_VARYING) % {
        "path": lua_string(paths[0]), "paths": ",".join(lua_string(p) for p in paths[:LUA_MAX_PATHS]),
        "method": lua_string(workload.method), "body": lua_string(body) if body else "nil",
        "headers": ",".join(f"[{lua_string(k)}]={lua_string(v)}" for k, v in headers.items()),
        "salt": random.randrange(10**9), "threads": threads,
    } + LUA_DONE % {}


def run_wrk(wrk: str, port: int, workload: Workload, paths: list[str], headers: dict, args, scripts: Path) -> dict:
    threads = min(args.wrk_threads, args.connections)
    script = scripts / f"{abs(hash(workload.name))}.lua"
    script.write_text(lua_script(workload, paths, headers, threads))
    command = [wrk, f"-t{threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "20s",
               "-s", str(script), f"http://127.0.0.1:{port}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 60)  # noqa: S603
    line = next((x for x in out.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {out.stdout[-500:]} {out.stderr[-500:]}")
    return json.loads(line.removeprefix("BENCH_JSON "))


# --------------------------------------------------------------------------------------- measurements

def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> tuple[int, int]:
    """(user, system) CPU time of a process so far, in clock ticks (/proc/<pid>/stat); zeros once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0, 0
    return int(fields[11]), int(fields[12])


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def measure(wrk, port, workload, args, scripts, shop, server, stats_dir) -> dict:
    from moodmnky.bench import read_stats

    duration = args.duration
    paths, headers = (workload.paths, {}) if workload.prepare is None else workload.prepare(duration)
    headers = {**workload.headers, **headers}
    if workload.method == "GET":  # warm the cache, the workers' lazy imports and connections
        for path in paths[:1] * 4:
            get(port, path.replace("{n}", "warm"), headers)
    workers = worker_pids(server.pid)
    before, ticks_before = read_stats(stats_dir), {pid: cpu_ticks(pid) for pid in workers}
    result = run_wrk(wrk, port, workload, paths, headers, args, scripts)
    time.sleep(0.2)  # the last responses' counters
    after, ticks_after = read_stats(stats_dir), {pid: cpu_ticks(pid) for pid in workers}
    served = sum(after[p][0] - before.get(p, (0, 0, 0))[0] for p in after)
    queries = sum(after[p][1] - before.get(p, (0, 0, 0))[1] for p in after)
    cpu_ns = sum(after[p][2] - before.get(p, (0, 0, 0))[2] for p in after)
    seconds = result["duration_us"] / 1e6
    errors = result["status"] + result["connect"] + result["read"] + result["write"] + result["timeout"]
    return {
        "workload": workload.name, "cached": workload.cached, "requests": result["requests"],
        "rps": result["requests"] / seconds if seconds else 0.0,
        **{f"p{q}_ms": result[f"p{q}"] / 1000 for q in (50, 90, 95, 99)},
        "errors": errors, "non_2xx_3xx": result["status"],
        "socket_errors": errors - result["status"],
        "sql_per_request": queries / served if served else None,
        "cpu_ms_per_request": cpu_ns / served / 1e6 if served else None,
        # The kernel's share (system time: sockets, the page written) and the rest, from /proc (10 ms ticks, so
        # meaningful over a whole run only): how much of a request's CPU is moving its bytes.
        **{f"{part}_ms_per_request": (sum(ticks_after[p][i] - ticks_before[p][i] for p in workers)
                                      * 1000 / TICKS_PER_SECOND / served if served else None)
           for i, part in enumerate(("user", "system"))},
        "worker_rss_mb": max((rss_mb(p) or 0 for p in worker_pids(server.pid)), default=None),
    }


def repeated(workload: Workload) -> bool:
    """Run in every round: the ceiling and the cached reads, whose ratios to the ceiling are the issue's goals.
    The rest run once (they are far from the ceiling, and the writes use up their pools of carts)."""
    return workload.name.startswith("ceiling") or (workload.cached is True and workload.method == "GET")


def with_ceiling_shares(runs: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Each run gets its share of the ceiling measured in the same round (`ceiling_share`, `ceiling_cpu_share`):
    a box that slows down or speeds up between rounds moves both sides of the ratio together."""
    ceiling = next((rounds for name, rounds in runs.items() if name.startswith("ceiling")), [])
    for rounds in runs.values():
        for turn, run in enumerate(rounds):
            same = ceiling[turn] if turn < len(ceiling) else None
            run["ceiling_share"] = 100 * run["rps"] / same["rps"] if same and same["rps"] else None
            run["ceiling_cpu_share"] = (100 * same["cpu_ms_per_request"] / run["cpu_ms_per_request"]
                                        if same and same["cpu_ms_per_request"] and run["cpu_ms_per_request"]
                                        else None)
    return runs


def median_row(rounds: list[dict]) -> dict:
    """One row for a workload's rounds: the median of each figure (the rounds themselves kept under "rounds")."""
    if len(rounds) == 1:
        return rounds[0]
    row = dict(rounds[0])
    for key, value in rounds[0].items():
        present = [run[key] for run in rounds if run[key] is not None]
        if key in SUMMED:
            row[key] = sum(present)
        elif key == "worker_rss_mb":
            row[key] = max(present, default=None)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            row[key] = statistics.median(present) if present else None
    row["rounds"] = [{key: run[key] for key in ROUND_KEYS} for run in rounds]
    return row


SUMMED = ("requests", "errors", "non_2xx_3xx", "socket_errors")
ROUND_KEYS = ("rps", "p50_ms", "p99_ms", "cpu_ms_per_request", "user_ms_per_request", "system_ms_per_request",
              "ceiling_share", "ceiling_cpu_share")


# ----------------------------------------------------------------------------------------------- output

COLUMNS = ("workload", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors", "SQL/req", "CPU ms/req", "% ceiling",
           "% ceil CPU", "RSS MB")


def table(rows: list[dict]) -> str:
    """`% ceiling` compares req/s; `% ceil CPU` compares worker CPU per request (ceiling's / the row's), which
    is what req/s would be if the workers had the CPU to themselves (steadier on a shared machine). Both are
    against the ceiling of the same round; a row run in several rounds shows the median of each figure."""

    def fmt(value, spec):
        return "—" if value is None else format(value, spec)

    lines = [rows_format(COLUMNS)]
    for r in rows:
        lines.append(rows_format((r["workload"], fmt(r["rps"], ".0f"), fmt(r["p50_ms"], ".1f"),
                                  fmt(r["p90_ms"], ".1f"), fmt(r["p99_ms"], ".1f"), str(r["errors"]),
                                  fmt(r["sql_per_request"], ".1f"), fmt(r["cpu_ms_per_request"], ".2f"),
                                  fmt(r["ceiling_share"], ".0f"), fmt(r["ceiling_cpu_share"], ".0f"),
                                  fmt(r["worker_rss_mb"], ".0f"))))
    return "\n".join(lines)


def rows_format(cells) -> str:
    first, *rest = cells
    return f"{first:<42}" + "".join(f"{cell:>11}" for cell in rest)


def machine() -> dict:
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_average": [round(x, 2) for x in load], "wrk": subprocess.run(
                ["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0:1]}  # noqa: S607


def compare(paths: list[str]) -> None:
    """p95 of each workload in the second file over the first (e.g. 100,000 products over 10,000)."""
    first, second = (json.loads(Path(p).read_text()) for p in paths)
    other = {r["workload"]: r for r in second["rows"]}
    print(f"{'workload':<42}{'p95 A ms':>11}{'p95 B ms':>11}{'B / A':>9}")
    for row in first["rows"]:
        match = other.get(row["workload"])
        if match:
            print(f"{row['workload']:<42}{row['p95_ms']:>11.1f}{match['p95_ms']:>11.1f}"
                  f"{match['p95_ms'] / row['p95_ms']:>9.2f}")


# ------------------------------------------------------------------------------------------------- main

def explain(products: int) -> None:
    """EXPLAIN ANALYZE of every SQL statement of a cache-missing list request, per filter and sort (in-process)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, queries = Client(), [("default order", "")] + EXPLAINED + SCANS
    print(f"{products:,} products: database time of each statement of GET /api/v1/products/?limit=20&…")
    for name, query in queries:
        with CaptureQueriesContext(connection) as captured:
            status = client.get(f"/api/v1/products/?limit=20&{query}&nocache={uuid.uuid4().hex}").status_code
        timings = []
        for statement in captured.captured_queries:
            if statement["sql"].startswith("SELECT"):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement["sql"])
                    plan = cursor.fetchone()[0][0]
                timings.append(f"{plan['Execution Time']:.1f}")
        print(f"  {name:<28} {status}  ms per statement: {' + '.join(timings)}")


EXPLAINED = [("list filtered (bench)", "category=home-fragrance&price_max=30&in_stock=true&sort=price"),
             ("search two words", "search=amber%20fig"), ("category filter", "category=candles"),
             ("price range", "price_min=20&price_max=30"), ("in_stock=true", "in_stock=true"),
             ("sort name asc", "sort=name"), ("sort price asc", "sort=price")]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=10000, help="generated products, 2 variants each")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per workload (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY, default 2)")
    parser.add_argument("--worker-threads", type=int, default=1, help="threads per worker (1: sync workers)")
    parser.add_argument("--port", type=int, default=8250)
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL database (default mm_bench, mm_bench_<N> for other sizes)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the ceiling and the cached reads, interleaved; the table shows medians")
    parser.add_argument("--workloads", default="", help="comma-separated words: run workloads whose name has one")
    parser.add_argument("--memory", type=int, default=0,
                        help="seconds of mixed load (the workloads in turn) with RSS samples, instead of the table")
    parser.add_argument("--compare", nargs=2, metavar="JSON", help="print p95 ratios of two result files")
    parser.add_argument("--explain", action="store_true",
                        help="EXPLAIN ANALYZE the list queries of every filter and sort (no server, no wrk)")
    args = parser.parse_args()
    if not args.database_url:
        name = "mm_bench" if args.products == 10000 else f"mm_bench_{args.products}"
        args.database_url = f"postgres://postgres@127.0.0.1:5432/{name}"
    return args


def main() -> None:
    args = parse_args()
    if args.compare:
        compare(args.compare)
        return
    args.stats_dir = tempfile.mkdtemp(prefix="mm-bench-")
    env = configure(args)
    ensure_database(args.database_url)
    prepare_database(args.products)
    if args.explain:
        os.environ["ALLOWED_HOSTS"] = "testserver"
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["testserver"]
        explain(args.products)
        return
    wrk = ensure_wrk()
    shop = shop_setup()
    from django.db import connection

    connection.close()  # the driver's own connection stays idle from here on
    log = open(Path(args.stats_dir) / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],  # noqa: S603
                              cwd=ROOT, env=env, stdout=log, stderr=log)
    worker = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--queue-name", "*"],  # noqa: S603
                              cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        wait_for(args.port, server)
        words = [word.strip() for word in args.workloads.split(",") if word.strip()]
        chosen = [w for w in workloads(shop, args.port)
                  if (any(word in w.name for word in words) if words else w.default)]
        scripts = Path(args.stats_dir)
        if args.memory:
            memory_run(wrk, args, chosen, scripts, shop, server, worker)
            return
        runs: dict[str, list[dict]] = {w.name: [] for w in chosen}
        for turn in range(args.rounds):
            for workload in chosen if turn == 0 else [w for w in chosen if repeated(w)]:
                print(f"  {workload.name} (round {turn + 1}) …", file=sys.stderr)
                runs[workload.name].append(measure(wrk, args.port, workload, args, scripts, shop, server,
                                                   args.stats_dir))
        report(args, [median_row(rounds) for rounds in with_ceiling_shares(runs).values()], worker)
    finally:
        for process in (server, worker):
            process.send_signal(signal.SIGTERM)
        for process in (server, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
        if server.returncode not in (0, None) and Path(log.name).exists():
            print(Path(log.name).read_text()[-2000:], file=sys.stderr)
        shutil.rmtree(args.stats_dir, ignore_errors=True)


def report(args, rows: list[dict], worker: subprocess.Popen) -> None:
    from django.db import connection

    for row in rows:
        if row["cached"] is False and not row["sql_per_request"]:
            row["warning"] = "no SQL: this 'uncached' workload was served from the cache"
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "products": args.products,
        "database": connection.vendor, "gunicorn": {"workers": args.workers, "threads": args.worker_threads},
        "wrk": {"connections": args.connections, "threads": args.wrk_threads, "duration_s": args.duration},
        "rounds": args.rounds,
        "machine": machine(), "db_worker_rss_mb": rss_mb(worker.pid), "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{args.products}.json"
    out.write_text(json.dumps(result, indent=2))
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))
    print(f"\n{args.products:,} products, PostgreSQL + Redis, gunicorn {args.workers} workers x "
          f"{args.worker_threads} thread(s), wrk {args.connections} connections x {args.duration} s, "
          f"ceiling and cached reads x {args.rounds} round{'s (medians)' if args.rounds > 1 else ''}, "
          f"load average {result['machine']['load_average']}")
    print(table(rows))
    print(f"db_worker RSS {fmt_mb(result['db_worker_rss_mb'])}; written to {out.relative_to(ROOT)}")
    for row in rows:
        if "warning" in row:
            print(f"WARNING {row['workload']}: {row['warning']}")


def fmt_mb(value) -> str:
    return "—" if value is None else f"{value:.0f} MB"


def memory_run(wrk, args, chosen, scripts, shop, server, worker) -> None:
    """The chosen workloads in turn (ceiling excluded) for `--memory` seconds; RSS after each slice."""
    mixed = [w for w in chosen if not w.name.startswith("ceiling")]
    samples, started, index = [], time.monotonic(), 0
    samples.append(rss_sample(0.0, server, worker, args.stats_dir))
    while time.monotonic() - started < args.memory:
        measure(wrk, args.port, mixed[index % len(mixed)], args, scripts, shop, server, args.stats_dir)
        index += 1
        samples.append(rss_sample(time.monotonic() - started, server, worker, args.stats_dir))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-memory.json"
    out.write_text(json.dumps({"seconds": args.memory, "slices": index, "samples": samples,
                               "machine": machine()}, indent=2))
    print(f"\nMemory: {index} slices of {args.duration} s over {time.monotonic() - started:.0f} s "
          f"(workers never recycled: GUNICORN_MAX_REQUESTS=0)")
    print(f"{'at s':>6} {'requests':>9} {'workers RSS MB':>30} {'db_worker MB':>13}")
    for sample in (samples[0], samples[len(samples) // 2], samples[-1]):
        workers = " ".join(f"{mb:.0f}" for mb in sample["workers_mb"])
        print(f"{sample['at_s']:>6.0f} {sample['requests']:>9} {workers:>30} {fmt_mb(sample['db_worker_mb']):>13}")
    print(f"written to {out.relative_to(ROOT)}")


def rss_sample(at: float, server, worker, stats_dir: str) -> dict:
    from moodmnky.bench import read_stats

    return {"at_s": round(at, 1), "workers_mb": [round(rss_mb(p) or 0, 1) for p in worker_pids(server.pid)],
            "db_worker_mb": rss_mb(worker.pid), "requests": sum(r[0] for r in read_stats(stats_dir).values())}


if __name__ == "__main__":
    main()
