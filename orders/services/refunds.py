"""Refunds: partial or full, optionally restocking lines; never more than was paid."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from customers.services import loyalty_reverse
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from orders.errors import RefundTooLargeError
from orders.models import Order, OrderEvent, OrderLine, Payment, Refund
from orders.payments import gateway_get
from orders.services.lifecycle import Outbox, order_event_add, order_lock
from orders.services.lines import line_check_restock, line_return_stock, lines_lock_stock


@transaction.atomic
def order_refund(*, order_id, amount: Decimal, actor: Actor, reason: str = "", lines: list[dict] | None = None,
                 notify_customer: bool = True) -> Order:
    """Give back `amount` of what was paid (RefundTooLargeError, 400 naming `amount`, above what is left),
    optionally marking `lines` ([{line_id, quantity, restock}]) refunded and putting them back in stock
    (`refund` movements). `payment_status` becomes `partially_refunded` or `refunded`; loyalty points
    for the amount are reversed. The gateway is called after every check and before any write."""
    order = order_lock(order_id)
    outbox = Outbox()
    order_refund_locked(order=order, amount=amount, actor=actor, outbox=outbox, reason=reason, lines=lines,
                        notify_customer=notify_customer)
    return outbox.send(order.pk, actor=actor)


def order_refund_locked(*, order: Order, amount: Decimal, actor: Actor, outbox: Outbox, reason: str = "",
                        lines: list[dict] | None = None, notify_customer: bool = True) -> Refund:
    amount = Decimal(amount)
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationFailedError("The amount must be positive, with at most two decimals.", field="amount")
    if amount > order.refundable_amount:
        raise RefundTooLargeError(f"At most {order.refundable_amount} {order.currency} can be refunded "
                                  f"(paid {order.amount_paid}, refunded {order.amount_refunded}).",
                                  refundable=str(order.refundable_amount))
    order_lines = {line.pk: line for line in OrderLine.objects.filter(order=order)}
    wanted = _refund_lines(order_lines, lines or [])

    gateway_results = _refund_at_gateway(order, amount)
    refund = Refund.objects.create(
        order=order, payment=gateway_results[0][0] if gateway_results else None, amount=amount,
        currency=order.currency, reason=reason, actor_label=actor.label[:150],
        lines=[{"line_id": line.pk, "quantity": quantity, "restock": restock} for line, quantity, restock in wanted],
        gateway=gateway_results[0][0].gateway if gateway_results else "",
        reference=",".join(result.reference for _, result in gateway_results),
        raw_response={"refunds": [result.raw for _, result in gateway_results]},
    )
    lines_lock_stock([line for line, _, restock in wanted if restock])
    for line, quantity, restock in wanted:
        line.quantity_refunded += quantity
        if restock:
            line_return_stock(line, quantity, reason="refund", reference=order.number, actor=actor)
            line.quantity_restocked += quantity
    if wanted:
        OrderLine.objects.bulk_update([line for line, _, _ in wanted], ["quantity_refunded", "quantity_restocked"])

    order.amount_refunded += amount
    order.payment_status = (Order.PaymentStatus.REFUNDED if order.amount_refunded >= order.amount_paid
                            else Order.PaymentStatus.PARTIALLY_REFUNDED)
    order.updated_at = timezone.now()
    order.save(update_fields=["amount_refunded", "payment_status", "updated_at"])
    order_event_add(order=order, type=OrderEvent.Type.REFUNDED, actor=actor, note=reason,
                    data={"amount": str(amount), "refund_id": refund.pk}, outbox=outbox)
    outbox.webhooks.append("order.refunded")
    if notify_customer:
        outbox.emails.append(("refunded", {"amount": str(amount), "reason": reason}))
    if order.customer_id is not None:
        loyalty_reverse(customer=order.customer, order_id=order.pk, amount=amount,
                        description=f"Refund on order {order.number}", actor=actor)
    return refund


def refund_value_of_lines(order: Order, lines: list[dict]) -> Decimal:
    """What `lines` ([{line_id, quantity}]) were paid for: each unit's share of its line total after the
    line's discount, rounded to the cent, and never more than is left to refund on the order."""
    order_lines = {line.pk: line for line in OrderLine.objects.filter(order=order)}
    value = Decimal("0.00")
    for item in lines:
        line = order_lines.get(item["line_id"])
        if line is not None:
            value += ((line.line_total - line.discount_total) * item["quantity"] / line.quantity)
    return min(value.quantize(Decimal("0.01")), order.refundable_amount)


def _refund_lines(order_lines: dict[int, OrderLine], lines: list[dict]) -> list[tuple[OrderLine, int, bool]]:
    wanted: list[tuple[OrderLine, int, bool]] = []
    taken: dict[int, int] = {}
    for index, item in enumerate(lines):
        line = order_lines.get(item["line_id"])
        if line is None:
            raise ValidationFailedError("No line with this id on this order.", field=f"lines.{index}.line_id")
        left = line.quantity - line.quantity_refunded - taken.get(line.pk, 0)
        if item["quantity"] > left:
            raise ValidationFailedError(f"Only {left} of this line can still be refunded.",
                                        field=f"lines.{index}.quantity")
        taken[line.pk] = taken.get(line.pk, 0) + item["quantity"]
        restock = bool(item.get("restock", False))
        if restock:
            line_check_restock(line, field=f"lines.{index}.restock")
        wanted.append((line, item["quantity"], restock))
    return wanted


def _refund_at_gateway(order: Order, amount: Decimal) -> list:
    """Refund across the order's payments, newest first, each up to what is left of it."""
    results = []
    left = amount
    payments = Payment.objects.filter(order=order, status=Payment.Status.CAPTURED).annotate(
        refunded=Sum("refunds__amount")).order_by("-created_at", "-id")
    for payment in payments:
        room = payment.amount - (payment.refunded or Decimal("0"))
        if left <= 0 or room <= 0:
            continue
        part = min(room, left)
        results.append((payment, gateway_get(payment.gateway).refund(charge=payment.reference, amount=part)))
        left -= part
    return results
