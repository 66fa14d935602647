"""Demo order history for `manage.py seed_demo`: guest orders spread over the last 30 days, so the admin home's
chart and comparisons have something to show. Idempotent (it looks for its own orders first).

Each order is made by the orders services (stock ledger, payment, timeline and webhook events written as for
any order); then, DEMO ONLY, a direct UPDATE moves the rows that step wrote back to the moment it happened
(placed on its day, shipped the next, delivered three days later), keeping the history consistent.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from catalog.models import Product, StockMovement, Variant
from moodmnky.actors import Actor
from moodmnky.webhooks.models import Event
from orders import services
from orders.models import Fulfillment, Order, OrderEvent, Payment, Refund

ACTOR = Actor.system_job("seed_demo")
DAYS = 30
NOTE = "Demo history order (seed_demo)"
ORDERS_PER_DAY = [0, 1, 1, 2, 2, 3]  # drawn from for each day, with a fixed seed
SHIPPING = {"first_name": "Demo", "last_name": "Guest", "company": "", "line1": "1 Market Street", "line2": "",
            "city": "San Francisco", "region": "CA", "postal_code": "94103", "country": "US", "phone": ""}


def seed_history(*, days: int = DAYS, now: datetime | None = None) -> str:
    """Orders on each of the `days` − 1 days before today (none on some days, up to three on others)."""
    if days < 2:
        return "no demo order history (DEMO_ORDER_HISTORY_DAYS)"
    history = Order.objects.filter(source=Order.Source.DEMO, note=NOTE)
    if history.exists():
        return f"{history.count()} demo history orders (already there)"
    variants = list(Variant.objects.filter(product__status=Product.Status.ACTIVE, track_inventory=True,
                                           allow_backorder=False, quantity__gte=20).order_by("-quantity", "id")[:12])
    if len(variants) < 4:
        return "no demo order history (not enough stocked variants)"
    now = now or timezone.now()
    draw = random.Random(days)  # the same history on every fresh database
    made = 0
    for days_ago in range(days - 1, 0, -1):  # today has the story orders of orders/demo.py
        day = timezone.localdate(now) - timedelta(days=days_ago)
        for _ in range(draw.choice(ORDERS_PER_DAY)):
            placed = datetime.combine(day, time(draw.randint(8, 21), draw.randint(0, 59)), tzinfo=now.tzinfo)
            lines = [{"variant_id": variant.pk, "quantity": draw.randint(1, 2)}
                     for variant in draw.sample(variants, draw.choice([1, 1, 2]))]
            _order(made, placed, days_ago, lines)
            made += 1
    return f"{made} demo history orders over the last {days} days"


def _order(index: int, placed: datetime, days_ago: int, lines: list[dict]) -> None:
    quiet = {"actor": ACTOR, "notify_customer": False}
    started = timezone.now()
    order = services.order_admin_create(lines=lines, shipping_address=SHIPPING, email=f"guest{index}@example.com",
                                        actor=ACTOR, payment={"gateway": "manual"}, note=NOTE,
                                        source=Order.Source.DEMO)
    _move_back(order, since=started, to=placed)
    steps = [
        (days_ago >= 2, 1, lambda: services.order_fulfill(order_id=order.pk, carrier="USPS",
                                                          tracking_number=f"9400DEMO{index:05d}", **quiet)),
        (index % 9 == 4 and days_ago >= 3, 2, lambda: services.order_refund(
            order_id=order.pk, amount=Decimal("5.00"), reason="Scuffed label (demo)", **quiet)),
        (days_ago >= 5, 4, lambda: services.order_status_update(order_id=order.pk, status=Order.Status.DELIVERED,
                                                                **quiet)),
    ]
    for wanted, days_later, step in steps:
        if wanted:
            started = timezone.now()
            step()
            _move_back(order, since=started, to=placed + timedelta(days=days_later))


def _move_back(order: Order, *, since: datetime, to: datetime) -> None:
    """DEMO ONLY: move what was written for `order` from `since` on back to `to` (same gaps between rows)."""
    shift = to - since
    moved = {"created_at": F("created_at") + shift}
    Order.objects.filter(pk=order.pk, created_at__gte=since).update(**moved)
    Order.objects.filter(pk=order.pk, paid_at__gte=since).update(paid_at=F("paid_at") + shift)
    Order.objects.filter(pk=order.pk).update(updated_at=to)
    for model in (Payment, OrderEvent, Fulfillment, Refund):
        model.objects.filter(order_id=order.pk, created_at__gte=since).update(**moved)
    StockMovement.objects.filter(reference=order.number, created_at__gte=since).update(**moved)
    Event.objects.filter(data__id=str(order.pk), created_at__gte=since).update(**moved)
