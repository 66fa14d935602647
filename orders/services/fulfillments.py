"""Fulfillment: parcels of some or all lines; shipping the last units ships the order."""

from django.db import transaction
from django.utils import timezone

from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from orders.errors import NothingToFulfillError, OrderTransitionError
from orders.models import Fulfillment, FulfillmentLine, Order, OrderEvent, OrderLine
from orders.services.lifecycle import Outbox, order_event_add, order_lock, order_transition

FULFILLABLE = (Order.Status.CONFIRMED, Order.Status.PROCESSING)


@transaction.atomic
def order_fulfill(*, order_id, actor: Actor, lines: list[dict] | None = None, carrier: str = "",
                  tracking_number: str = "", tracking_url: str = "", notify_customer: bool = True) -> Order:
    """Ship `lines` ([{line_id, quantity}]; None = everything not yet fulfilled) as one parcel.

    `fulfillment_status` becomes `partial` or `fulfilled`; fulfilling everything moves the order to
    `shipped` (409 invalid_transition from `confirmed` when a line is made to order: it must be
    `processing` first). Only confirmed or processing orders can be fulfilled (409 otherwise).
    """
    order = order_lock(order_id)
    if order.status not in FULFILLABLE:
        raise OrderTransitionError(f"A {order.status} order cannot be fulfilled.", from_status=order.status,
                                   to_status=Order.Status.SHIPPED)
    order_lines = {line.pk: line for line in OrderLine.objects.filter(order=order)}
    wanted = _wanted(order_lines, lines)
    if not wanted:
        raise NothingToFulfillError()
    outbox = Outbox()
    fulfillment = Fulfillment.objects.create(order=order, carrier=carrier, tracking_number=tracking_number,
                                             tracking_url=tracking_url)
    FulfillmentLine.objects.bulk_create(FulfillmentLine(fulfillment=fulfillment, order_line_id=line_id,
                                                        quantity=quantity) for line_id, quantity in wanted.items())
    for line_id, quantity in wanted.items():
        order_lines[line_id].quantity_fulfilled += quantity
    OrderLine.objects.bulk_update([order_lines[line_id] for line_id in wanted], ["quantity_fulfilled"])
    done = all(line.quantity_unfulfilled == 0 for line in order_lines.values())
    order.fulfillment_status = Order.FulfillmentStatus.FULFILLED if done else Order.FulfillmentStatus.PARTIAL
    order.updated_at = timezone.now()
    order.save(update_fields=["fulfillment_status", "updated_at"])
    tracking = {"fulfillment_id": fulfillment.pk, "carrier": carrier, "tracking_number": tracking_number,
                "tracking_url": tracking_url}
    order_event_add(order=order, type=OrderEvent.Type.FULFILLED, actor=actor,
                    data={**tracking, "lines": [{"line_id": k, "quantity": v} for k, v in wanted.items()]})
    if done:
        order_transition(order=order, to_status=Order.Status.SHIPPED, actor=actor, outbox=outbox,
                         notify_customer=False)
    if notify_customer:  # one email per parcel, with its tracking (partial parcels too)
        outbox.emails.append(("shipped", {**tracking, "partial": not done}))
    return outbox.send(order.pk, actor=actor)


def _wanted(order_lines: dict[int, OrderLine], lines: list[dict] | None) -> dict[int, int]:
    if lines is None:
        return {pk: line.quantity_unfulfilled for pk, line in order_lines.items() if line.quantity_unfulfilled}
    wanted: dict[int, int] = {}
    for index, item in enumerate(lines):
        line = order_lines.get(item["line_id"])
        if line is None:
            raise ValidationFailedError("No line with this id on this order.", field=f"lines.{index}.line_id")
        quantity = wanted.get(line.pk, 0) + item["quantity"]
        if quantity > line.quantity_unfulfilled:
            raise ValidationFailedError(f"Only {line.quantity_unfulfilled} of this line are left to fulfil.",
                                        field=f"lines.{index}.quantity")
        wanted[line.pk] = quantity
    return wanted
