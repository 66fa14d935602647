"""The audit trail of profile and address changes: who, what ({field: [old, new]}) and when."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from customers.models import Customer, CustomerAuditEntry
from moodmnky.actors import Actor

REDACTED = "[redacted]"


def audit_actor_label(customer: Customer, actor: Actor) -> str:
    """How the trail names the actor: "customer" (themselves), "staff <email>", the API key, or "system"."""
    if actor.api_key is not None:
        return actor.label
    if actor.user is not None:
        return "customer" if actor.user_id == customer.pk else f"staff {actor.user.email}"
    return "system" if actor.system in ("", "system") else f"system ({actor.system})"


def json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for every field of `new` whose value differs from `old`."""
    return {field: [json_value(old.get(field)), json_value(value)]
            for field, value in new.items() if old.get(field) != value}


def audit_record(*, customer: Customer, action: str, actor: Actor, changes: dict | None = None,
                 address_id: int | None = None) -> CustomerAuditEntry:
    """Write one audit entry; call it inside the transaction of the change it describes."""
    return CustomerAuditEntry.objects.create(
        customer=customer,
        actor=actor.user if actor.user_id is not None else None,
        actor_label=audit_actor_label(customer, actor)[:150],
        action=action,
        address_id=address_id,
        changes=changes or {},
    )


def audit_redact(*, customer: Customer) -> int:
    """Replace every old and new value in the customer's audit trail (account deletion keeps who/what/when)."""
    entries = list(CustomerAuditEntry.objects.filter(customer=customer).only("pk", "changes"))
    for entry in entries:
        entry.changes = {field: [REDACTED, REDACTED] for field in entry.changes}
    CustomerAuditEntry.objects.bulk_update(entries, ["changes"], batch_size=500)
    return len(entries)
