"""Writes to a customer's own profile, staff edits (admin API and Django admin), and account deletion."""

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
from moodmnky.actors import Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.money import store_currency

PREFERENCE_FIELDS = ("email_marketing", "sms_marketing", "preferred_currency", "reminder_frequency")
# What customer_admin_update changes: the admin API sends the first five, the Django admin any of them.
CUSTOMER_ADMIN_FIELDS = ("first_name", "last_name", "phone", "birthday", "is_active", "email", *PREFERENCE_FIELDS,
                         "is_staff", "is_superuser")
EARLIEST_BIRTHDAY = date(1900, 1, 1)
_UNSET: Any = object()  # "not given" (None is a value: birthday=None clears it)


def customer_lock(customer_id: int) -> Customer:
    """Re-read the customer with a row lock: every write to its addresses and points queues behind it."""
    return Customer.objects.select_for_update().get(pk=customer_id)


@transaction.atomic
def customer_profile_update(*, customer: Customer, actor: Actor, current_password: str | None = None,
                            email: str = _UNSET, first_name: str = _UNSET, last_name: str = _UNSET,
                            phone: str = _UNSET, birthday: date | None = _UNSET, email_marketing: bool = _UNSET,
                            sms_marketing: bool = _UNSET, preferred_currency: str = _UNSET,
                            reminder_frequency: str = _UNSET) -> Customer:
    """Change the customer's own profile and preferences (the rules of customer_changes_clean).

    A new email needs `current_password` (WrongPasswordError naming current_password); the previous
    address is told of the change.
    """
    changes = _given(email=email, first_name=first_name, last_name=last_name, phone=phone, birthday=birthday,
                     email_marketing=email_marketing, sms_marketing=sms_marketing,
                     preferred_currency=preferred_currency, reminder_frequency=reminder_frequency)
    customer = customer_lock(customer.pk)
    new_email = Customer.objects.normalize_email(changes["email"]) if "email" in changes else customer.email
    if new_email != customer.email and (not current_password or not customer.check_password(current_password)):
        raise WrongPasswordError("The current password is incorrect." if current_password
                                 else "Enter your current password to change your email.", field="current_password")
    changes = customer_changes_clean(customer, changes)
    old_email = customer.email
    diff = _save_audited(customer, changes, actor)
    if "email" in diff:
        transaction.on_commit(lambda: _notify_email_changed(old_email, customer.email))
    return customer


@transaction.atomic
def customer_admin_update(*, customer: Customer, actor: Actor, first_name: str = _UNSET, last_name: str = _UNSET,
                          phone: str = _UNSET, birthday: date | None = _UNSET, is_active: bool = _UNSET,
                          email: str = _UNSET, email_marketing: bool = _UNSET, sms_marketing: bool = _UNSET,
                          preferred_currency: str = _UNSET, reminder_frequency: str = _UNSET,
                          is_staff: bool = _UNSET, is_superuser: bool = _UNSET) -> Customer:
    """Staff change a customer (the admin API and the Django admin); deactivating ends every session.

    The rules of customer_changes_clean apply; an anonymised account cannot be reactivated
    (ValidationFailedError naming is_active).
    """
    changes = _given(first_name=first_name, last_name=last_name, phone=phone, birthday=birthday,
                     is_active=is_active, email=email, email_marketing=email_marketing, sms_marketing=sms_marketing,
                     preferred_currency=preferred_currency, reminder_frequency=reminder_frequency,
                     is_staff=is_staff, is_superuser=is_superuser)
    customer = customer_lock(customer.pk)
    changes = customer_changes_clean(customer, changes)
    if changes.get("is_active") and customer.is_anonymized:
        raise ValidationFailedError("An anonymised account cannot be reactivated.", field="is_active")
    diff = _save_audited(customer, changes, actor)
    if "is_active" in diff and not customer.is_active:
        customer_sessions_end(customer=customer)
    return customer


def customer_changes_clean(customer: Customer, changes: dict[str, Any]) -> dict[str, Any]:
    """The rules of every profile edit (API and Django admin): names trimmed, phone normalised, a birthday in
    the past (after 1900), a normalised email free in any letter case (EmailTakenError), a known currency and
    reminder frequency, and SMS marketing only with a phone number. Returns the cleaned changes (an
    unchanged email is dropped); raises ValidationFailedError naming the field."""
    changes = _names_phone_birthday_clean(changes)
    if "email" in changes:
        changes["email"] = Customer.objects.normalize_email(changes["email"])
        if changes["email"] == customer.email:
            del changes["email"]
        elif Customer.objects.filter(email__iexact=changes["email"]).exclude(pk=customer.pk).exists():
            raise EmailTakenError()
    if "preferred_currency" in changes:
        changes["preferred_currency"] = (changes["preferred_currency"] or "").strip().upper()
        if changes["preferred_currency"] not in customer_currencies():
            raise ValidationFailedError(f"Choose one of {', '.join(customer_currencies())}.",
                                        field="preferences.preferred_currency")
    if "reminder_frequency" in changes and changes["reminder_frequency"] not in ReminderFrequency.values:
        raise ValidationFailedError("Unknown reminder frequency.", field="preferences.reminder_frequency")
    sms_marketing = changes.get("sms_marketing", customer.sms_marketing)
    if sms_marketing and not changes.get("phone", customer.phone):
        raise ValidationFailedError("Add a phone number to receive SMS marketing.", field="preferences.sms_marketing")
    return changes


def customer_currencies() -> list[str]:
    """The display currencies a customer may prefer: SUPPORTED_CURRENCIES and the store's own."""
    return sorted({*SUPPORTED_CURRENCIES, store_currency()})


@transaction.atomic
def customer_delete_account(*, customer: Customer, password: str) -> Customer:
    """The customer leaves: checks the password (ValidationFailedError naming password), then anonymises."""
    if not password or not customer.check_password(password):
        raise WrongPasswordError(field="password")
    return customer_anonymize(customer=customer, actor=Actor(user=customer))


@transaction.atomic
def customer_anonymize(*, customer: Customer, actor: Actor) -> Customer:
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
    audit_record(customer=customer, action=CustomerAuditEntry.Action.ANONYMIZED, actor=actor)
    return customer


def _names_phone_birthday_clean(changes: dict[str, Any]) -> dict[str, Any]:
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


def _given(**fields: Any) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value is not _UNSET}


def _save_audited(customer: Customer, changes: dict[str, Any], actor: Actor) -> dict[str, list]:
    """Set and save the fields that really change, with one audit entry; returns {field: [old, new]}."""
    diff = field_changes({field: getattr(customer, field) for field in changes}, changes)
    if diff:
        for field in diff:
            setattr(customer, field, changes[field])
        customer.save(update_fields=list(diff))
        audit_record(customer=customer, action=CustomerAuditEntry.Action.PROFILE_UPDATED, actor=actor, changes=diff)
    return diff


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
