"""Admin home (dashboard) render time with many orders.

Usage (from the repository root):
    .venv/bin/python bench/dashboard.py --orders 10000 --requests 30
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mm_dash_bench .venv/bin/python bench/dashboard.py --orders 10000

Writes BENCH-ONLY rows straight to the tables (bulk_create: orders spread over a year with one line each, some
made to order, some refunded); they are not consistent shop data. A second run reuses them. Then GETs /admin/
as a superuser with Django's test client and prints the queries per render and the p50/p95 time.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure_environment() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / '.bench-dashboard.sqlite3'}")
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "b" * 40),
        "JWT_SIGNING_KEY": os.environ.get("JWT_SIGNING_KEY", "bench-only-jwt-key-" + "j" * 40),
        "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "WARNING",
    })
    sys.path.insert(0, str(ROOT))


def seed_orders(count: int) -> None:
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from orders.models import Order, OrderLine, Refund

    have = Order.objects.filter(number__startswith="BENCH-").count()
    if have >= count:
        return
    # A year of trade (about 27 orders a day): older orders are delivered or cancelled, the last ten days mixed.
    now, recent = timezone.now(), ["pending", "confirmed", "processing", "shipped", "delivered", "cancelled"]
    orders = []
    for n in range(have, count):
        created_at = now - timedelta(minutes=(n * 8641) % (365 * 24 * 60))
        status = recent[n % 6] if now - created_at < timedelta(days=10) else ("cancelled" if n % 10 == 0
                                                                                  else "delivered")
        orders.append(Order(
            number=f"BENCH-{n}", email=f"bench{n % 500}@example.com", status=status,
            payment_status="unpaid" if status in ("pending", "cancelled") else "paid",
            subtotal=Decimal(20 + n % 80), total=Decimal(26 + n % 80), shipping_total=Decimal("6.00"),
            created_at=created_at, ready_by=(created_at + timedelta(days=7)).date() if n % 20 == 0 else None))
    Order.objects.bulk_create(orders, batch_size=1000)
    OrderLine.objects.bulk_create([
        OrderLine(order=order, sku=f"BENCH-SKU-{n % 50}", name="Bench candle", quantity=1, unit_price=order.subtotal,
                  line_total=order.subtotal, is_made_to_order=order.ready_by is not None)
        for n, order in enumerate(orders)], batch_size=1000)
    Refund.objects.bulk_create([Refund(order=order, amount=Decimal("5.00"), created_at=order.created_at)
                                for order in orders[::33] if order.payment_status == "paid"], batch_size=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10000, help="Orders in the database (default 10000).")
    parser.add_argument("--requests", type=int, default=30, help="Renders of /admin/ to time (default 30).")
    parser.add_argument("--queries", action="store_true", help="Also print each query of one render and its time.")
    args = parser.parse_args()
    configure_environment()

    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from customers.models import Customer
    from orders.models import Order

    # The admin's CSS by its plain name: no collectstatic manifest is needed to render the page here.
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    seed_orders(args.orders)
    staff = Customer.objects.filter(email="bench-staff@example.com").first() or Customer.objects.create_superuser(
        email="bench-staff@example.com", password="bench-only-password-1")
    client = Client()
    client.force_login(staff)
    client.get("/admin/")  # warm up: templates, permissions, connection
    queries = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(timed):
        assert client.get("/admin/").status_code == 200
    if args.queries:
        for ms, sql in queries:
            print(f"{ms:8.1f} ms  {sql[:150]}")
    timings = []
    for _ in range(args.requests):
        started = time.perf_counter()
        client.get("/admin/")
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(f"{connection.vendor}, {Order.objects.count()} orders: {len(queries)} queries per render, "
          f"p50 {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms "
          f"({args.requests} renders of /admin/)")


if __name__ == "__main__":
    main()
