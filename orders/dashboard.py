"""Reads for the admin home (a selector module): sales against the previous period, the last 30 days, and the
work waiting (orders to pay, pour and ship; low stock; blends to review; failing webhooks).

Every figure is an aggregate in the database (date truncation, conditional counts): the number of queries and
the rows they return do not grow with the number of orders. Days are UTC (settings.TIME_ZONE).

Net sales, as Shopify counts them: the merchandise of paid orders (subtotal − discounts; shipping and tax are
not sales), on the day the order was placed, minus refunds on the day they were made. A refund counts for its
merchandise share (amount × (subtotal − discounts) / total), since it may also return shipping and tax.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, NullIf, TruncDate
from django.utils import timezone

from blends.models import Blend, Note
from catalog.selectors import variant_list_low_stock
from moodmnky.webhooks.models import WebhookSubscription
from orders.models import Order, OrderLine, Refund

CHART_DAYS = 30
POUR_LIST_LIMIT = 5
AMOUNT = DecimalField(max_digits=14, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=AMOUNT)
PAID_STATUSES = [Order.PaymentStatus.PAID, Order.PaymentStatus.PARTIALLY_REFUNDED, Order.PaymentStatus.REFUNDED]
OPEN_STATUSES = [Order.Status.PENDING, Order.Status.CONFIRMED, Order.Status.PROCESSING]
ORDER_NET = F("subtotal") - F("discount_total")
REFUND_NET = F("amount") * (F("order__subtotal") - F("order__discount_total")) / NullIf(F("order__total"), 0)


@dataclass(frozen=True)
class Comparison:
    """One period's orders and net sales against the period before it, up to the same time."""

    orders: int
    net_sales: Decimal
    previous_orders: int
    previous_net_sales: Decimal

    @property
    def orders_change(self) -> int | None:
        return percent_change(self.orders, self.previous_orders)

    @property
    def net_sales_change(self) -> int | None:
        return percent_change(self.net_sales, self.previous_net_sales)


@dataclass(frozen=True)
class Day:
    day: date
    orders: int
    net_sales: Decimal


