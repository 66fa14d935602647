"""Order reads: one order or a page of them in a fixed number of queries, whatever the number of lines."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from orders.models import Fulfillment, Order, OrderEvent, Refund


def order_queryset(*, created_now: bool = False) -> QuerySet[Order]:
    """Orders with lines, fulfillments (and their lines), payments, refunds and events: six queries for
    any number of orders and lines.

    `created_now`: the orders were created in the caller's transaction, which still holds them, so they have no
    fulfillments or refunds yet; those two relations are given as empty without asking (four queries).
    """
    fulfillments = Fulfillment.objects.none() if created_now else Fulfillment.objects.prefetch_related("lines")
    refunds = Refund.objects.none() if created_now else Refund.objects.all()
    return Order.objects.prefetch_related(
        "lines", Prefetch("fulfillments", queryset=fulfillments), "payments", Prefetch("refunds", queryset=refunds),
        "events",
    )


def order_list(*, customer=None) -> QuerySet[Order]:
    """Every order (staff), or one customer's own, newest first."""
    orders = order_queryset().order_by("-created_at", "-id")
    return orders if customer is None else orders.filter(customer_id=customer.pk)


def order_get(*, order_id, customer=None) -> Order | None:
    """The order if this caller may see it (a customer only their own), else None."""
    return order_list(customer=customer).filter(pk=order_id).first()


def order_desk_get(*, order_id) -> Order | None:
    """One order as the admin's order page shows it: everything order_queryset loads and the emails sent."""
    return order_queryset().prefetch_related("emails").filter(pk=order_id).first()


def orders_for_print(*, order_ids) -> list[Order]:
    """Orders for the pick list and packing slips, oldest first, with their lines: two queries for any number."""
    return list(Order.objects.filter(pk__in=order_ids).prefetch_related("lines").order_by("created_at", "id"))


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # an OrderEvent type, "payment" or "email"
    title: str
    detail: str = ""
    actor: str = ""
    url: str = ""  # a tracking link


def order_timeline(order: Order) -> list[TimelineEntry]:
    """Every event (parcels with their carrier and tracking, refunds with their lines), payment and email sent,
    oldest first; reads only what order_desk_get loaded."""
    skus = {line.pk: line.sku for line in order.lines.all()}
    parcels = {parcel.pk: parcel for parcel in order.fulfillments.all()}
    refunds = {refund.pk: refund for refund in order.refunds.all()}

    def units(items) -> str:
        return ", ".join(f"{item['quantity']} × {skus.get(item['line_id'], item['line_id'])}"
                         + (" (back in stock)" if item.get("restock") else "") for item in items)

    entries = []
    for event in order.events.all():
        title, detail, url = event.get_type_display(), event.note, ""
        if event.from_status and event.to_status:
            title = f"{event.from_status} → {event.to_status}"
        if event.type == OrderEvent.Type.PAID:
            detail = f"{event.data.get('amount')} {order.currency} via {event.data.get('gateway') or '—'}"
        elif event.type == OrderEvent.Type.FULFILLED:
            parcel = parcels.get(event.data.get("fulfillment_id"))
            carrier = parcel.carrier if parcel else event.data.get("carrier", "")
            tracking = parcel.tracking_number if parcel else event.data.get("tracking_number", "")
            url = parcel.tracking_url if parcel else event.data.get("tracking_url", "")
            title = "Parcel shipped"
            detail = f"{carrier or 'no carrier'}, tracking {tracking or '—'}: {units(event.data.get('lines', []))}"
        elif event.type == OrderEvent.Type.REFUNDED:
            refund = refunds.get(event.data.get("refund_id"))
            detail = f"{event.data.get('amount')} {order.currency}"
            if refund is not None and refund.lines:
                detail += f" for {units(refund.lines)}"
            if event.note:
                detail += f" — {event.note}"
        entries.append(TimelineEntry(at=event.created_at, kind=event.type, title=title, detail=detail,
                                     actor=event.actor_label, url=url))
    entries += [TimelineEntry(at=payment.created_at, kind="payment", title=f"Payment {payment.status}",
                              detail=f"{payment.amount} {payment.currency} via {payment.gateway}, "
                                     f"reference {payment.reference or '—'}")
                for payment in order.payments.all()]
    entries += [TimelineEntry(at=email.sent_at, kind="email", title=f"Email sent: {email.kind}",
                              detail=f"“{email.subject}” to {email.to}") for email in order.emails.all()]
    return sorted(entries, key=lambda entry: entry.at)
