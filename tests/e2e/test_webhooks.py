"""Webhooks in the back office: subscribe, see the secret once, ping, read the delivery log, see a disabled one."""

import pytest
from pytest_httpserver import HTTPServer
from standardwebhooks import Webhook

from moodmnky.webhooks.models import WebhookSubscription
from tests.e2e.conftest import messages, result_rows, run_action, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def receiver():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


def test_staff_subscribe_ping_and_read_the_delivery_log(admin_page, receiver):
    page = admin_page
    receiver.expect_oneshot_request("/hook").respond_with_data("pong")
    receiver.expect_request("/hook").respond_with_data("gone", status=410)

    page.goto("/admin/webhooks/webhooksubscription/add/")
    page.fill("#id_url", receiver.url_for("/hook"))
    page.check("input[name=events][value='order.paid']")
    page.fill("#id_description", "ERP")
    submit(page, "input[name=_save]")

    secret = page.inner_text("#new-webhook-secret").strip()
    subscription = WebhookSubscription.objects.get()
    assert secret == subscription.secret and secret.startswith("whsec_")
    assert subscription.events == ["order.paid"]
    page.goto("/admin/webhooks/webhooksubscription/")
    assert secret not in page.content()
    [row] = result_rows(page)
    assert "order.paid" in row and "ok" in row

    run_action(page, "send_ping", subscription.pk)
    assert any("Queued a ping to 1 subscription" in message for message in messages(page))
    (request, _), = receiver.log
    assert Webhook(secret).verify(request.get_data(), dict(request.headers))["type"] == "webhook.ping"

    page.goto("/admin/webhooks/webhookdelivery/")
    [row] = result_rows(page)
    assert "webhook.ping" in row and "Succeeded" in row
    submit(page, "#result_list tbody a[href*='/change/']")
    assert "pong" in page.content() and "200" in page.inner_text(".inline-group")

    page.goto("/admin/webhooks/webhooksubscription/")
    run_action(page, "send_ping", subscription.pk)  # this time the endpoint answers 410 Gone
    page.goto(f"/admin/webhooks/webhooksubscription/{subscription.pk}/change/")
    assert any("This subscription is disabled: The endpoint answered 410 Gone." in m for m in messages(page))
    page.goto("/admin/webhooks/webhooksubscription/")
    assert "Disabled" in result_rows(page)[0]
