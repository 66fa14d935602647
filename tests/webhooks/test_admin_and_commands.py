import io
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from moodmnky.webhooks import services
from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription
from tests.ports import free_port

pytestmark = pytest.mark.django_db

ADMIN = "/admin/webhooks/"


def failed_delivery(subscription, *, age=timedelta(0), event_type="product.created") -> WebhookDelivery:
    event = Event.objects.create(type=event_type, data={"id": 1}, fanned_out_at=timezone.now())
    delivery = WebhookDelivery.objects.create(event=event, subscription=subscription, status="failed",
                                              attempt_count=8)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - age)
    WebhookAttempt.objects.create(delivery=delivery, number=8, url=subscription.url, status_code=503,
                                  duration_ms=40, response_excerpt="maintenance")
    return delivery


def test_adding_a_subscription_in_the_admin_shows_the_secret_once(admin_site_client):
    response = admin_site_client.post(f"{ADMIN}webhooksubscription/add/", {
        "url": "http://127.0.0.1:9/hook", "events": ["product.created", "order.paid"], "description": "ERP",
        "is_active": "on"}, follow=True)

    subscription = WebhookSubscription.objects.get()
    assert subscription.events == ["product.created", "order.paid"] and subscription.secret.startswith("whsec_")
    assert subscription.secret in response.content.decode()
    change_page = admin_site_client.get(f"{ADMIN}webhooksubscription/{subscription.pk}/change/")
    assert subscription.secret not in change_page.content.decode()


