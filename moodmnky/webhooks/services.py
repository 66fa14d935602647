"""Events and their delivery: domain apps record events with record_event() / record_events(); the rest is ours."""

import json
import logging
import random
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks import signing, targets, transport
from moodmnky.webhooks.errors import DeliveryInFlightError, SubscriptionDisabledError, UnsafeWebhookUrlError
from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)

EVENT_TYPES = [
    "product.created", "product.updated", "product.deleted",
    "inventory.updated", "inventory.low_stock",
    "order.created", "order.confirmed", "order.paid", "order.shipped", "order.delivered",
    "order.cancelled", "order.refunded", "order.status_updated",
    "customer.created",
    "blend.created", "blend.submitted", "blend.approved", "blend.rejected",
    "webhook.ping",
]
SUBSCRIBABLE_EVENT_TYPES = [event_type for event_type in EVENT_TYPES if event_type != "webhook.ping"]
# Attempt n is due about RETRY_SCHEDULE[n - 1] seconds after the event (each gap ±10 % jitter).
RETRY_SCHEDULE = [0, 10, 60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600]
MAX_ATTEMPTS = len(RETRY_SCHEDULE)
JITTER = 0.10
MAX_RETRY_AFTER = timedelta(hours=24)
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
    return record_events([(event_type, data)], actor=actor)[0]


def record_events(events: Iterable[tuple[str, dict]], *, actor: Actor = SYSTEM) -> list[Event]:
    """Record several `(type, data)` events in one INSERT, in the caller's transaction, in the order given.

    The same as calling record_event for each in turn (same rows, same order, `created_at` strictly
    increasing; every type checked before anything is written), and each event is still handed to the
    after-commit hooks on its own, in that order.
    """
    events = list(events)
    unknown = [event_type for event_type, _ in events if event_type not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"Unknown event type {unknown[0]!r}")
    rows, previous = [], None
    for event_type, data in events:
        created_at = timezone.now()
        if previous is not None and created_at <= previous:  # same clock tick: keep the order readable
            created_at = previous + timedelta(microseconds=1)
        previous = created_at
        rows.append(Event(type=event_type, actor_label=actor.label[:150], created_at=created_at,
                          data=json.loads(json.dumps(data, cls=DjangoJSONEncoder))))
    if not rows:
        return []
    Event.objects.bulk_create(rows)
    for event in rows:
        for dispatcher in _dispatchers:
            # robust: the change is committed whatever a hook does; a failed fan-out is redone by the sweep.
            transaction.on_commit(lambda dispatcher=dispatcher, event=event: dispatcher(event), robust=True)
    return rows


# Subscriptions ---------------------------------------------------------------------------------

def validate_events(events: list[str]) -> list[str]:
    if not events:
        raise ValidationFailedError("Name at least one event type, or \"*\" for all of them.", field="events")
    unknown = sorted(set(events) - set(SUBSCRIBABLE_EVENT_TYPES) - {"*"})
    if unknown:
        raise ValidationFailedError(f"Unknown event types: {', '.join(unknown)}.", field="events")
    return ["*"] if "*" in events else sorted(set(events), key=EVENT_TYPES.index)


def subscription_create(*, url: str, events: list[str], is_active: bool = True,
                        description: str = "") -> WebhookSubscription:
    """Create a subscription with a fresh secret; the URL must pass the SSRF guard (UnsafeWebhookUrlError)."""
    targets.target_address(url)
    return WebhookSubscription.objects.create(url=url, events=validate_events(events), is_active=is_active,
                                              description=description, secret=signing.secret_generate())


@transaction.atomic
def subscription_update(*, subscription: WebhookSubscription, **fields) -> WebhookSubscription:
    """Change url/events/is_active/description; turning a subscription back on clears its failure record."""
    if "url" in fields and fields["url"] != subscription.url:
        targets.target_address(fields["url"])
    if "events" in fields:
        fields["events"] = validate_events(fields["events"])
    if fields.get("is_active") and not subscription.is_active:
        fields.update(failure_count=0, disabled_reason="", disabled_at=None)
    if fields.get("is_active") is False and subscription.is_active:
        fields.update(disabled_reason="Turned off by staff.", disabled_at=timezone.now())
    for name, value in fields.items():
        setattr(subscription, name, value)
    subscription.save(update_fields=[*fields, "updated_at"])
    return subscription


def subscription_delete(*, subscription: WebhookSubscription) -> None:
    """Delete it with its delivery log."""
    subscription.delete()


def subscription_rotate_secret(*, subscription: WebhookSubscription) -> WebhookSubscription:
    subscription.secret = signing.secret_generate()
    subscription.save(update_fields=["secret", "updated_at"])
    return subscription


@transaction.atomic
def subscription_ping(*, subscription: WebhookSubscription, actor: Actor = SYSTEM) -> WebhookDelivery:
    """Send `webhook.ping` to this subscription alone (SubscriptionDisabledError when it is off)."""
    if not subscription.is_active:
        raise SubscriptionDisabledError()
    event = Event.objects.create(type="webhook.ping", actor_label=actor.label[:150], fanned_out_at=timezone.now(),
                                 data={"subscription_id": subscription.pk, "url": subscription.url,
                                       "events": subscription.events})
    delivery = WebhookDelivery.objects.create(event=event, subscription=subscription, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: _enqueue(delivery.pk), robust=True)
    return delivery


