"""A webhook receiver down for an hour of simulated time (docs/reliability.md "Faults").

The production path runs: deliveries are tasks on the database queue, retries are queued with `run_after`
(the retry schedule), `db_worker --batch` runs what is due and `sweep_webhooks` runs "every minute". Time
passes honestly: the simulated clock moves every stored timestamp the delivery logic reads (events,
deliveries, attempts, queued tasks) back by the same amount, which is the same as the clock moving on.
"""

import os
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max
from pytest_httpserver import HTTPServer
from werkzeug import Response

from moodmnky.webhooks import services
from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription
from tests.ports import free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # In-process, the same on either database: one pass is enough (the PostgreSQL pass runs the worker kill).
    pytest.mark.skipif(connection.vendor != "sqlite", reason="runs in the SQLite pass; nothing here is "
                                                             "database-specific"),
]

MINUTE = timedelta(minutes=1)


class SimulatedClock:
    """`advance(delta)`: everything stored happened `delta` earlier, so what was due in `delta` is due now."""

    elapsed = timedelta(0)

    def advance(self, delta: timedelta) -> None:
        self.elapsed += delta
        Event.objects.update(created_at=F("created_at") - delta)
        WebhookDelivery.objects.update(created_at=F("created_at") - delta)
        WebhookDelivery.objects.filter(next_attempt_at__isnull=False).update(
            next_attempt_at=F("next_attempt_at") - delta)
        WebhookAttempt.objects.update(created_at=F("created_at") - delta)
        DBTaskResult.objects.exclude(run_after=get_date_max()).update(run_after=F("run_after") - delta)

    def next_due_in(self) -> timedelta | None:
        """How long until the next attempt of a pending delivery is due (None: nothing is pending)."""
        due = WebhookDelivery.objects.filter(status="pending").order_by("next_attempt_at").values_list(
            "next_attempt_at", flat=True).first()
        return max(due - timezone.now(), timedelta(0)) if due else None


class Receiver:
    """A port of 127.0.0.1 nothing listens on (connection refused), then answering `status`."""

    def __init__(self):
        self.port = free_port()  # not a fixed port, which another test run may hold (see RedisServer)
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.server: HTTPServer | None = None
        self.status = 500
        self.received: list[tuple[str, int]] = []  # (event id, status answered), in arrival order
        self.lock = threading.Lock()

    def listen(self, status: int) -> None:
        self.status = status
        if self.server is None:
            self.server = HTTPServer(host="127.0.0.1", port=self.port)
            self.server.expect_request("/hook").respond_with_handler(self._answer)
            self.server.start()

    def _answer(self, request):
        with self.lock:
            self.received.append((request.json["id"], self.status))
        return Response("ok" if self.status == 200 else "down", status=self.status)

    def delivered(self) -> list[str]:
        return [event_id for event_id, status in self.received if status == 200]

    def close(self) -> None:
        if self.server is not None:
            self.server.clear()
            self.server.stop()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def database_queue(settings):
    settings.WEBHOOK_TASKS_BACKEND = "database"


def run_worker() -> None:
    """`manage.py db_worker --batch` in this process: every task due now, then it returns."""
    Worker(queue_names=["*"], interval=0, batch=True, backend_name="database", startup_delay=False,
           max_tasks=None, worker_id="simulated", excluded_queue_names=[]).run()


def cron_minute() -> None:
    call_command("sweep_webhooks", stdout=open(os.devnull, "w"))  # noqa: SIM115
    run_worker()


def record(n: int) -> str:
    with transaction.atomic():
        return services.record_event("product.updated", {"id": n, "name": f"Candle {n}"}).pk


def run_until_quiet(clock: SimulatedClock, *, limit: timedelta) -> None:
    """Let simulated time run to each next due attempt, with the cron sweep and a worker batch there, until no
    delivery is pending."""
    start = clock.elapsed
    while (wait := clock.next_due_in()) is not None and clock.elapsed - start < limit:
        clock.advance(wait + timedelta(seconds=1))
        cron_minute()


