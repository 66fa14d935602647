"""Blend background work: the review email to the customer."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from blends.models import Blend


@task()
def blend_review_email(blend_id: str, status: str, review_note: str) -> bool:
    """Tell the customer the verdict of one review (status and note as decided, not as they are when the
    worker runs); False if the blend is gone."""
    blend = Blend.objects.select_related("customer").filter(pk=blend_id).first()
    if blend is None:
        return False
    verdict = "approved" if status == Blend.Status.APPROVED else "not approved"
    lines = [f"Hello{' ' + blend.customer.first_name if blend.customer.first_name else ''},", "",
             f"Our perfumers reviewed your blend \u201c{blend.name}\u201d: it is {verdict}."]
    if review_note:
        lines += ["", f"Their note: {review_note}"]
    lines += ["", f"\u2014 {settings.STORE_NAME}"]
    send_mail(f"Your blend \u201c{blend.name}\u201d was {verdict}", "\n".join(lines), None, [blend.customer.email])
    return True
