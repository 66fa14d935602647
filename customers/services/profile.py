"""Writes to a customer's own profile, staff edits, and account deletion (anonymisation)."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from customers.errors import EmailTakenError, WrongPasswordError
from customers.models import SUPPORTED_CURRENCIES, Customer, CustomerAuditEntry, ReminderFrequency
from customers.registry import run_anonymizers
from customers.services.audit import audit_record, audit_redact, field_changes
from customers.services.sessions import customer_sessions_end
from customers.validation import normalize_phone
from moodmnky.errors import ValidationFailedError

PREFERENCE_FIELDS = ("email_marketing", "sms_marketing", "preferred_currency", "reminder_frequency")
PROFILE_FIELDS = ("email", "first_name", "last_name", "phone", "birthday", *PREFERENCE_FIELDS)
STAFF_FIELDS = ("first_name", "last_name", "phone", "birthday", "is_active")
EARLIEST_BIRTHDAY = date(1900, 1, 1)


def customer_lock(customer_id: int) -> Customer:
    """Re-read the customer with a row lock: every write to its addresses and points queues behind it."""
    return Customer.objects.select_for_update().get(pk=customer_id)


@transaction.atomic
def customer_profile_update(*, customer: Customer, current_password: str | None = None,
                            actor: Customer | None = None, actor_label: str = "", **changes: Any) -> Customer:
    """Change the customer's own profile and preferences.

    A new email needs `current_password` (ValidationFailedError naming current_password) and must be
    free (EmailTakenError); SMS marketing needs a phone number.
    """
    _check_known(changes, PROFILE_FIELDS)
    customer = customer_lock(customer.pk)
    changes = clean_profile_fields(changes)
    old_email = customer.email
    if "email" in changes:
        changes["email"] = Customer.objects.normalize_email(changes["email"])
        if changes["email"] == customer.email:
            del changes["email"]
        else:
            if not current_password or not customer.check_password(current_password):
                raise WrongPasswordError(
                    "The current password is incorrect." if current_password
                    else "Enter your current password to change your email.", field="current_password")
            if Customer.objects.filter(email__iexact=changes["email"]).exclude(pk=customer.pk).exists():
                raise EmailTakenError()
    if "preferred_currency" in changes:
        changes["preferred_currency"] = changes["preferred_currency"].strip().upper()
        if changes["preferred_currency"] not in _currencies():
            raise ValidationFailedError(f"Choose one of {', '.join(_currencies())}.",
                                        field="preferences.preferred_currency")
    if "reminder_frequency" in changes and changes["reminder_frequency"] not in ReminderFrequency.values:
        raise ValidationFailedError("Unknown reminder frequency.", field="preferences.reminder_frequency")

    diff = _apply(customer, changes)
    if customer.sms_marketing and not customer.phone:
        raise ValidationFailedError("Add a phone number to receive SMS marketing.", field="preferences.sms_marketing")
    if diff:
        customer.save(update_fields=list(diff))
        audit_record(customer=customer, action=CustomerAuditEntry.Action.PROFILE_UPDATED, actor=actor or customer,
                     actor_label=actor_label, changes=diff)
    if "email" in diff:
        transaction.on_commit(lambda: _notify_email_changed(old_email, customer.email))
    return customer


@transaction.atomic
def customer_admin_update(*, customer: Customer, actor: Customer | None = None, actor_label: str = "",
                          **changes: Any) -> Customer:
    """Staff edit names, phone, birthday and is_active; deactivating ends every session.

    An anonymised account cannot be reactivated (ValidationFailedError naming is_active).
    """
    _check_known(changes, STAFF_FIELDS)
    customer = customer_lock(customer.pk)
    changes = clean_profile_fields(changes)
    if changes.get("is_active") and customer.is_anonymized:
        raise ValidationFailedError("An anonymised account cannot be reactivated.", field="is_active")
    diff = _apply(customer, changes)
    if diff:
        customer.save(update_fields=list(diff))
        audit_record(customer=customer, action=CustomerAuditEntry.Action.PROFILE_UPDATED, actor=actor,
                     actor_label=actor_label, changes=diff)
    if "is_active" in diff and not customer.is_active:
        customer_sessions_end(customer=customer)
    return customer


@transaction.atomic
def customer_delete_account(*, customer: Customer, password: str) -> Customer:
    """The customer leaves: checks the password (ValidationFailedError naming password), then anonymises."""
    if not password or not customer.check_password(password):
        raise WrongPasswordError(field="password")
    return customer_anonymize(customer=customer, actor=customer)


@transaction.atomic
def customer_anonymize(*, customer: Customer, actor: Customer | None = None, actor_label: str = "") -> Customer:
    """Replace the account's personal data with placeholders and close it; orders keep their snapshots.

    Other apps' personal data goes through their registered anonymizers first. Running it twice is a no-op.
    """
    customer = customer_lock(customer.pk)
    if customer.is_anonymized:
        return customer
    run_anonymizers(customer)
    customer.addresses.all().delete()
    audit_redact(customer=customer)
    defaults = {field: Customer._meta.get_field(field).get_default() for field in PREFERENCE_FIELDS}
    placeholders = {
        "email": f"deleted-{customer.pk}@invalid", "first_name": "", "last_name": "", "phone": "",
        "birthday": None, "is_active": False, "is_staff": False, "is_superuser": False, "last_login": None,
        **defaults,
    }
    for field, value in placeholders.items():
        setattr(customer, field, value)
    customer.set_unusable_password()
    customer.anonymized_at = timezone.now()
    customer.save(update_fields=[*placeholders, "password", "anonymized_at"])
    customer.groups.clear()
    customer.user_permissions.clear()
    customer_sessions_end(customer=customer)
    audit_record(customer=customer, action=CustomerAuditEntry.Action.ANONYMIZED, actor=actor,
                 actor_label=actor_label)
    return customer


def _check_known(changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")


PROFILE_RULE_FIELDS = ("first_name", "last_name", "phone", "birthday")


def clean_profile_fields(changes: dict[str, Any]) -> dict[str, Any]:
    """Names trimmed, phone normalised, birthday checked: the rules of the API and the admin alike."""
    changes = dict(changes)
    for field in ("first_name", "last_name"):
        if field in changes:
            changes[field] = (changes[field] or "").strip()
    if "phone" in changes:
        changes["phone"] = normalize_phone(changes["phone"] or "")
    birthday = changes.get("birthday")
    if birthday is not None and not (EARLIEST_BIRTHDAY <= birthday < timezone.now().date()):
        raise ValidationFailedError("Enter a birthday in the past (after 1900).", field="birthday")
    return changes


def _apply(customer: Customer, changes: dict[str, Any]) -> dict[str, list]:
    """Set the changed fields on `customer`; returns {field: [old, new]} of the real changes."""
    old = {field: getattr(customer, field) for field in changes}
    diff = field_changes(old, changes)
    for field in diff:
        setattr(customer, field, changes[field])
    return diff


def _currencies() -> list[str]:
    return sorted({*SUPPORTED_CURRENCIES, settings.STORE_CURRENCY})


def _notify_email_changed(old_email: str, new_email: str) -> None:
    """Tell the previous address, so a hijacked session cannot move the account away silently."""
    send_mail(
        subject=f"Your {settings.STORE_NAME} email address was changed",
        message=(f"The email address of your {settings.STORE_NAME} account was changed to {new_email}.\n\n"
                 "If you did not do this, contact us right away."),
        from_email=None,
        recipient_list=[old_email],
        fail_silently=True,
    )


@transaction.atomic
def customer_staff_save(*, customer: Customer, changed_fields: list[str], actor: Customer | None = None) -> Customer:
    """Save the Django admin's change form: the edited columns only, written to the audit trail;
    deactivating ends every session."""
    concrete = {field.name for field in Customer._meta.concrete_fields} - {"password", "id"}
    fields = [field for field in changed_fields if field in concrete]
    old = customer_lock(customer.pk)
    if "email" in fields:
        customer.email = Customer.objects.normalize_email(customer.email)
    cleaned = clean_profile_fields({field: getattr(customer, field) for field in fields
                                    if field in PROFILE_RULE_FIELDS})
    for field, value in cleaned.items():
        setattr(customer, field, value)
    diff = field_changes({field: getattr(old, field) for field in fields},
                         {field: getattr(customer, field) for field in fields})
    if not diff:
        return customer
    customer.save(update_fields=list(diff))
    audit_record(customer=customer, action=CustomerAuditEntry.Action.PROFILE_UPDATED, actor=actor, changes=diff)
    if "is_active" in diff and not customer.is_active:
        customer_sessions_end(customer=customer)
    return customer
