"""Taking money for an order: charge through a gateway, record the Payment, mark the order paid."""

import logging
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from customers.services import loyalty_award
from moodmnky.actors import Actor
from orders.errors import OrderNotPayableError, OrderTransitionError
from orders.models import Order, OrderEvent, Payment
from orders.payments import GatewayResult, PaymentGateway, gateway_get
from orders.services.lifecycle import Outbox, order_event_add, order_lock, order_transition

logger = logging.getLogger("orders.payments")


@contextmanager
def charges_voided_on_failure(gateway: PaymentGateway):
    """Collects the charges made inside; if the block fails afterwards (the transaction that records them
    did not commit), each is voided at the gateway, so the shopper is never charged for an order that
    does not exist. Put it outside `transaction.atomic()` so that a failing COMMIT is covered too."""
    charges: list[GatewayResult] = []
    try:
        yield charges
    except BaseException:
        for charge in charges:
            try:
                gateway.void(authorization=charge.reference)
            except Exception:  # the original error matters more; the void is logged for a person to finish
                logger.exception("Could not void charge %s after a failed checkout", charge.reference)
        raise


def payment_take(*, order: Order, gateway: PaymentGateway, token: str, actor: Actor, outbox: Outbox,
                 charges: list[GatewayResult]) -> Payment | None:
    """Charge what is left to pay on a locked order (authorize, then capture) and mark it paid.

    Raises PaymentDeclinedError (402) or PaymentGatewayError (502) before anything is written; the
    caller's transaction then rolls back whatever it had reserved.
    """
    amount = order.total - order.amount_paid
    payment = None
    if amount > 0:
        authorization = gateway.authorize(amount=amount, currency=order.currency, token=token,
                                          reference=order.number)
        capture = gateway.capture(authorization=authorization.reference, amount=amount)
        charges.append(capture)
        payment = Payment.objects.create(order=order, gateway=gateway.name, amount=amount, currency=order.currency,
                                         status=Payment.Status.CAPTURED, reference=capture.reference,
                                         raw_response={"authorize": authorization.raw, "capture": capture.raw})
    order_mark_paid(order=order, amount=max(amount, Decimal("0.00")), actor=actor, outbox=outbox,
                    gateway=gateway.name)
    return payment


def order_mark_paid(*, order: Order, amount: Decimal, actor: Actor, outbox: Outbox, gateway: str = "") -> Order:
    """Record money received: `pending` orders become `confirmed` first (events: confirmed, then paid);
    a customer's order earns loyalty points for its total."""
    order.amount_paid += amount
    order.payment_status = Order.PaymentStatus.PAID
    order.paid_at = order.updated_at = timezone.now()
    paid = ("amount_paid", "payment_status", "paid_at")
    if order.status == Order.Status.PENDING:  # one UPDATE for both (the events: confirmed, then paid)
        order_transition(order=order, to_status=Order.Status.CONFIRMED, actor=actor, outbox=outbox, also_save=paid)
    else:
        order.save(update_fields=[*paid, "updated_at"])
    order_event_add(order=order, type=OrderEvent.Type.PAID, actor=actor,
                    data={"amount": str(amount), "gateway": gateway}, outbox=outbox)
    outbox.webhooks.append("order.paid")
    if order.customer_id is not None:
        loyalty_award(customer=order.customer, order_id=order.pk, amount=order.total,
                      description=f"Points for order {order.number}", actor=actor)
    return order


def order_pay(*, order_id, actor: Actor, gateway: str = "manual", token: str = "") -> Order:
    """Staff capture of a `pending` order (phone orders, invoices): it becomes `confirmed` / `paid`.

    Anything but a pending, unpaid order is OrderTransitionError (409 invalid_transition).
    """
    chosen = gateway_get(gateway)
    with charges_voided_on_failure(chosen) as charges, transaction.atomic():
        order = order_lock(order_id)
        if order.status != Order.Status.PENDING:
            raise OrderTransitionError(f"Only a pending order can be paid; this one is {order.status}.",
                                       from_status=order.status, to_status=Order.Status.CONFIRMED)
        if order.payment_status != Order.PaymentStatus.UNPAID:
            raise OrderNotPayableError()
        outbox = Outbox()
        payment_take(order=order, gateway=chosen, token=token, actor=actor, outbox=outbox, charges=charges)
        return outbox.send(order.pk, actor=actor)
