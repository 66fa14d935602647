"""What an order looks like to integrations (webhook `data`), defined once; the admin serializer agrees (tested)."""

from rest_framework.fields import DateTimeField

from orders.models import Order

_datetime = DateTimeField()  # the API's own formatting, so payload and response agree to the character


def _dt(value):
    return _datetime.to_representation(value) if value is not None else None


def line_payload(line) -> dict:
    return {
        "id": line.pk, "variant_id": line.variant_id, "product_id": line.product_id, "sku": line.sku,
        "name": line.name, "product_name": line.product_name, "variant_name": line.variant_name,
        "quantity": line.quantity, "unit_price": line.unit_price, "line_total": line.line_total,
        "discount_total": line.discount_total, "quantity_fulfilled": line.quantity_fulfilled,
        "quantity_refunded": line.quantity_refunded, "is_made_to_order": line.is_made_to_order,
        "blend": line.blend_snapshot,
    }


def fulfillment_payload(fulfillment) -> dict:
    return {
        "id": fulfillment.pk, "carrier": fulfillment.carrier, "tracking_number": fulfillment.tracking_number,
        "tracking_url": fulfillment.tracking_url,
        "lines": [{"line_id": line.order_line_id, "quantity": line.quantity} for line in fulfillment.lines.all()],
        "created_at": _dt(fulfillment.created_at),
    }


def payment_payload(payment) -> dict:
    return {"id": payment.pk, "gateway": payment.gateway, "amount": payment.amount, "currency": payment.currency,
            "status": payment.status, "reference": payment.reference, "created_at": _dt(payment.created_at)}


def refund_payload(refund) -> dict:
    return {"id": refund.pk, "amount": refund.amount, "currency": refund.currency, "reason": refund.reason,
            "lines": refund.lines, "reference": refund.reference, "created_at": _dt(refund.created_at)}


def event_payload(event) -> dict:
    return {"id": event.pk, "type": event.type, "from_status": event.from_status, "to_status": event.to_status,
            "note": event.note, "created_at": _dt(event.created_at)}


def order_payload(order: Order) -> dict:
    """The Order as the admin API shows it (GET /orders/{id}/): read it with orders.selectors.order_queryset()
    (or fresh) so lines, fulfillments, payments, refunds and events come from their prefetches."""
    return {
        "id": str(order.pk),
        "number": order.number,
        "status": order.status,
        "payment_status": order.payment_status,
        "fulfillment_status": order.fulfillment_status,
        "customer": order.customer_id,
        "email": order.email,
        "lines": [line_payload(line) for line in order.lines.all()],
        "item_count": sum(line.quantity for line in order.lines.all()),
        "discount_codes": order.discount_codes,
        "subtotal": order.subtotal,
        "discount_total": order.discount_total,
        "shipping_total": order.shipping_total,
        "tax_total": order.tax_total,
        "total": order.total,
        "amount_paid": order.amount_paid,
        "amount_refunded": order.amount_refunded,
        "currency": order.currency,
        "shipping_method": order.shipping_method,
        "shipping_address": order.shipping_address,
        "billing_address": order.billing_address,
        "note": order.note,
        "ready_by": order.ready_by.isoformat() if order.ready_by else None,
        "fulfillments": [fulfillment_payload(f) for f in order.fulfillments.all()],
        "payments": [payment_payload(p) for p in order.payments.all()],
        "refunds": [refund_payload(r) for r in order.refunds.all()],
        "events": [event_payload(e) for e in order.events.all()],
        "created_at": _dt(order.created_at),
        "updated_at": _dt(order.updated_at),
        "paid_at": _dt(order.paid_at),
        "cancelled_at": _dt(order.cancelled_at),
    }
