"""Writes to customer accounts: registration, sessions and passwords."""

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from customers.errors import EmailTakenError, InvalidResetTokenError
from customers.events import customer_payload
from customers.models import Customer, CustomerAuditEntry
from customers.services.audit import audit_record
from customers.services.sessions import customer_sessions_end
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks.services import record_event


def _check_password(password: str, customer: Customer, field: str = "password") -> None:
    try:
        validate_password(password, customer)
    except ValidationError as exc:
        raise ValidationFailedError(" ".join(exc.messages), field=field) from None


@transaction.atomic
def customer_register(*, email: str, password: str, first_name: str = "", last_name: str = "",
                      actor: Actor | None = None) -> Customer:
    """Create a customer account and record `customer.created`; a taken email (any letter case) is refused.

    `actor` is who created it (staff in the Django admin); None: the customer signed up themselves.
    """
    email = Customer.objects.normalize_email(email)
    if Customer.objects.filter(email__iexact=email).exists():
        raise EmailTakenError()
    customer = Customer(email=email, first_name=first_name, last_name=last_name)
    _check_password(password, customer)
    customer.set_password(password)
    customer.save()
    record_event("customer.created", customer_payload(customer), actor=actor or Actor(user=customer))
    return customer


def password_reset_token(customer: Customer) -> str:
    """`<uid>.<token>`: Django's one-use token (it dies with the password it was made for)."""
    return f"{urlsafe_base64_encode(force_bytes(customer.pk))}.{default_token_generator.make_token(customer)}"


def password_reset_request(*, email: str) -> None:
    """Queue the reset email for `email`, known or not: the request does the same work either way (no
    timing signal); the task sends a link only to an active account."""
    from customers.tasks import password_reset_email_send

    password_reset_email_send.enqueue(email=email.strip()[:254])


@transaction.atomic
def password_reset_confirm(*, token: str, password: str) -> Customer:
    """Set a new password from a reset token and end every session of the account."""
    uid, _, secret = token.partition(".")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
        customer = Customer.objects.select_for_update().get(pk=pk, is_active=True)
    except (ValueError, TypeError, OverflowError, Customer.DoesNotExist):
        raise InvalidResetTokenError() from None
    if not default_token_generator.check_token(customer, secret):
        raise InvalidResetTokenError()
    _check_password(password, customer)
    customer.set_password(password)
    customer.save(update_fields=["password"])
    customer_sessions_end(customer=customer)  # refuses every older access and refresh token
    audit_record(customer=customer, action=CustomerAuditEntry.Action.PASSWORD_RESET, actor=Actor(user=customer))
    return customer


@transaction.atomic
def customer_change_password(*, customer: Customer, current_password: str, new_password: str,
                             session_id: str = "") -> None:
    """Change the password; every session but the caller's (`session_id`) ends."""
    if not customer.check_password(current_password):
        raise ValidationFailedError("The current password is incorrect.", field="current_password")
    _check_password(new_password, customer, field="new_password")
    customer.set_password(new_password)
    customer.save(update_fields=["password"])
    customer_sessions_end(customer=customer, keep_session_id=session_id)
    audit_record(customer=customer, action=CustomerAuditEntry.Action.PASSWORD_CHANGED, actor=Actor(user=customer))