def percent_change(current, previous) -> int | None:
    """Whole percent from `previous` to `current`; None when there is nothing to compare with."""
    if not previous:
        return None
    return round((current - previous) * 100 / previous)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def sales_summary(*, now: datetime | None = None) -> dict[str, Comparison]:
    """Today and this week (from Monday) so far, each against yesterday / last week up to the same time:
    one query over orders, one over refunds."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    periods = {"today": (day_start(today), timedelta(days=1)),
               "week": (day_start(today - timedelta(days=today.weekday())), timedelta(days=7))}
    windows = {}
    for name, (start, length) in periods.items():
        windows[name] = (start, now)
        windows[f"previous_{name}"] = (start - length, now - length)
    earliest = min(start for start, _ in windows.values())

    order_figures = {}
    for name, (start, end) in windows.items():
        placed = Q(created_at__gte=start, created_at__lt=end)
        order_figures[f"{name}_orders"] = Count("pk", filter=placed)
        order_figures[f"{name}_sales"] = Coalesce(
            Sum(ORDER_NET, filter=placed & Q(payment_status__in=PAID_STATUSES), output_field=AMOUNT), ZERO)
    orders = Order.objects.filter(created_at__gte=earliest).aggregate(**order_figures)
    refunds = Refund.objects.filter(created_at__gte=earliest).aggregate(**{
        name: Coalesce(Sum(REFUND_NET, filter=Q(created_at__gte=start, created_at__lt=end), output_field=AMOUNT),
                       ZERO)
        for name, (start, end) in windows.items()})

    def net(name: str) -> Decimal:
        return _money(orders[f"{name}_sales"] - refunds[name])

    return {name: Comparison(orders=orders[f"{name}_orders"], net_sales=net(name),
                             previous_orders=orders[f"previous_{name}_orders"],
                             previous_net_sales=net(f"previous_{name}"))
            for name in periods}


def sales_by_day(*, days: int = CHART_DAYS, now: datetime | None = None) -> list[Day]:
    """Orders placed and net sales for each of the last `days` days (today included, empty days as zero):
    two grouped queries, whatever the number of orders."""
    today = timezone.localdate(now or timezone.now())
    first = today - timedelta(days=days - 1)
    placed = (Order.objects.filter(created_at__gte=day_start(first)).annotate(day=TruncDate("created_at"))
              .values("day").order_by("day")
              .annotate(orders=Count("pk"),
                        sales=Sum(ORDER_NET, filter=Q(payment_status__in=PAID_STATUSES), output_field=AMOUNT)))
    refunded = (Refund.objects.filter(created_at__gte=day_start(first)).annotate(day=TruncDate("created_at"))
                .values("day").order_by("day").annotate(refunds=Sum(REFUND_NET, output_field=AMOUNT)))
    by_day = {row["day"]: row for row in placed}
    refunds = {row["day"]: row["refunds"] or Decimal("0") for row in refunded}
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        row = by_day.get(day, {})
        result.append(Day(day=day, orders=row.get("orders", 0),
                          net_sales=_money((row.get("sales") or Decimal("0")) - refunds.get(day, Decimal("0")))))
    return result


# The order work queues: the admin's order list filter ("queue") and the dashboard count with these.
def _made_to_order_left() -> Exists:
    return Exists(OrderLine.objects.filter(order=OuterRef("pk"), is_made_to_order=True,
                                           quantity_fulfilled__lt=F("quantity")))


def order_queue_q(name: str, *, today: date | None = None) -> Q:
    """`awaiting_payment`: not cancelled, nothing paid yet. `to_pour`: confirmed (to start) or processing (poured,
    curing until `ready_by`) with made-to-order lines still to ship. `to_ship`: paid, not fully shipped, and
    shippable now: confirmed with no made-to-order line, or processing with its ready date come (or none)."""
    today = today or timezone.localdate()
    paid = Q(payment_status__in=[Order.PaymentStatus.PAID, Order.PaymentStatus.PARTIALLY_REFUNDED])
    queues = {
        "awaiting_payment": Q(payment_status=Order.PaymentStatus.UNPAID) & ~Q(status=Order.Status.CANCELLED),
        # ready_by is set exactly on orders with made-to-order lines: a cheap test before the lines' EXISTS.
        "to_pour": Q(status__in=[Order.Status.CONFIRMED, Order.Status.PROCESSING], ready_by__isnull=False)
        & Q(_made_to_order_left()),
        "to_ship": paid & ~Q(fulfillment_status=Order.FulfillmentStatus.FULFILLED) & (
            Q(status=Order.Status.CONFIRMED, ready_by__isnull=True)
            | Q(status=Order.Status.PROCESSING) & (Q(ready_by__isnull=True) | Q(ready_by__lte=today))),
    }
    return queues[name]


ORDER_QUEUES = {"awaiting_payment": "Awaiting payment", "to_pour": "To pour (made to order)", "to_ship": "To ship"}


def order_queue_counts(*, today: date | None = None) -> dict[str, int]:
    """How many orders wait in each queue: one query over the open orders (every queue is pending, confirmed
    or processing), which the status index finds without reading the shop's history."""
    open_orders = Order.objects.filter(status__in=OPEN_STATUSES)
    return open_orders.aggregate(**{name: Count("pk", filter=order_queue_q(name, today=today))
                                    for name in ORDER_QUEUES})


def orders_to_pour(*, limit: int = POUR_LIST_LIMIT) -> QuerySet[Order]:
    """The next made-to-order orders to pour, soonest ready date first."""
    return (Order.objects.filter(order_queue_q("to_pour")).order_by(F("ready_by").asc(nulls_last=True), "created_at")
            .only("pk", "number", "ready_by", "email")[:limit])


def variants_low_stock_count() -> int:
    return variant_list_low_stock().count()


def notes_low_stock_count() -> int:
    return Note.objects.filter(Note.low_stock_q()).count()


def blends_awaiting_review_count() -> int:
    return Blend.objects.filter(status=Blend.Status.SUBMITTED, deleted_at__isnull=True).count()


def webhooks_failing_count() -> int:
    """Subscriptions failing (failed deliveries in a row) or turned off by the delivery code."""
    attention = WebhookSubscription.failing_q() | WebhookSubscription.disabled_q()
    return WebhookSubscription.objects.filter(attention).count()


def _money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))

