"""Customers' background work: the password-reset email."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from customers.models import Customer


@task()
def password_reset_email_send(email: str) -> bool:
    """Email a reset link if `email` has an active account; True when one was sent."""
    from customers.services.accounts import password_reset_token

    customer = Customer.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if customer is None:
        return False
    token = password_reset_token(customer)
    link = settings.PASSWORD_RESET_URL.format(token=token)
    send_mail(
        subject=f"Reset your {settings.STORE_NAME} password",
        message=(f"Hello {customer.first_name or 'there'},\n\nSomeone asked to reset the password of your "
                 f"account. Use this link within {settings.PASSWORD_RESET_TIMEOUT // 3600} hours:\n\n{link}\n\n"
                 f"Reset token: {token}\n\nIf it was not you, ignore this email."),
        from_email=None,
        recipient_list=[customer.email],
    )
    return True
