"""In-process cost of the hot requests: app CPU (time.process_time) and SQL per request, no network.

    .venv/bin/python scripts/request_costs.py [--requests 300]
    REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python scripts/request_costs.py   # cache and counters in Redis

Runs the test settings (DEBUG off, fast hasher) on a throwaway test database (SQLite in memory, or
test_<name> of DATABASE_URL), builds a small catalog and carts with the test factories, then drives each
workload N times with Django's test Client. Not part of the test run; figures go in docs/performance.md.
"""

import argparse
import json
import time

from script_setup import django_setup

# Tasks are queued in the database as in production (the test settings run them inline, which would
# count every webhook fan-out in the checkout's figures).
django_setup(environ_defaults={"DJANGO_SETTINGS_MODULE": "tests.settings"},
             settings={"TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}})

from django.core.cache import cache, caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def measure(name: str, count: int, request) -> dict:
    """CPU and queries per request over `count` calls of request(i) (each must answer 2xx or 304)."""
    statements = []

    def counted(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        started = time.process_time()
        for index in range(count):
            response = request(index)
            assert response.status_code in (200, 201, 304), (name, response.status_code, response.content[:300])
        spent = time.process_time() - started
    return {"workload": name, "requests": count, "cpu_ms_per_request": round(spent * 1000 / count, 2),
            "sql_per_request": round(len(statements) / count, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    n = args.requests

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rows = run(n)
    finally:
        cache.clear()
        caches["ratelimit"].clear()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'workload':44} {'cpu ms/req':>10} {'SQL/req':>8}")
    for row in rows:
        print(f"{row['workload']:44} {row['cpu_ms_per_request']:>10} {row['sql_per_request']:>8}")


def run(n: int) -> list[dict]:
    from tests.carts.factories import CartFactory, CartItemFactory, VariantFactory
    from tests.catalog.factories import VariantFactory as CatalogVariantFactory
    from tests.orders.factories import checkout_body

    cache.clear()
    caches["ratelimit"].clear()
    products = [CatalogVariantFactory(quantity=10_000).product for _ in range(20)]
    for product in products:
        CatalogVariantFactory(product=product, quantity=10_000)
    client = Client()
    list_url, detail_url = "/api/v1/products/?limit=20", f"/api/v1/products/{products[0].pk}/"
    slug_url = f"/api/v1/products/{products[0].slug}/"
    for url in (list_url, detail_url, slug_url, slug_url):
        client.get(url)  # warm: a slug's pointer on the first read, its body on the second
    etag = client.get(list_url)["ETag"]
    rows = [
        measure("product list, 20 per page (cached)", n, lambda i: client.get(list_url)),
        measure("product detail by id (cached)", n, lambda i: client.get(detail_url)),
        measure("product detail by slug (cached)", n, lambda i: client.get(slug_url)),
        measure("product list 304 (If-None-Match)", n, lambda i: client.get(list_url, HTTP_IF_NONE_MATCH=etag)),
    ]

    def cart_with(lines: int):
        cart = CartFactory()
        for _ in range(lines):
            CartItemFactory(cart=cart, variant=VariantFactory(quantity=10_000))
        return cart

    def post_json(url, body):
        return client.post(url, json.dumps(body), content_type="application/json")

    # Adding 1 to a line that is already there, as a storefront's "add to cart" button does (99 per line max).
    per_cart = 75
    for lines in (1, 10):
        carts = [cart_with(lines) for _ in range(-(-n // per_cart))]
        targets = [(cart.pk, cart.items.first().variant_id) for cart in carts]
        rows.append(measure(f"cart add, existing line ({lines} line(s))", n, lambda i, t=targets: post_json(
            f"/api/v1/carts/{t[i // per_cart][0]}/items/", {"variant_id": t[i // per_cart][1], "quantity": 1})))
    cart = cart_with(10)
    item = cart.items.first()
    rows.append(measure("cart update quantity (10 lines)", n, lambda i: client.patch(
        f"/api/v1/carts/{cart.pk}/items/{item.pk}/", json.dumps({"quantity": 1 + i % 50}),
        content_type="application/json")))
    checkouts = max(n // 6, 10)
    carts = [cart_with(5) for _ in range(checkouts)]
    rows.append(measure("checkout, 5 lines", checkouts, lambda i: post_json(
        f"/api/v1/carts/{carts[i].pk}/checkout/", checkout_body())))
    return rows


if __name__ == "__main__":
    main()
