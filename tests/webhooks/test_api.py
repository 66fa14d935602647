import base64

import pytest
from django.utils import timezone

from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription

pytestmark = pytest.mark.django_db

URL = "/api/v1/webhooks/"


def make_deliveries(subscription, count: int, attempts: int = 2) -> list[WebhookDelivery]:
    deliveries = []
    for index in range(count):
        event = Event.objects.create(type="product.created", data={"id": index}, fanned_out_at=timezone.now())
        delivery = WebhookDelivery.objects.create(event=event, subscription=subscription, status="failed",
                                                  attempt_count=attempts)
        WebhookAttempt.objects.bulk_create(
            WebhookAttempt(delivery=delivery, number=n + 1, url=subscription.url, status_code=500, duration_ms=12,
                           response_excerpt="down") for n in range(attempts))
        deliveries.append(delivery)
    return deliveries


def test_create_answers_201_with_the_secret_once(admin_client):
    response = admin_client.post(URL, {"url": "http://127.0.0.1:9/hook", "events": ["product.created", "order.paid"]})

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["secret"].startswith("whsec_")
    assert len(base64.b64decode(data["secret"].removeprefix("whsec_"))) >= 24
    assert data["events"] == ["product.created", "order.paid"] and data["is_active"] is True
    assert WebhookSubscription.objects.get().secret == data["secret"]

    detail = admin_client.get(f"{URL}{data['id']}/").json()["data"]
    listed = admin_client.get(URL).json()["data"]
    assert "secret" not in detail and "secret" not in listed[0]
    assert detail["url"] == "http://127.0.0.1:9/hook"