@pytest.mark.usefixtures("database_queue")
def test_a_receiver_down_for_an_hour_gets_every_event_once_it_returns(receiver):
    subscription = services.subscription_create(url=receiver.url, events=["*"])
    clock, sent = SimulatedClock(), []

    # The hour: connection refused for 30 minutes, then 500s; an event every 5 minutes, cron every minute.
    for minute in range(60):
        if minute == 30:
            receiver.listen(500)
        if minute % 5 == 0:
            sent.append(record(minute))
            run_worker()  # the first attempt, queued at the commit
        clock.advance(MINUTE)
        cron_minute()
    subscription.refresh_from_db()
    assert WebhookDelivery.objects.filter(status="succeeded").count() == 0
    assert (subscription.is_active, subscription.failure_count) == (True, 0)  # 8 attempts span 20 h: none failed

    receiver.listen(200)
    run_until_quiet(clock, limit=timedelta(hours=3))

    assert sorted(receiver.delivered()) == sorted(sent)  # every event, each once
    assert len(sent) == 12
    deliveries = WebhookDelivery.objects.filter(subscription=subscription)
    assert set(deliveries.values_list("status", flat=True)) == {"succeeded"}
    assert {status for _, status in receiver.received} == {500, 200}
    refused = WebhookAttempt.objects.filter(status_code__isnull=True).count()
    assert refused > 0 and all("refused" in error.lower() for error in
                               WebhookAttempt.objects.filter(status_code__isnull=True).values_list("error", flat=True))
    subscription.refresh_from_db()
    assert (subscription.is_active, subscription.failure_count) == (True, 0)
    # Retries follow the schedule (gaps of 10 s, 50 s, 4 min, 25 min, 90 min, ... each ±10 %, counted from the
    # attempt made, here at the next cron minute): an event of minute 25 has its 5th attempt refused just
    # before minute 60 and its 6th about 1 h 40 min after the receiver returned. None waits longer.
    assert timedelta(hours=1, minutes=50) <= clock.elapsed <= timedelta(hours=2, minutes=45)
    assert WebhookAttempt.objects.count() == len(receiver.received) + refused


@pytest.mark.usefixtures("database_queue")
def test_a_receiver_down_for_a_day_disables_the_subscription_and_the_operator_gets_everything_back(receiver):
    """Past every retry (about 20 h) deliveries fail; 5 in a row disable the subscription. The operator's
    path (docs/webhooks.md "Retries"): turn it back on, then `redeliver_webhooks --failed --since 48h`."""
    subscription = services.subscription_create(url=receiver.url, events=["*"])
    clock = SimulatedClock()
    receiver.listen(500)
    sent = [record(n) for n in range(6)]
    run_worker()

    run_until_quiet(clock, limit=timedelta(hours=30))

    subscription.refresh_from_db()
    assert not subscription.is_active and subscription.failure_count == 5
    assert "5 deliveries in a row failed" in subscription.disabled_reason
    assert WebhookDelivery.objects.filter(status="failed").count() == 6
    assert WebhookAttempt.objects.count() == 6 * 8 - 1  # the last one's 8th attempt was never sent: disabled
    assert receiver.delivered() == []

    receiver.listen(200)
    services.subscription_update(subscription=subscription, is_active=True)  # PATCH {"is_active": true}
    call_command("redeliver_webhooks", "--failed", "--since", "48h", stdout=open(os.devnull, "w"))  # noqa: SIM115
    run_worker()

    assert sorted(receiver.delivered()) == sorted(sent)
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"succeeded"}
    subscription.refresh_from_db()
    assert (subscription.is_active, subscription.failure_count) == (True, 0)
    assert WebhookSubscription.objects.get(pk=subscription.pk).disabled_reason == ""