# Fan-out, redelivery, sweep ---------------------------------------------------------------------

@on_event_committed
def fan_out_committed(event: Event) -> None:
    event_fan_out(event_id=event.pk)


@transaction.atomic
def event_fan_out(*, event_id: str) -> list[int]:
    """One pending delivery per active subscription that wants the event; safe to repeat (one row per pair)."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None or event.type == "webhook.ping":
        return []
    now = timezone.now()
    subscriptions = [sub for sub in WebhookSubscription.objects.filter(is_active=True) if sub.wants(event.type)]
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(event=event, subscription=sub, next_attempt_at=now) for sub in subscriptions],
        ignore_conflicts=True,
    )
    Event.objects.filter(pk=event.pk, fanned_out_at__isnull=True).update(fanned_out_at=now)
    delivery_ids = list(WebhookDelivery.objects.filter(event=event, status=WebhookDelivery.Status.PENDING,
                                                       in_flight=False).values_list("pk", flat=True))
    transaction.on_commit(lambda: [_enqueue(pk) for pk in delivery_ids], robust=True)
    return delivery_ids


@transaction.atomic
def delivery_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Start a fresh round of attempts now (DeliveryInFlightError while one is running, SubscriptionDisabledError)."""
    if not WebhookSubscription.objects.filter(pk=delivery.subscription_id, is_active=True).exists():
        raise SubscriptionDisabledError()
    now = timezone.now()
    reset = WebhookDelivery.objects.filter(pk=delivery.pk).filter(Q(in_flight=False) | Q(next_attempt_at__lte=now))
    if not reset.update(status=WebhookDelivery.Status.PENDING, attempt_count=0, in_flight=False,
                        next_attempt_at=now, updated_at=now):
        raise DeliveryInFlightError()
    transaction.on_commit(lambda: _enqueue(delivery.pk), robust=True)
    delivery.refresh_from_db()
    return delivery


def deliveries_redeliver_failed(*, since: datetime, subscription_id: int | None = None, dry_run: bool = False,
                                progress: Callable[[int, int], None] | None = None) -> list[int]:
    """Redeliver every failed delivery of an active subscription created since `since`; returns their ids.
    `progress(done, total)` is called after each one (a command's progress bar)."""
    failed = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED, created_at__gte=since,
                                            subscription__is_active=True)
    if subscription_id is not None:
        failed = failed.filter(subscription_id=subscription_id)
    ids = list(failed.order_by("created_at", "pk").values_list("pk", flat=True))
    if not dry_run:
        for done, delivery in enumerate(WebhookDelivery.objects.filter(pk__in=ids), start=1):
            delivery_redeliver(delivery=delivery)
            if progress:
                progress(done, len(ids))
    return ids


def deliveries_sweep() -> int:
    """Re-enqueue what a lost worker or process left behind; returns how many deliveries were queued.

    Covers events whose after-commit fan-out never ran, attempts whose lease ran out (the worker died
    mid-attempt) and due deliveries whose task never made it to the queue. Run it every minute or two
    (`manage.py sweep_webhooks` from cron); the claim makes extra enqueues harmless.
    """
    now = timezone.now()
    grace = timedelta(seconds=settings.WEBHOOK_SWEEP_GRACE_SECONDS) if _can_defer() else timedelta(0)
    for event_id in Event.objects.filter(fanned_out_at__isnull=True, created_at__lt=now - grace).values_list(
            "pk", flat=True)[:500]:
        event_fan_out(event_id=event_id)
    due = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).filter(
        Q(in_flight=True, next_attempt_at__lte=now) | Q(in_flight=False, next_attempt_at__lte=now - grace)
    )
    ids = list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:1000])
    for pk in ids:
        _enqueue(pk)
    return len(ids)


# One attempt ------------------------------------------------------------------------------------

def delivery_attempt(*, delivery_id: int) -> WebhookAttempt | None:
    """Make the next attempt of a due delivery, at most once per attempt across all workers.

    The conditional UPDATE that claims the row (due, pending) is the only way in: of two workers
    running the same delivery, one claims it and the other finds nothing to do. The claim sets
    `next_attempt_at` to the lease's end, so a worker killed mid-attempt leaves the delivery due
    again once the lease runs out (at-least-once). Returns the attempt made, or None.
    """
    delivery = WebhookDelivery.objects.select_related("event", "subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return None
    now = timezone.now()
    if not delivery.subscription.is_active:  # unless an attempt is still running (its lease not yet over)
        WebhookDelivery.objects.filter(pk=delivery.pk, status=WebhookDelivery.Status.PENDING).filter(
            Q(in_flight=False) | Q(next_attempt_at__lte=now)
        ).update(status=WebhookDelivery.Status.FAILED, in_flight=False, next_attempt_at=None, updated_at=now)
        return None
    lease = timedelta(seconds=settings.WEBHOOK_LEASE_SECONDS)
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    ).update(in_flight=True, next_attempt_at=now + lease, attempt_count=F("attempt_count") + 1, updated_at=now)
    if not claimed:
        return None  # another worker holds it, or it is not due yet
    number = WebhookDelivery.objects.values_list("attempt_count", flat=True).get(pk=delivery.pk)
    return _send_and_record(delivery, number)


