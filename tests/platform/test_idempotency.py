from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone
from rest_framework.test import APIClient

from moodmnky.models import IdempotencyRecord
from moodmnky.webhooks.models import Event
from tests.concurrency import run_concurrently

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]
URL = "/api/v1/_test/carts/cart-1/checkout/"


def post(client, body, key="key-1", url=URL):
    return client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_same_key_and_body_replays_stored_response(api_client):
    first = post(api_client, {"amount": "10.00"})
    second = post(api_client, {"amount": "10.00"})

    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Event.objects.count() == 1  # the work ran once


def test_same_key_with_other_body_is_422(api_client):
    post(api_client, {"amount": "10.00"})

    response = post(api_client, {"amount": "99.00"})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert Event.objects.count() == 1


def test_request_still_running_is_409(api_client):
    post(api_client, {"amount": "10.00"})
    IdempotencyRecord.objects.update(state=IdempotencyRecord.State.IN_PROGRESS)

    response = post(api_client, {"amount": "10.00"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_in_progress"


def test_declined_payment_is_replayed_too(api_client):
    first = post(api_client, {"outcome": "decline"})
    second = post(api_client, {"outcome": "decline"})

    assert first.status_code == second.status_code == 402
    assert second.json()["error"]["code"] == "payment_declined"
    assert second["Idempotent-Replayed"] == "true"


def test_validation_failure_is_not_stored(api_client):
    first = post(api_client, {"outcome": "invalid"})
    fixed = post(api_client, {"outcome": "invalid"})

    assert first.status_code == fixed.status_code == 400
    assert "Idempotent-Replayed" not in fixed
    assert not IdempotencyRecord.objects.exists()


def test_server_error_releases_the_key(api_client):
    crashed = post(api_client, {"outcome": "crash"})
    retried = post(api_client, {"outcome": "crash"})

    assert crashed.status_code == retried.status_code == 500
    assert not IdempotencyRecord.objects.exists()


@pytest.mark.django_db(transaction=True)  # as in production: no transaction around the request to lose
def test_a_lost_connection_releases_the_key_on_a_fresh_one(api_client, monkeypatch):
    library_delete, lost = IdempotencyRecord.delete, []

    def delete_on_a_dead_connection(record, *args, **kwargs):
        if not lost:  # the request's own connection is gone: its first write fails too
            lost.append(record.key)
            raise OperationalError("the connection is closed")
        return library_delete(record, *args, **kwargs)

    monkeypatch.setattr(IdempotencyRecord, "delete", delete_on_a_dead_connection)

    failed = post(api_client, {"amount": "10.00", "outcome": "database-lost"})
    retried = post(api_client, {"amount": "10.00"}, key="key-1")

    assert failed.status_code == 503 and lost == ["key-1"]
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried  # not a day of 409s


def test_keys_are_scoped_to_the_caller(api_client):
    post(api_client, {"amount": "10.00"})

    other_cart = post(api_client, {"amount": "10.00"}, url="/api/v1/_test/carts/cart-2/checkout/")

    assert other_cart.status_code == 201
    assert "Idempotent-Replayed" not in other_cart
    assert Event.objects.count() == 2


def test_key_expires_after_a_day(api_client):
    post(api_client, {"amount": "10.00"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))

    again = post(api_client, {"amount": "99.00"})

    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again
    assert Event.objects.count() == 2


def test_without_key_every_request_runs(api_client):
    api_client.post(URL, {"amount": "1.00"}, format="json")
    api_client.post(URL, {"amount": "1.00"}, format="json")

    assert Event.objects.count() == 2
    assert not IdempotencyRecord.objects.exists()


def test_overlong_key_is_400(api_client):
    response = post(api_client, {"amount": "1.00"}, key="k" * 300)

    assert response.status_code == 400


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL for truly concurrent requests")
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_run_once():
    def send():
        return post(APIClient(), {"amount": "5.00", "outcome": "slow"}).status_code

    results = run_concurrently(send, [()] * 4)

    assert sorted(results).count(201) == 1
    assert set(results) <= {201, 409}
    assert Event.objects.count() == 1
