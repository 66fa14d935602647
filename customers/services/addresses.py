"""Saved addresses: validation, the cap, and one default shipping and one default billing address, kept by
locking the customer row first on every write (the partial unique constraints are the backstop)."""

from typing import Any

from django.db import transaction

from customers.errors import AddressLimitError
from customers.models import MAX_ADDRESSES_PER_CUSTOMER, Address, Customer, CustomerAuditEntry
from customers.services.audit import audit_record, field_changes
from customers.services.profile import customer_lock
from customers.validation import normalize_country, normalize_phone, normalize_postal_code, normalize_region
from moodmnky.actors import Actor
from moodmnky.errors import NotFoundError, ValidationFailedError

ADDRESS_FIELDS = ("first_name", "last_name", "company", "line1", "line2", "city", "region", "postal_code",
                  "country", "phone")
DEFAULT_FLAGS = ("is_default_shipping", "is_default_billing")
REQUIRED_FIELDS = ("first_name", "last_name", "line1", "city", "country")
_UNSET: Any = object()  # "not given"


@transaction.atomic
def address_create(*, customer: Customer, actor: Actor, first_name: str = "", last_name: str = "",
                   company: str = "", line1: str = "", line2: str = "", city: str = "", region: str = "",
                   postal_code: str = "", country: str = "", phone: str = "", is_default_shipping: bool = False,
                   is_default_billing: bool = False) -> Address:
    """Save a new address. The customer's first address becomes both defaults; asking for a default
    takes it from the previous holder. More than MAX_ADDRESSES_PER_CUSTOMER raises AddressLimitError."""
    customer_lock(customer.pk)
    existing = Address.objects.filter(customer_id=customer.pk).count()
    if existing >= MAX_ADDRESSES_PER_CUSTOMER:
        raise AddressLimitError(AddressLimitError.message.format(limit=MAX_ADDRESSES_PER_CUSTOMER),
                                limit=MAX_ADDRESSES_PER_CUSTOMER)
    data = address_clean({"first_name": first_name, "last_name": last_name, "company": company, "line1": line1,
                          "line2": line2, "city": city, "region": region, "postal_code": postal_code,
                          "country": country, "phone": phone})
    asked = {"is_default_shipping": is_default_shipping, "is_default_billing": is_default_billing}
    flags = {flag: bool(on) or existing == 0 for flag, on in asked.items()}
    _take_defaults(customer.pk, [flag for flag, on in flags.items() if on])
    address = Address.objects.create(customer_id=customer.pk, **data, **flags)
    audit_record(customer=customer, action=CustomerAuditEntry.Action.ADDRESS_CREATED, actor=actor,
                 address_id=address.pk,
                 changes=field_changes({}, {**{k: v for k, v in data.items() if v}, **flags}))
    return address


@transaction.atomic
def address_update(*, address: Address, actor: Actor, first_name: str = _UNSET, last_name: str = _UNSET,
                   company: str = _UNSET, line1: str = _UNSET, line2: str = _UNSET, city: str = _UNSET,
                   region: str = _UNSET, postal_code: str = _UNSET, country: str = _UNSET, phone: str = _UNSET,
                   is_default_shipping: bool = _UNSET, is_default_billing: bool = _UNSET) -> Address:
    """Change an address; the merged result is validated as a whole (a new country re-checks the postal code).

    Setting a default moves it here from the customer's other address. A default cannot be switched off
    directly (ValidationFailedError naming the flag): the customer picks another address as default instead.
    """
    given = {"first_name": first_name, "last_name": last_name, "company": company, "line1": line1,
             "line2": line2, "city": city, "region": region, "postal_code": postal_code, "country": country,
             "phone": phone, "is_default_shipping": is_default_shipping, "is_default_billing": is_default_billing}
    changes = {field: value for field, value in given.items() if value is not _UNSET}
    customer = customer_lock(address.customer_id)
    address = _fresh(address)
    for flag in DEFAULT_FLAGS:
        if flag in changes and not changes[flag] and getattr(address, flag):
            raise ValidationFailedError(
                "This is the default address; make another address the default instead.", field=flag)
    merged = {field: changes.get(field, getattr(address, field)) for field in ADDRESS_FIELDS}
    data = address_clean(merged)
    data.update({flag: True for flag in DEFAULT_FLAGS if changes.get(flag)})
    diff = field_changes({field: getattr(address, field) for field in data}, data)
    if not diff:
        return address
    _take_defaults(customer.pk, [flag for flag in DEFAULT_FLAGS if flag in diff], keep=address.pk)
    for field in diff:
        setattr(address, field, data[field])
    address.save(update_fields=[*diff, "updated_at"])
    audit_record(customer=customer, action=CustomerAuditEntry.Action.ADDRESS_UPDATED, actor=actor,
                 address_id=address.pk, changes=diff)
    return address


@transaction.atomic
def address_delete(*, address: Address, actor: Actor) -> None:
    """Delete an address; a default it held passes to the customer's most recently added other address."""
    customer = customer_lock(address.customer_id)
    address = _fresh(address)
    lost = [flag for flag in DEFAULT_FLAGS if getattr(address, flag)]
    address_id = address.pk
    address.delete()
    heir = Address.objects.filter(customer_id=customer.pk).order_by("-created_at", "-id").first()
    if heir is not None and lost:
        Address.objects.filter(pk=heir.pk).update(**dict.fromkeys(lost, True))
    audit_record(customer=customer, action=CustomerAuditEntry.Action.ADDRESS_DELETED, actor=actor,
                 address_id=address_id, changes={"address": [str(address), None]})


def address_clean(data: dict[str, Any], *, field_prefix: str = "") -> dict[str, str]:
    """Strip, require and normalise every address field; all problems are reported at once.

    Reusable for one-off addresses (checkout): raises ValidationFailedError with one detail per field,
    named `<field_prefix>.<field>` when a prefix is given (e.g. "shipping_address").
    """
    cleaned = {field: " ".join(str(data.get(field) or "").split()) for field in ADDRESS_FIELDS}
    errors = [{"field": field, "message": "This field is required."}
              for field in REQUIRED_FIELDS if not cleaned[field]]
    checks = [("phone", lambda: normalize_phone(cleaned["phone"]))]
    if cleaned["country"]:
        checks.insert(0, ("country", lambda: normalize_country(cleaned["country"])))
    for field, check in checks:
        try:
            cleaned[field] = check()
        except ValidationFailedError as exc:
            errors.append({"field": field, "message": exc.message})
    country = cleaned["country"]
    if country and not any(error["field"] == "country" for error in errors):
        for field, check in (("postal_code", normalize_postal_code), ("region", normalize_region)):
            try:
                cleaned[field] = check(cleaned[field], country)
            except ValidationFailedError as exc:
                errors.append({"field": field, "message": exc.message})
    if errors:
        if field_prefix:
            errors = [{**error, "field": f"{field_prefix}.{error['field']}"} for error in errors]
        raise ValidationFailedError("Invalid input." if len(errors) > 1 else errors[0]["message"], errors=errors)
    return cleaned


def _take_defaults(customer_id: int, flags: list[str], keep: int | None = None) -> None:
    """Clear `flags` on the customer's other addresses (before setting them on the new holder)."""
    for flag in flags:
        Address.objects.filter(customer_id=customer_id, **{flag: True}).exclude(pk=keep).update(**{flag: False})


def _fresh(address: Address) -> Address:
    try:
        return Address.objects.get(pk=address.pk, customer_id=address.customer_id)
    except Address.DoesNotExist:
        raise NotFoundError("Address not found.") from None