@pytest.mark.parametrize(("body", "field"), [
    ({"url": "http://127.0.0.1:9/hook", "events": ["order.teleported"]}, "events.0"),
    ({"url": "http://127.0.0.1:9/hook", "events": []}, "events"),
    ({"url": "http://127.0.0.1:9/hook", "events": ["webhook.ping"]}, "events.0"),
    ({"url": "not a url", "events": ["order.paid"]}, "url"),
    ({"events": ["order.paid"]}, "url"),
])
def test_create_refuses_bad_input_with_a_named_field(admin_client, body, field):
    response = admin_client.post(URL, body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in [detail["field"] for detail in error["details"]]


def test_create_refuses_a_private_url_when_private_urls_are_off(admin_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    response = admin_client.post(URL, {"url": "http://169.254.169.254/latest", "events": ["order.paid"]})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "url"
    assert not WebhookSubscription.objects.exists()


def test_patch_changes_events_and_reenabling_clears_the_failure_record(admin_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    WebhookSubscription.objects.filter(pk=subscription.pk).update(
        is_active=False, failure_count=5, disabled_reason="5 deliveries in a row failed", disabled_at=timezone.now())

    response = admin_client.patch(f"{URL}{subscription.pk}/", {"events": ["*"], "is_active": True})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["events"] == ["*"] and data["is_active"] is True
    assert (data["failure_count"], data["disabled_reason"], data["disabled_at"]) == (0, "", None)
    assert "secret" not in data


def test_patch_to_a_private_url_is_refused(admin_client, subscribe, settings):
    subscription = subscribe("http://127.0.0.1:9/hook")
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    response = admin_client.patch(f"{URL}{subscription.pk}/", {"url": "http://10.0.0.1/x"})

    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.url == "http://127.0.0.1:9/hook"


def test_delete_removes_the_subscription_and_its_log(admin_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    make_deliveries(subscription, 2)

    assert admin_client.delete(f"{URL}{subscription.pk}/").status_code == 204

    assert admin_client.get(f"{URL}{subscription.pk}/").status_code == 404
    assert not WebhookDelivery.objects.exists()


@pytest.mark.parametrize(("method", "path"), [
    ("get", URL), ("post", URL), ("get", "{URL}{id}/"), ("patch", "{URL}{id}/"), ("delete", "{URL}{id}/"),
    ("get", "{URL}{id}/deliveries/"), ("post", "{URL}{id}/ping/"), ("post", "{URL}deliveries/{delivery}/redeliver/"),
    ("get", "{URL}deliveries/{delivery}/"),
])
def test_every_endpoint_needs_webhooks_manage(method, path, subscribe, api_client, make_admin_client,
                                              make_customer_client):
    subscription = subscribe("http://127.0.0.1:9/hook")
    delivery, = make_deliveries(subscription, 1)
    path = path.format(URL=URL, id=subscription.pk, delivery=delivery.pk)

    anonymous = getattr(api_client, method)(path, {})
    wrong_scope = getattr(make_admin_client("orders:write", "products:write"), method)(path, {})
    customer = getattr(make_customer_client(), method)(path, {})

    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "not_authenticated"
    assert wrong_scope.status_code == 403 and wrong_scope.json()["error"]["code"] == "insufficient_scope"
    assert customer.status_code == 403 and customer.json()["error"]["code"] == "permission_denied"
    assert WebhookSubscription.objects.filter(pk=subscription.pk, is_active=True).exists()
    assert WebhookDelivery.objects.get().status == "failed"


def test_staff_users_and_keys_with_the_scope_are_let_in(subscribe, make_admin_client, make_customer_client,
                                                        staff_user):
    subscribe("http://127.0.0.1:9/hook")

    assert make_admin_client("webhooks:manage").get(URL).status_code == 200
    assert make_customer_client(staff_user).get(URL).status_code == 200


def test_deliveries_list_only_that_subscriptions_deliveries_with_attempts(admin_client, subscribe):
    mine = subscribe("http://127.0.0.1:9/mine")
    other = subscribe("http://127.0.0.1:9/other")
    make_deliveries(mine, 2)
    make_deliveries(other, 3)

    response = admin_client.get(f"{URL}{mine.pk}/deliveries/")

    body = response.json()
    assert response.status_code == 200 and body["meta"]["pagination"]["total"] == 2
    delivery = body["data"][0]
    assert set(delivery) >= {"id", "event_id", "event_type", "status", "attempts", "next_attempt_at"}
    assert delivery["event_type"] == "product.created" and delivery["status"] == "failed"
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 500]
    assert set(delivery["attempts"][0]) >= {"status_code", "duration_ms", "response_excerpt", "error", "created_at"}
    assert {d["id"] for d in body["data"]} == set(mine.deliveries.values_list("pk", flat=True))


def test_deliveries_filter_by_status(admin_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")
    first, _ = make_deliveries(subscription, 2)
    WebhookDelivery.objects.filter(pk=first.pk).update(status="succeeded")

    data = admin_client.get(f"{URL}{subscription.pk}/deliveries/?status=succeeded").json()["data"]
    bad = admin_client.get(f"{URL}{subscription.pk}/deliveries/?status=lost")

    assert [d["id"] for d in data] == [first.pk]
    assert bad.status_code == 400


def test_unknown_ids_are_404(admin_client):
    for path in [f"{URL}999/", f"{URL}999/deliveries/", f"{URL}deliveries/999/", f"{URL}deliveries/abc/redeliver/"]:
        response = admin_client.get(path) if "redeliver" not in path else admin_client.post(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"
    assert admin_client.post(f"{URL}999/ping/").status_code == 404
    assert admin_client.post(f"{URL}deliveries/999/redeliver/").status_code == 404


def test_deliveries_list_query_count_does_not_grow_with_the_page(
        admin_client, subscribe, django_assert_max_num_queries, django_assert_num_queries):
    subscription = subscribe("http://127.0.0.1:9/hook")
    make_deliveries(subscription, 6, attempts=3)
    path = f"{URL}{subscription.pk}/deliveries/"
    admin_client.get(path)  # warm up (API key last-use stamp)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert len(admin_client.get(f"{path}?limit=1").json()["data"]) == 1
    assert len(one) == 5  # API key, subscription, COUNT, deliveries joined to events, attempts
    with django_assert_num_queries(len(one)):
        assert len(admin_client.get(f"{path}?limit=100").json()["data"]) == 6
    with django_assert_max_num_queries(len(one)):
        admin_client.get(URL + "?limit=100")


def test_redeliver_answers_the_delivery_sent_again(admin_client, subscribe, receiver,
                                                   django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    delivery, = make_deliveries(subscription, 1)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{URL}deliveries/{delivery.pk}/redeliver/")

    assert response.status_code == 200
    assert response.json()["data"]["id"] == delivery.pk
    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and len(receiver.log) == 1


def test_redeliver_to_a_disabled_subscription_is_a_conflict(admin_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook", is_active=False)
    delivery, = make_deliveries(subscription, 1)

    response = admin_client.post(f"{URL}deliveries/{delivery.pk}/redeliver/")

    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"


def test_ping_sends_webhook_ping_and_answers_the_delivery(admin_client, subscribe, receiver,
                                                          django_capture_on_commit_callbacks):
    receiver.expect_request("/hook").respond_with_data("pong")
    subscription = subscribe(receiver.url_for("/hook"))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{URL}{subscription.pk}/ping/")

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["event_type"] == "webhook.ping"
    (request, _), = receiver.log
    assert request.get_json()["type"] == "webhook.ping"
    assert WebhookDelivery.objects.get(pk=data["id"]).status == "succeeded"
    assert Event.objects.get().actor_label.startswith("API key test key")


def test_secret_rotation_is_not_exposed_by_patch(admin_client, subscribe):
    subscription = subscribe("http://127.0.0.1:9/hook")

    admin_client.patch(f"{URL}{subscription.pk}/", {"secret": "whsec_AAAA"})

    assert WebhookSubscription.objects.get().secret == subscription.secret