def test_the_admin_refuses_a_private_url_when_private_urls_are_off(admin_site_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    response = admin_site_client.post(f"{ADMIN}webhooksubscription/add/", {
        "url": "http://169.254.169.254/latest", "events": ["order.paid"], "is_active": "on"})

    assert response.status_code == 200
    assert "private, loopback" in response.content.decode()
    assert not WebhookSubscription.objects.exists()


def test_a_disabled_subscription_shows_a_warning_and_its_recent_deliveries(admin_site_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    WebhookSubscription.objects.filter(pk=subscription.pk).update(
        is_active=False, disabled_reason="The endpoint answered 410 Gone.", disabled_at=timezone.now())
    delivery = failed_delivery(subscription)

    page = admin_site_client.get(f"{ADMIN}webhooksubscription/{subscription.pk}/change/").content.decode()
    listing = admin_site_client.get(f"{ADMIN}webhooksubscription/").content.decode()

    assert "This subscription is disabled: The endpoint answered 410 Gone." in page
    assert f"/admin/webhooks/webhookdelivery/{delivery.pk}/change/" in page
    assert "⚠ Disabled" in listing


def test_a_failing_subscription_is_flagged(admin_site_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    WebhookSubscription.objects.filter(pk=subscription.pk).update(failure_count=2)

    page = admin_site_client.get(f"{ADMIN}webhooksubscription/{subscription.pk}/change/").content.decode()

    assert "This endpoint is failing: 2 deliveries in a row failed" in page


def test_changing_a_subscription_in_the_admin_goes_through_the_service(admin_site_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    WebhookSubscription.objects.filter(pk=subscription.pk).update(is_active=False, failure_count=5,
                                                                  disabled_reason="5 deliveries in a row failed")

    admin_site_client.post(f"{ADMIN}webhooksubscription/{subscription.pk}/change/", {
        "url": "http://127.0.0.1:9/hook", "events": ["*"], "description": "", "is_active": "on"})

    subscription.refresh_from_db()
    assert subscription.is_active and subscription.events == ["*"]
    assert (subscription.failure_count, subscription.disabled_reason) == (0, "")


def test_the_delivery_log_shows_attempts_inline(admin_site_client, subscribe):
    delivery = failed_delivery(subscribe("http://127.0.0.1:9/hook"))

    listing = admin_site_client.get(f"{ADMIN}webhookdelivery/?status__exact=failed")
    page = admin_site_client.get(f"{ADMIN}webhookdelivery/{delivery.pk}/change/").content.decode()

    assert listing.status_code == 200 and listing.context["cl"].result_count == 1
    assert "maintenance" in page and "503" in page and delivery.event_id in page


def test_redeliver_action_sends_the_delivery_again(admin_site_client, subscribe, receiver,
                                                   django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    delivery = failed_delivery(subscribe(receiver.url_for("/hook")))

    with django_capture_on_commit_callbacks(execute=True):
        admin_site_client.post(f"{ADMIN}webhookdelivery/", {"action": "redeliver", "_selected_action": [delivery.pk]})

    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and len(receiver.log) == 1


def test_resend_failed_action_on_subscriptions(admin_site_client, subscribe, receiver,
                                               django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    failed = [failed_delivery(subscription), failed_delivery(subscription, age=timedelta(days=30))]

    with django_capture_on_commit_callbacks(execute=True):
        admin_site_client.post(f"{ADMIN}webhooksubscription/", {"action": "resend_failed",
                                                                 "_selected_action": [subscription.pk]})

    assert len(receiver.log) == 2
    assert set(WebhookDelivery.objects.filter(pk__in=[d.pk for d in failed]).values_list("status", flat=True)) == {
        "succeeded"}


def test_redeliver_webhooks_dry_run_changes_nothing(subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    recent, _old = failed_delivery(subscription, age=timedelta(hours=2)), failed_delivery(subscription,
                                                                                           age=timedelta(days=3))
    out = io.StringIO()

    call_command("redeliver_webhooks", "--failed", "--since", "24h", "--dry-run", stdout=out)

    assert "Would redeliver 1 failed delivery(ies)" in out.getvalue() and str(recent.pk) in out.getvalue()
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"failed"}


def test_redeliver_webhooks_since_an_iso_date(subscribe, receiver, django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    failed_delivery(subscription, age=timedelta(days=2))
    old = failed_delivery(subscription, age=timedelta(days=40))
    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("redeliver_webhooks", "--failed", "--since", since, stdout=out)

    assert "Redelivering 1 failed delivery(ies)" in out.getvalue()
    assert len(receiver.log) == 1
    assert WebhookDelivery.objects.get(pk=old.pk).status == "failed"


@pytest.mark.parametrize("since", ["2026-13-40", "yesterday", "24x"])
def test_redeliver_webhooks_refuses_an_unreadable_since(since):
    with pytest.raises(CommandError, match="--since"):
        call_command("redeliver_webhooks", "--failed", "--since", since)


@pytest.mark.parametrize(("use_right_secret", "verdict"), [(True, "OK"), (False, "INVALID")])
def test_webhook_receiver_prints_each_delivery_and_checks_both_signatures(
        subscribe, use_right_secret, verdict, django_capture_on_commit_callbacks):
    port = free_port()
    subscription = subscribe(f"http://127.0.0.1:{port}/", events=["order.paid"])
    secret = subscription.secret if use_right_secret else services.signing.secret_generate()
    out = io.StringIO()
    receiver = threading.Thread(target=call_command, args=("webhook_receiver", "--port", str(port), "--secret",
                                                           secret, "--max-requests", "1"), kwargs={"stdout": out})
    receiver.start()
    deadline = time.monotonic() + 10
    while "Listening" not in out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.05)

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("order.paid", {"id": "5a1", "total": "24.00"})
    receiver.join(10)

    printed = out.getvalue()
    assert "order.paid" in printed and '"total": "24.00"' in printed
    assert f"X-Mood-Mnky-Signature: {verdict}" in printed
    assert f"webhook-signature (Standard Webhooks): {verdict}" in printed
    assert WebhookDelivery.objects.get().status == "succeeded"


def test_sweep_command_reports_what_it_queued(subscribe):
    out = io.StringIO()

    call_command("sweep_webhooks", stdout=out)

    assert "Queued 0 webhook delivery(ies)" in out.getvalue()
