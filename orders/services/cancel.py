"""Cancelling an order, and the admin's PATCH /orders/{id}/status/ that routes each status to its service."""

from django.db import transaction

from moodmnky.actors import Actor
from orders.models import Order, OrderLine
from orders.services.fulfillments import order_fulfill
from orders.services.lifecycle import Outbox, order_lock, order_transition, transition_check
from orders.services.lines import line_return_stock, lines_lock_stock
from orders.services.refunds import order_refund_locked


@transaction.atomic
def order_cancel(*, order_id, actor: Actor, reason: str = "", notify_customer: bool = True) -> Order:
    """Cancel a pending, confirmed or processing order (409 invalid_transition otherwise): put every unit
    that has not shipped back in stock (`cancel` movements), refund what was paid (which reverses the
    loyalty points) and tell the customer once."""
    order = order_lock(order_id)
    outbox = Outbox()
    order_transition(order=order, to_status=Order.Status.CANCELLED, actor=actor, outbox=outbox, note=reason,
                     notify_customer=notify_customer,
                     email_data={"refunded": str(order.refundable_amount) if order.refundable_amount else ""})
    lines = list(OrderLine.objects.filter(order=order))
    back = {line.pk: line.quantity - line.quantity_fulfilled - line.quantity_restocked for line in lines}
    lines_lock_stock([line for line in lines if back[line.pk] > 0])  # every row first, in checkout's lock order
    for line in lines:
        if back[line.pk] > 0:
            line_return_stock(line, back[line.pk], reason="cancel", reference=order.number, actor=actor)
            line.quantity_restocked += back[line.pk]
    OrderLine.objects.bulk_update(lines, ["quantity_restocked"])
    if order.refundable_amount > 0:
        order_refund_locked(order=order, amount=order.refundable_amount, actor=actor, outbox=outbox,
                            reason=reason or "Order cancelled", notify_customer=False)
    return outbox.send(order.pk, actor=actor)


def order_status_update(*, order_id, status: str, actor: Actor, note: str = "", notify_customer: bool = True,
                        carrier: str = "", tracking_number: str = "", tracking_url: str = "") -> Order:
    """Staff status change: `cancelled` cancels (restock and refund), `shipped` fulfils whatever is left with
    the carrier and tracking given; every other change is a plain transition of the table."""
    if status == Order.Status.CANCELLED:
        return order_cancel(order_id=order_id, actor=actor, reason=note, notify_customer=notify_customer)
    with transaction.atomic():
        order = order_lock(order_id)
        if status == Order.Status.SHIPPED and order.fulfillment_status != Order.FulfillmentStatus.FULFILLED \
                and order.status in (Order.Status.CONFIRMED, Order.Status.PROCESSING):
            transition_check(order, status)  # made-to-order lines: refused before a parcel is written
            return order_fulfill(order_id=order.pk, actor=actor, carrier=carrier, tracking_number=tracking_number,
                                 tracking_url=tracking_url, notify_customer=notify_customer)
        outbox = Outbox()
        order_transition(order=order, to_status=status, actor=actor, outbox=outbox, note=note,
                         notify_customer=notify_customer,
                         email_data={"carrier": carrier, "tracking_number": tracking_number,
                                     "tracking_url": tracking_url})
        return outbox.send(order.pk, actor=actor)
