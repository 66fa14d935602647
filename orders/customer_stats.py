"""What the orders app gives the customers app through its registries: statistics, export, anonymisation."""

from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from customers.registry import OrderStats
from orders.events import order_payload
from orders.models import Order, OrderEvent
from orders.selectors import order_list

MONEY = DecimalField(max_digits=12, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def counted_orders():
    """Orders that count in statistics: money was received and the order was not cancelled."""
    return Order.objects.exclude(payment_status=Order.PaymentStatus.UNPAID).exclude(status=Order.Status.CANCELLED)


def _net():
    return ExpressionWrapper(F("amount_paid") - F("amount_refunded"), output_field=MONEY)


class OrderStatsFromOrders:
    """Paid, not cancelled orders; spent = paid minus refunded."""

    def stats_for(self, customer) -> OrderStats:
        row = counted_orders().filter(customer_id=customer.pk).aggregate(
            total_orders=Count("pk"), total_spent=Coalesce(Sum(_net()), ZERO), last_order_date=Max("created_at"))
        return OrderStats(total_orders=row["total_orders"], total_spent=Decimal(row["total_spent"]).quantize(
            Decimal("0.01")), last_order_date=row["last_order_date"])

    def annotate(self, queryset):
        mine = counted_orders().filter(customer_id=OuterRef("pk")).order_by().values("customer_id")
        return queryset.annotate(
            order_count=Coalesce(Subquery(mine.annotate(n=Count("pk")).values("n")), 0),
            total_spent=Coalesce(Subquery(mine.annotate(s=Sum(_net())).values("s"), output_field=MONEY), ZERO),
            last_order_date=Subquery(mine.annotate(d=Max("created_at")).values("d")),
        )


def export_orders(customer) -> list[dict]:
    """Every order of the customer as the API shows it (GET /customers/profile/export/ `orders`)."""
    if customer is None or customer.pk is None:
        return []
    return [order_payload(order) for order in order_list(customer=customer)]


def anonymize_orders(customer) -> None:
    """Orders keep their snapshots (email, addresses, lines) for the business's records; the timeline says why
    the account behind them no longer has a name. Runs inside the deletion transaction."""
    ids = list(Order.objects.filter(customer_id=customer.pk).values_list("pk", flat=True))
    OrderEvent.objects.bulk_create(
        OrderEvent(order_id=pk, type=OrderEvent.Type.NOTE, actor_label="system",
                   note="The customer's account was anonymised; this order keeps its own snapshots.")
        for pk in ids
    )


__all__ = ["OrderStatsFromOrders", "anonymize_orders", "export_orders"]
