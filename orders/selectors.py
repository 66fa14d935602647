"""Order reads: one order or a page of them in a fixed number of queries, whatever the number of lines."""

from django.db.models import Prefetch, QuerySet

from orders.models import Fulfillment, Order


def order_queryset() -> QuerySet[Order]:
    """Orders with lines, fulfillments (and their lines), payments, refunds and events: six queries for
    any number of orders and lines."""
    return Order.objects.prefetch_related(
        "lines",
        Prefetch("fulfillments", queryset=Fulfillment.objects.prefetch_related("lines")),
        "payments", "refunds", "events",
    )


def order_list(*, customer=None) -> QuerySet[Order]:
    """Every order (staff), or one customer's own, newest first."""
    orders = order_queryset().order_by("-created_at", "-id")
    return orders if customer is None else orders.filter(customer_id=customer.pk)


def order_get(*, order_id, customer=None) -> Order | None:
    """The order if this caller may see it (a customer only their own), else None."""
    return order_list(customer=customer).filter(pk=order_id).first()