def _send_and_record(delivery: WebhookDelivery, number: int) -> WebhookAttempt:
    subscription, event = delivery.subscription, delivery.event
    body = json.dumps(event.payload(), separators=(",", ":"), cls=DjangoJSONEncoder).encode()
    timestamp = int(time.time())
    headers = signing.signed_headers(secret=subscription.secret, event_id=event.pk, event_type=event.type,
                                     delivery_id=delivery.pk, timestamp=timestamp, body=body)
    try:
        address = targets.target_address(subscription.url)  # again at delivery: DNS may have changed
    except UnsafeWebhookUrlError as exc:
        answer = transport.Answer(None, None, "", 0, f"Not sent: {exc}")
    else:
        answer = transport.post(url=subscription.url, address=address, body=body, headers=headers,
                                timeout=settings.WEBHOOK_TIMEOUT_SECONDS)
    with transaction.atomic():
        attempt = WebhookAttempt.objects.create(
            delivery=delivery, number=number, url=subscription.url, request_headers=headers,
            status_code=answer.status_code, duration_ms=answer.duration_ms,
            response_excerpt=answer.excerpt, error=answer.error[:500])
        outcome = _outcome(answer, number)
        mine = WebhookDelivery.objects.filter(pk=delivery.pk, attempt_count=number, in_flight=True)
        applied = mine.update(in_flight=False, updated_at=timezone.now(), **outcome)
        if applied:  # else the lease ran out and another worker owns the delivery now
            _update_subscription(subscription, answer, outcome)
    if applied and outcome["status"] == WebhookDelivery.Status.PENDING:
        _enqueue(delivery.pk, run_after=outcome["next_attempt_at"])
    logger.info("webhook attempt", extra={"delivery_id": delivery.pk, "attempt": number,
                                          "status_code": answer.status_code, "error": answer.error})
    return attempt


def _outcome(answer: transport.Answer, number: int) -> dict:
    Status = WebhookDelivery.Status
    if answer.status_code is not None and 200 <= answer.status_code < 300:
        return {"status": Status.SUCCEEDED, "next_attempt_at": None}
    if answer.status_code == 410 or number >= MAX_ATTEMPTS:
        return {"status": Status.FAILED, "next_attempt_at": None}
    return {"status": Status.PENDING, "next_attempt_at": next_attempt_time(number, answer.retry_after)}


def next_attempt_time(attempts_made: int, retry_after: str | None = None, *, now: datetime | None = None) -> datetime:
    """When attempt `attempts_made + 1` is due: the schedule's gap ±10 %, or later if Retry-After says so."""
    now = now or timezone.now()
    gap = RETRY_SCHEDULE[attempts_made] - RETRY_SCHEDULE[attempts_made - 1]
    due = now + timedelta(seconds=gap * random.uniform(1 - JITTER, 1 + JITTER))
    wait = _retry_after(retry_after, now)
    return max(due, now + wait) if wait else due


def _retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds or an HTTP date, capped at 24 h; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        wait = timedelta(seconds=int(value))
    else:
        try:
            wait = parsedate_to_datetime(value) - now
        except (TypeError, ValueError, IndexError):
            return None
    return min(max(wait, timedelta(0)), MAX_RETRY_AFTER)


def _update_subscription(subscription: WebhookSubscription, answer: transport.Answer, outcome: dict) -> None:
    subscriptions = WebhookSubscription.objects.filter(pk=subscription.pk)
    now = timezone.now()
    if outcome["status"] == WebhookDelivery.Status.SUCCEEDED:
        subscriptions.filter(failure_count__gt=0).update(failure_count=0)
    elif answer.status_code == 410:
        subscriptions.filter(is_active=True).update(
            is_active=False, disabled_at=now, disabled_reason="The endpoint answered 410 Gone.")
    elif outcome["status"] == WebhookDelivery.Status.FAILED:
        subscriptions.update(failure_count=F("failure_count") + 1)
        limit = settings.WEBHOOK_DISABLE_AFTER_FAILURES
        subscriptions.filter(is_active=True, failure_count__gte=limit).update(
            is_active=False, disabled_at=now,
            disabled_reason=f"{limit} deliveries in a row failed after every retry.")


def _can_defer() -> bool:
    from django_tasks import task_backends

    return task_backends[settings.WEBHOOK_TASKS_BACKEND].supports_defer


def _enqueue(delivery_id: int, *, run_after: datetime | None = None) -> None:
    """Queue an attempt; a backend that cannot defer (tests' immediate one) leaves retries to the sweep."""
    from moodmnky.webhooks.tasks import webhook_deliver

    task = webhook_deliver.using(backend=settings.WEBHOOK_TASKS_BACKEND)
    if run_after is not None:
        if not _can_defer():
            return
        task = task.using(run_after=run_after)
    task.enqueue(delivery_id)
