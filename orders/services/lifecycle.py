"""The order lifecycle: the one table of allowed status changes, and how every change is recorded.

Every transition writes an OrderEvent (type, from, to, actor, note, time); the service that made it
then announces the order once through an Outbox: the timeline rows and the webhook events
(`order.<status>` and `order.status_updated`) written in the same transaction, one INSERT each, and
customer emails queued for after the commit.
"""

from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from moodmnky.actors import Actor
from moodmnky.webhooks.services import record_events
from orders.errors import OrderNotFoundError, OrderTransitionError
from orders.events import order_payload
from orders.models import Order, OrderEvent
from orders.selectors import order_queryset
from orders.tasks import order_email_send

S = Order.Status

# from -> the statuses it may move to. Nothing else is allowed (409 invalid_transition).
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PROCESSING, S.SHIPPED, S.CANCELLED}),
    S.PROCESSING: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}
# Statuses with their own webhook event besides order.status_updated.
STATUS_WEBHOOKS = {S.CONFIRMED: "order.confirmed", S.SHIPPED: "order.shipped", S.DELIVERED: "order.delivered",
                   S.CANCELLED: "order.cancelled"}
# The customer email each status change sends (orders/templates/orders/email/<kind>.txt and .html).
STATUS_EMAILS = {S.CONFIRMED: "confirmation", S.PROCESSING: "processing", S.SHIPPED: "shipped",
                 S.DELIVERED: "delivered", S.CANCELLED: "cancelled"}


def transition_allowed(order: Order, to_status: str) -> bool:
    """True when the table allows it; `confirmed → shipped` also needs every line to be ready-made."""
    if to_status not in TRANSITIONS.get(order.status, ()):
        return False
    if order.status == S.CONFIRMED and to_status == S.SHIPPED:
        return not order.lines.filter(is_made_to_order=True).exists()
    return True


def transition_check(order: Order, to_status: str) -> None:
    """Raise OrderTransitionError (409 invalid_transition) unless the table allows `order` to go to `to_status`."""
    if not transition_allowed(order, to_status):
        reason = ""
        if order.status == S.CONFIRMED and to_status == S.SHIPPED:
            reason = " Made-to-order lines must go through processing first."
        raise OrderTransitionError(f"An order cannot go from {order.status} to {to_status}.{reason}",
                                   from_status=order.status, to_status=to_status)


@dataclass
class Outbox:
    """What one service call announces about an order: recorded once, at the end, with the final payload."""

    webhooks: list[str] = field(default_factory=list)
    emails: list[tuple[str, dict]] = field(default_factory=list)
    timeline: list[OrderEvent] = field(default_factory=list)  # OrderEvents built (and timed) as they happened

    def send(self, order_id, *, actor: Actor) -> Order:
        """Write the timeline rows and record the webhook events in the caller's transaction (one INSERT
        each, in the order they happened), queue the emails for after its commit; returns the order
        loaded as the API shows it."""
        if self.timeline:
            OrderEvent.objects.bulk_create(self.timeline)
        order = order_queryset(created_now=self._created_now(order_id)).get(pk=order_id)
        if self.webhooks:
            payload = order_payload(order)
            record_events([(event_type, payload) for event_type in self.webhooks], actor=actor)
        for kind, data in self.emails:
            # robust: once the order is committed, failing to queue its email is logged, never turned into an
            # error answer about an order that exists.
            transaction.on_commit(lambda kind=kind, data=data: email_enqueue(str(order.pk), kind, data), robust=True)
        self.webhooks, self.emails, self.timeline = [], [], []
        return order

    def _created_now(self, order_id) -> bool:
        """The order was created in the transaction still open: this outbox holds its `created` event, which
        only the service that creates an order adds, in the transaction that creates it (checkout and
        staff-created orders) — the check order_queryset(created_now=True) relies on, not the caller's word."""
        return connection.in_atomic_block and any(
            event.type == OrderEvent.Type.CREATED and event.order_id == order_id for event in self.timeline)


def email_enqueue(order_id: str, kind: str, data: dict) -> None:
    """Queue an order email after its transaction committed. A database connection lost right after the COMMIT
    (a restart, a killed backend) gets one more try on a new connection, so the email is not lost with it."""
    try:
        order_email_send.enqueue(order_id, kind, data)
    except DatabaseError:
        connection.close()
        order_email_send.enqueue(order_id, kind, data)


def order_lock(order_id) -> Order:
    """The order's row, locked until the caller's transaction ends (every write to an order takes it first)."""
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise OrderNotFoundError()
    return order


def order_event_add(*, order: Order, type: str, actor: Actor, note: str = "", from_status: str = "",
                    to_status: str = "", data: dict | None = None, outbox: Outbox | None = None) -> OrderEvent:
    """A timeline row, timed now. With an `outbox` it is written by `outbox.send()` (one INSERT for all of
    them, in the caller's transaction); without one, at once."""
    event = OrderEvent(order=order, type=type, from_status=from_status, to_status=to_status, note=note,
                       actor=actor.user, actor_label=actor.label[:150], data=data or {}, created_at=timezone.now())
    if outbox is None:
        event.save(force_insert=True)
    else:
        outbox.timeline.append(event)
    return event


def order_transition(*, order: Order, to_status: str, actor: Actor, outbox: Outbox, note: str = "",
                     notify_customer: bool = True, email_data: dict | None = None,
                     also_save: tuple[str, ...] = ()) -> Order:
    """Move a locked order to `to_status` if TRANSITIONS allows it, else OrderTransitionError (409).

    The OrderEvent, the webhooks and the email go through `outbox` (written by its `send()`). `also_save` names
    fields the caller changed on `order` that go into the same UPDATE.
    """
    transition_check(order, to_status)
    from_status, now = order.status, timezone.now()
    order.status, order.updated_at = to_status, now
    fields = ["status", "updated_at", *also_save]
    if to_status == S.CANCELLED:
        order.cancelled_at = now
        fields.append("cancelled_at")
    order.save(update_fields=fields)
    order_event_add(order=order, type=to_status, actor=actor, note=note, from_status=from_status,
                    to_status=to_status, outbox=outbox)
    if to_status in STATUS_WEBHOOKS:
        outbox.webhooks.append(STATUS_WEBHOOKS[to_status])
    outbox.webhooks.append("order.status_updated")
    if notify_customer:
        outbox.emails.append((STATUS_EMAILS[to_status], {"note": note, **(email_data or {})}))
    return order


@transaction.atomic
def order_add_note(*, order_id, note: str, actor: Actor) -> Order:
    """A staff note on the timeline (no status change, no email)."""
    order = order_lock(order_id)
    order_event_add(order=order, type=OrderEvent.Type.NOTE, actor=actor, note=note)
    return Outbox().send(order.pk, actor=actor)
