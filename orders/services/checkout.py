"""Checkout: an open cart becomes a paid order in one transaction, or nothing happens at all."""

import logging

from django.db import DatabaseError, connection, transaction

from carts.services import (
    cart_lock_for_checkout,
    cart_mark_checked_out,
    discount_record_usage,
    discount_validate_for_checkout,
)
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from orders.errors import CartEmptyError
from orders.models import Order, OrderEvent
from orders.payments import checkout_gateway
from orders.selectors import order_queryset
from orders.services.lifecycle import Outbox, email_enqueue, order_event_add
from orders.services.lines import LINE_KINDS, kind_of_cart_item, lines_create, lines_take_stock
from orders.services.numbers import order_number_next
from orders.services.payments import charges_voided_on_failure, payment_take

logger = logging.getLogger(__name__)


def order_checkout(*, cart_id, customer, shipping_address: dict, shipping_method: str,
                   payment_gateway: str, payment_token: str, actor: Actor, email: str = "",
                   billing_address: dict | None = None, note: str = "") -> Order:
    """Turn an open cart into a `confirmed` / `paid` order; all or nothing.

    In one transaction: lock the cart (a second checkout waits, then gets 409), re-check its codes and
    re-price it at today's prices, write the order and its line snapshots, take the stock of every
    line (409 out_of_stock), count each code's use, and last charge the gateway. A decline (402) or a
    gateway failure (502) raises before the commit, so the stock, the code use and the order roll back
    with it. If the commit itself fails after a successful charge, the charge is voided.
    `shipping_address` is already cleaned (customers.services.address_clean). Access to the cart is the
    caller's check (carts.selectors.cart_get).
    """
    gateway = checkout_gateway(payment_gateway)
    outbox = Outbox()
    written: dict = {}  # the order's id and emails, once the transaction is about to commit
    with charges_voided_on_failure(gateway) as charges:
        try:
            return _checkout(cart_id=cart_id, customer=customer, email=email, shipping_address=shipping_address,
                             shipping_method=shipping_method, billing_address=billing_address, note=note,
                             gateway=gateway, payment_token=payment_token, actor=actor, outbox=outbox,
                             charges=charges, written=written)
        except DatabaseError:
            order = _committed_after_all(written)
            if order is None:
                raise  # rolled back: the charge is voided on the way out
            return order


def _committed_after_all(written: dict) -> Order | None:
    """The order, when the database lost its connection while acknowledging the COMMIT but had committed.

    A COMMIT whose answer never arrives (the connection killed at that moment) may have succeeded: then the
    order, its stock and its charge are real, and voiding the charge or answering an error would be wrong.
    Asked on a new connection; the emails queued for after the commit were dropped with the old one, so they
    are queued here.
    """
    if "order_id" not in written or connection.in_atomic_block:
        return None
    connection.close()
    try:
        order = order_queryset().filter(pk=written["order_id"]).first()
    except DatabaseError:
        return None  # still unreachable: the outcome is unknown, and the caller's error stands
    if order is None:
        return None
    logger.warning("Checkout of order %s committed although the COMMIT's answer was lost", order.number)
    for kind, data in written["emails"]:
        try:
            email_enqueue(str(order.pk), kind, data)
        except Exception:
            logger.exception("Could not queue the %s email of order %s", kind, order.number)
    return order


def _checkout(*, cart_id, customer, email, shipping_address, shipping_method, billing_address, note, gateway,
              payment_token, actor, outbox, charges, written) -> Order:
    with transaction.atomic():
        cart = cart_lock_for_checkout(cart_id=cart_id)
        email = (email or cart.email or getattr(customer, "email", "") or "").strip().lower()
        if not email:
            raise ValidationFailedError("An email address is needed for the order confirmation.", field="email")
        checkout = discount_validate_for_checkout(cart=cart, customer=customer, email=email,
                                                  shipping_method=shipping_method)
        priced = checkout.priced
        if not priced.lines:
            raise CartEmptyError()
        # Every line is checked (a blend over an IFRA limit is a 400 naming the notes) before anything is written.
        drafts = [LINE_KINDS[kind_of_cart_item(line.item)].from_cart_line(line, index)
                  for index, line in enumerate(priced.lines)]
        totals = priced.totals
        order = Order.objects.create(
            number=order_number_next(), customer=customer, email=email, cart=cart, source=Order.Source.CHECKOUT,
            currency=priced.currency, subtotal=totals.subtotal, discount_total=totals.discount_total,
            shipping_total=totals.shipping_total, tax_total=totals.tax_total, total=totals.total,
            shipping_method=priced.shipping_method, shipping_address=shipping_address,
            billing_address=billing_address, note=note or cart.note,
            discount_codes=[{"code": c.code, "type": c.type, "amount": str(c.amount)}
                            for c in priced.codes if c.applicable],
            # Made-to-order lines (custom blends) cure: the order is ready when its slowest line is.
            ready_by=max((d.ready_by for d in drafts if d.ready_by is not None), default=None),
        )
        lines = lines_create(order, drafts)
        lines_take_stock(lines, reference=order.number, actor=actor)
        for discount in checkout.codes_to_record:
            discount_record_usage(discount=discount, customer=customer, email=email, order_reference=order.number)
        order_event_add(order=order, type=OrderEvent.Type.CREATED, actor=actor, to_status=order.status,
                        outbox=outbox)
        outbox.webhooks.append("order.created")
        # Last: everything local is written and checked, so only the gateway can still say no.
        payment_take(order=order, gateway=gateway, token=payment_token, actor=actor, outbox=outbox, charges=charges)
        cart_mark_checked_out(cart=cart)
        written.update(order_id=order.pk, emails=list(outbox.emails))
        return outbox.send(order.pk, actor=actor)
