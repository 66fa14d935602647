import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from werkzeug import Response

from moodmnky.webhooks import services
from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription
from tests.webhooks.helpers import make_due, verify_both

pytestmark = pytest.mark.django_db


def record(django_capture_on_commit_callbacks, event_type="product.created", data=None):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return services.record_event(event_type, data or {"id": 7, "price": "24.00"})


def test_committed_event_is_delivered_once_with_both_signatures_verifiable(
        receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook", method="POST").respond_with_data("thanks")
    subscription = subscribe(receiver.url_for("/hook"))

    event = record(django_capture_on_commit_callbacks)

    (request, _response), = receiver.log
    payload = verify_both(subscription.secret, request.headers, request.get_data())
    assert payload == {"id": event.id, "type": "product.created", "timestamp": event.created_at.isoformat(),
                       "version": "1.0", "data": {"id": 7, "price": "24.00"}}
    delivery = WebhookDelivery.objects.get()
    assert request.headers["X-Mood-Mnky-Event"] == "product.created"
    assert request.headers["X-Mood-Mnky-Delivery"] == str(delivery.pk)
    assert request.headers["Webhook-Id"] == event.id
    assert request.headers["Content-Type"] == "application/json"
    assert delivery.status == "succeeded" and delivery.attempt_count == 1 and delivery.next_attempt_at is None
    attempt = delivery.attempts.get()
    assert (attempt.status_code, attempt.response_excerpt, attempt.error) == (200, "thanks", "")
    assert attempt.request_headers["webhook-id"] == event.id


def test_only_active_subscriptions_that_want_the_event_get_a_delivery(
        receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    wants = subscribe(receiver.url_for("/hook"), events=["product.created"])
    everything = subscribe(receiver.url_for("/hook"), events=["*"])
    subscribe(receiver.url_for("/hook"), events=["order.paid"])
    subscribe(receiver.url_for("/hook"), is_active=False)

    record(django_capture_on_commit_callbacks)

    assert sorted(WebhookDelivery.objects.values_list("subscription_id", flat=True)) == sorted(
        [wants.pk, everything.pk])
    assert len(receiver.log) == 2


def test_rolled_back_change_sends_nothing(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscribe(receiver.url_for("/hook"))

    with (django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError),
          transaction.atomic()):
        services.record_event("product.created", {"id": 1})
        raise RuntimeError("the change failed")

    assert callbacks == []
    assert not Event.objects.exists() and not WebhookDelivery.objects.exists()
    assert receiver.log == []


def test_a_500_is_retried_on_schedule_and_retries_stop_on_success(
        receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_oneshot_request("/hook").respond_with_data("down", status=500)
    receiver.expect_request("/hook").respond_with_data("ok")
    subscribe(receiver.url_for("/hook"))

    before = timezone.now()
    record(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()

    assert delivery.status == "pending" and delivery.attempt_count == 1
    assert before + timedelta(seconds=9) <= delivery.next_attempt_at <= timezone.now() + timedelta(seconds=11)
    assert services.delivery_attempt(delivery_id=delivery.pk) is None  # not due yet: nothing is sent
    assert len(receiver.log) == 1

    make_due(delivery.pk)
    services.delivery_attempt(delivery_id=delivery.pk)
    make_due(delivery.pk)  # even if it were due again, a succeeded delivery is never sent again
    assert services.delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and delivery.attempt_count == 2
    assert list(delivery.attempts.order_by("number").values_list("number", "status_code")) == [(1, 500), (2, 200)]
    assert len(receiver.log) == 2


def test_a_timeout_is_retried(receiver, subscribe, settings, django_capture_on_commit_callbacks):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5

    def stall(request):
        time.sleep(1.5)
        return Response("late")

    receiver.expect_oneshot_request("/hook").respond_with_handler(stall)
    receiver.expect_request("/hook").respond_with_data("ok")
    subscribe(receiver.url_for("/hook"))

    started = time.monotonic()
    record(django_capture_on_commit_callbacks)
    elapsed = time.monotonic() - started
    delivery = WebhookDelivery.objects.get()

    assert elapsed < 1.4  # the attempt gave up at the timeout, not when the receiver answered
    first = delivery.attempts.get()
    assert first.status_code is None and "Timed out" in first.error and 400 <= first.duration_ms < 1400
    assert delivery.status == "pending"

    make_due(delivery.pk)
    services.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and delivery.attempt_count == 2


def test_after_eight_failed_attempts_the_delivery_fails_and_counts_against_the_subscription(
        receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("nope", status=500)
    subscription = subscribe(receiver.url_for("/hook"))
    record(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()

    for _ in range(7):
        make_due(delivery.pk)
        services.delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert delivery.status == "failed" and delivery.attempt_count == 8 and delivery.next_attempt_at is None
    make_due(delivery.pk)
    assert services.delivery_attempt(delivery_id=delivery.pk) is None
    assert len(receiver.log) == 8 == delivery.attempts.count()
    subscription.refresh_from_db()
    assert subscription.failure_count == 1 and subscription.is_active


def test_repeated_failed_deliveries_disable_the_subscription(receiver, subscribe, settings,
                                                             django_capture_on_commit_callbacks):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 2
    receiver.expect_request("/hook").respond_with_data("nope", status=503)
    subscription = subscribe(receiver.url_for("/hook"))
    for _ in range(3):
        record(django_capture_on_commit_callbacks)
    deliveries = list(WebhookDelivery.objects.order_by("pk"))

    for delivery in deliveries[:2]:  # both on their last attempt
        WebhookDelivery.objects.filter(pk=delivery.pk).update(attempt_count=7)
        make_due(delivery.pk)
        services.delivery_attempt(delivery_id=delivery.pk)
    make_due(deliveries[2].pk)
    services.delivery_attempt(delivery_id=deliveries[2].pk)

    subscription.refresh_from_db()
    assert not subscription.is_active and subscription.disabled_at is not None
    assert "2 deliveries in a row failed" in subscription.disabled_reason
    assert list(WebhookDelivery.objects.order_by("pk").values_list("status", flat=True)) == ["failed"] * 3
    assert len(receiver.log) == 3 + 2  # the third was not sent again once the subscription was off


def test_success_resets_the_failure_count(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    WebhookSubscription.objects.filter(pk=subscription.pk).update(failure_count=3)

    record(django_capture_on_commit_callbacks)

    subscription.refresh_from_db()
    assert subscription.failure_count == 0


def test_410_gone_disables_the_subscription_at_once(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("gone", status=410)
    subscription = subscribe(receiver.url_for("/hook"))

    record(django_capture_on_commit_callbacks)

    subscription.refresh_from_db()
    delivery = WebhookDelivery.objects.get()
    assert not subscription.is_active and "410" in subscription.disabled_reason
    assert delivery.status == "failed" and delivery.attempt_count == 1
    record(django_capture_on_commit_callbacks)  # a later event finds nobody listening
    assert WebhookDelivery.objects.count() == 1 and len(receiver.log) == 1


def test_retry_after_pushes_the_next_attempt_later(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_response(Response("slow down", status=429,
                                                                    headers={"Retry-After": "600"}))
    subscribe(receiver.url_for("/hook"))

    record(django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.next_attempt_at >= timezone.now() + timedelta(seconds=590)


def test_a_redirect_is_not_followed(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_response(
        Response("", status=302, headers={"Location": receiver.url_for("/elsewhere")}))
    receiver.expect_request("/elsewhere").respond_with_data("ok")
    subscribe(receiver.url_for("/hook"))

    record(django_capture_on_commit_callbacks)

    assert [request.path for request, _ in receiver.log] == ["/hook"]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts.get().status_code == 302


@pytest.mark.parametrize("attempts_made", range(1, 8))
def test_backoff_follows_the_schedule_within_ten_percent_jitter(attempts_made):
    now = timezone.now()
    gap = services.RETRY_SCHEDULE[attempts_made] - services.RETRY_SCHEDULE[attempts_made - 1]

    waits = [(services.next_attempt_time(attempts_made, now=now) - now).total_seconds() for _ in range(200)]

    assert all(gap * 0.9 <= wait <= gap * 1.1 for wait in waits)
    assert max(waits) - min(waits) > gap * 0.05  # jittered, not constant


def test_schedule_adds_up_to_about_twelve_hours_after_the_event():
    assert services.RETRY_SCHEDULE == [0, 10, 60, 300, 1800, 7200, 21600, 43200]
    assert services.MAX_ATTEMPTS == 8


@pytest.mark.parametrize(("retry_after", "at_least", "at_most"), [
    ("120", 120, 120),  # seconds, longer than the 10 s gap
    ("1", 9, 11),  # shorter than the gap: the schedule wins
    ("999999", 24 * 3600, 24 * 3600),  # capped at 24 h
    ("soon", 9, 11),  # unreadable: ignored
])
def test_retry_after_in_seconds(retry_after, at_least, at_most):
    now = timezone.now()

    wait = (services.next_attempt_time(1, retry_after, now=now) - now).total_seconds()

    assert at_least <= wait <= at_most


def test_retry_after_as_an_http_date():
    from email.utils import format_datetime

    now = timezone.now().replace(microsecond=0)
    header = format_datetime(now + timedelta(minutes=30), usegmt=True)

    wait = services.next_attempt_time(1, header, now=now) - now

    assert wait == timedelta(minutes=30)


def test_sweep_picks_up_an_attempt_whose_worker_died_and_fans_out_lost_events(
        receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"), events=["*"])
    lost_event = Event.objects.create(type="product.updated", data={"id": 1},
                                      created_at=timezone.now() - timedelta(minutes=5))
    stuck_event = Event.objects.create(type="product.created", data={"id": 2}, fanned_out_at=timezone.now())
    stuck = WebhookDelivery.objects.create(  # claimed by a worker that died: the lease ran out a second ago
        event=stuck_event, subscription=subscription, in_flight=True, attempt_count=1,
        next_attempt_at=timezone.now() - timedelta(seconds=1))

    with django_capture_on_commit_callbacks(execute=True):
        queued = services.deliveries_sweep()

    assert queued == 1  # the stuck one; the lost event's delivery was queued by its own fan-out
    stuck.refresh_from_db()
    assert stuck.status == "succeeded" and stuck.attempt_count == 2 and not stuck.in_flight
    lost = WebhookDelivery.objects.get(event=lost_event)
    assert lost.status == "succeeded"
    assert sorted(request.get_json()["type"] for request, _ in receiver.log) == ["product.created",
                                                                                 "product.updated"]


def test_an_attempt_in_flight_is_not_taken_by_a_second_worker(subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    event = Event.objects.create(type="product.created", data={}, fanned_out_at=timezone.now())
    delivery = WebhookDelivery.objects.create(event=event, subscription=subscription, in_flight=True,
                                              attempt_count=1, next_attempt_at=timezone.now() + timedelta(seconds=60))

    assert services.delivery_attempt(delivery_id=delivery.pk) is None
    assert not WebhookAttempt.objects.exists()


def test_redeliver_starts_a_new_round(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_oneshot_request("/hook").respond_with_data("nope", status=400)
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    record(django_capture_on_commit_callbacks)
    WebhookDelivery.objects.update(status="failed", attempt_count=8, next_attempt_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        services.delivery_redeliver(delivery=WebhookDelivery.objects.get())

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "succeeded" and delivery.attempt_count == 1
    assert delivery.attempts.count() == 2  # the log keeps the earlier round
    assert [request.headers["Webhook-Id"] for request, _ in receiver.log] == [delivery.event_id] * 2
    assert subscription.deliveries.count() == 1


def test_ping_goes_to_that_subscription_only(receiver, subscribe, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("pong")
    subscription = subscribe(receiver.url_for("/hook"))
    subscribe(receiver.url_for("/hook"), events=["*"])

    with django_capture_on_commit_callbacks(execute=True):
        delivery = services.subscription_ping(subscription=subscription)

    (request, _), = receiver.log
    payload = verify_both(subscription.secret, request.headers, request.get_data())
    assert payload["type"] == "webhook.ping" and payload["data"]["subscription_id"] == subscription.pk
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


def test_a_result_arriving_after_the_lease_was_taken_over_does_not_overwrite_the_new_owner(
        subscribe, monkeypatch):
    from moodmnky.webhooks import transport

    subscription = subscribe("http://127.0.0.1:9/hook")
    event = Event.objects.create(type="product.created", data={}, fanned_out_at=timezone.now())
    delivery = WebhookDelivery.objects.create(event=event, subscription=subscription,
                                              next_attempt_at=timezone.now())

    def slow_post(**kwargs):  # meanwhile the lease ran out and a second worker claimed attempt 2
        WebhookDelivery.objects.filter(pk=delivery.pk).update(attempt_count=2)
        return transport.Answer(200, None, "ok", 6000)

    monkeypatch.setattr(transport, "post", slow_post)
    attempt = services.delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert attempt.number == 1 and attempt.status_code == 200  # logged all the same
    assert delivery.status == "pending" and delivery.in_flight and delivery.attempt_count == 2
