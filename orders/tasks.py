"""Customer emails about an order, sent by the background worker after the change committed."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from orders.models import Order, OrderEmail

SUBJECTS = {
    "confirmation": "Your order {number} is confirmed",
    "processing": "We're preparing your order {number}",
    "shipped": "Your order {number} is on its way",
    "delivered": "Your order {number} was delivered",
    "cancelled": "Your order {number} was cancelled",
    "refunded": "A refund for your order {number}",
}


@task()
def order_email_send(order_id: str, kind: str, data: dict) -> str:
    """Render orders/email/<kind>.txt and .html for the order and send them; returns the recipient
    ("" when the order is gone). Queued with transaction.on_commit, so a rolled-back change sends nothing.
    Each email sent is logged as an OrderEmail (the order's timeline in the admin shows it)."""
    order = Order.objects.prefetch_related("lines").filter(pk=order_id).first()
    if order is None:
        return ""
    context = {"order": order, "lines": list(order.lines.all()), "data": data, "store_name": settings.STORE_NAME}
    message = EmailMultiAlternatives(
        subject=SUBJECTS[kind].format(number=order.number),
        body=render_to_string(f"orders/email/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[order.email],
    )
    message.attach_alternative(render_to_string(f"orders/email/{kind}.html", context), "text/html")
    message.send()
    OrderEmail.objects.create(order=order, kind=kind, to=order.email, subject=message.subject, data=data)
    return order.email
