"""The one entry point domain apps use to announce what happened."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from moodmnky.actors import SYSTEM, Actor
from moodmnky.webhooks.models import Event

EVENT_TYPES = [
    "product.created", "product.updated", "product.deleted",
    "inventory.updated", "inventory.low_stock",
    "order.created", "order.confirmed", "order.paid", "order.shipped", "order.delivered",
    "order.cancelled", "order.refunded", "order.status_updated",
    "customer.created",
    "blend.created", "blend.submitted", "blend.approved", "blend.rejected",
    "webhook.ping",
]
_dispatchers = []


def on_event_committed(dispatcher):
    """Register a callable(event) run after the recording transaction commits (delivery hooks in here)."""
    _dispatchers.append(dispatcher)
    return dispatcher


def record_event(event_type: str, data: dict, *, actor: Actor = SYSTEM) -> Event:
    """Record an event inside the caller's transaction; nothing goes out if that transaction rolls back.

    `data` is the resource as the API serializes it for an admin (Decimals and datetimes are
    normalised to their JSON strings here). `actor` is kept on the event (its label) for the log.
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"Unknown event type {event_type!r}")
    event = Event.objects.create(type=event_type, actor_label=actor.label[:150],
                                 data=json.loads(json.dumps(data, cls=DjangoJSONEncoder)))
    for dispatcher in _dispatchers:
        transaction.on_commit(lambda dispatcher=dispatcher: dispatcher(event))
    return event
