import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.orders.conftest import checkout_url
from tests.orders.factories import checkout_body

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_queue(settings):
    """Emails go through the real queue (django-tasks-db) and are sent only when the worker runs."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def test_checkout_email_is_queued_after_commit_and_sent_by_the_worker(api_client, make_cart):
    order = api_client.post(checkout_url(make_cart((2,))), checkout_body(), format="json").json()["data"]

    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []  # never sent in the request

    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["guest@example.com"]
    assert message.subject == f"Your order {order['number']} is confirmed"
    assert "46.95" in message.body and order["number"] in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<strong>" in html


def test_declined_checkout_queues_no_email(api_client, make_cart):
    api_client.post(checkout_url(make_cart((1,))), checkout_body(payment={"gateway": "test", "token": "tok_declined"}),
                    format="json")

    run_worker()

    assert not DBTaskResult.objects.exists()
    assert mail.outbox == []


def test_every_step_sends_its_email(api_client, admin_client, make_cart):
    order = api_client.post(checkout_url(make_cart((2,))), checkout_body(), format="json").json()["data"]
    url = f"/api/v1/orders/{order['id']}/"
    admin_client.patch(url + "status/", {"status": "processing"}, format="json")
    admin_client.post(url + "fulfillments/", {"carrier": "UPS", "tracking_number": "1Z999",
                                              "tracking_url": "https://track.example/1Z999"}, format="json")
    admin_client.patch(url + "status/", {"status": "delivered"}, format="json")
    admin_client.post(url + "refunds/", {"amount": "5.00", "reason": "Late"}, format="json")

    run_worker()

    subjects = [m.subject.replace(order["number"], "N") for m in mail.outbox]
    assert sorted(subjects) == sorted([
        "Your order N is confirmed", "We're preparing your order N", "Your order N is on its way",
        "Your order N was delivered", "A refund for your order N"])
    shipped = next(m for m in mail.outbox if "on its way" in m.subject)
    assert "1Z999" in shipped.body and "https://track.example/1Z999" in shipped.alternatives[0][0]
    refunded = next(m for m in mail.outbox if "refund" in m.subject)
    assert "5.00" in refunded.body and "Late" in refunded.body


def test_cancel_email_says_what_was_refunded_and_notify_false_sends_nothing(api_client, admin_client, make_cart):
    first = api_client.post(checkout_url(make_cart((1,))), checkout_body(), format="json").json()["data"]
    second = api_client.post(checkout_url(make_cart((1,))), checkout_body(), format="json").json()["data"]
    admin_client.post(f"/api/v1/orders/{first['id']}/cancel/", {"reason": "Out of wax"}, format="json")
    admin_client.patch(f"/api/v1/orders/{second['id']}/status/", {"status": "processing", "notify_customer": False},
                       format="json")

    run_worker()

    subjects = [m.subject for m in mail.outbox]
    assert subjects.count(f"Your order {first['number']} was cancelled") == 1
    assert not any("preparing" in subject for subject in subjects)
    cancelled = next(m for m in mail.outbox if "cancelled" in m.subject)
    assert "Out of wax" in cancelled.body and "26.95" in cancelled.body
