"""The real queue and the real `manage.py db_worker` in subprocesses (PostgreSQL: the workers and the test
share the test database, which an in-memory SQLite database cannot be)."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from werkzeug import Response

from moodmnky.webhooks import services
from moodmnky.webhooks.models import WebhookDelivery
from moodmnky.webhooks.tasks import webhook_deliver
from tests.concurrency import outcome_names, run_concurrently
from tests.webhooks.helpers import verify_both

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: worker subprocesses share the test database"),
]


def worker_env(**extra) -> dict:
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url,
            "WEBHOOK_TASKS_BACKEND": "database", **extra}


def db_worker(*args, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "database", "--queue-name", "*",
         "--no-startup-delay", "--no-reload", "--interval", "0.2", *args],
        cwd=settings.BASE_DIR, env=worker_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_batch(**env) -> None:
    worker = db_worker("--batch", **env)
    _, stderr = worker.communicate(timeout=60)
    assert worker.returncode == 0, stderr.decode()[-2000:]


@pytest.fixture
def on_database_queue(settings):
    settings.WEBHOOK_TASKS_BACKEND = "database"


@pytest.mark.usefixtures("on_database_queue")
def test_a_product_created_through_the_api_is_delivered_by_the_real_worker(admin_client, receiver, subscribe):
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"), events=["product.created"])

    created = admin_client.post("/api/v1/products/", {
        "name": "Moonlit Fig", "product_type": "candle", "status": "active",
        "variants": [{"sku": "MF-8OZ", "name": "8 oz", "price": "34.00", "quantity": 12}]})
    assert created.status_code == 201
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and receiver.log == []  # queued, not sent by the web process

    run_batch()

    (request, _), = receiver.log
    payload = verify_both(subscription.secret, request.headers, request.get_data())
    product = created.json()["data"]
    assert payload["type"] == "product.created" and payload["version"] == "1.0"
    assert payload["data"]["id"] == product["id"] and payload["data"]["name"] == "Moonlit Fig"
    assert payload["data"]["variants"][0]["sku"] == "MF-8OZ"
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


@pytest.mark.usefixtures("on_database_queue")
def test_an_order_checked_out_through_the_api_is_delivered_by_the_real_worker(api_client, receiver, subscribe):
    from tests.orders.factories import CartFactory, CartItemFactory, VariantFactory, checkout_body

    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"), events=["order.created"])
    cart = CartItemFactory(cart=CartFactory(), variant=VariantFactory(quantity=5, price="20.00"), quantity=2).cart

    placed = api_client.post(f"/api/v1/carts/{cart.pk}/checkout/", checkout_body(), format="json")
    assert placed.status_code == 201
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and receiver.log == []  # queued, not sent by the web process

    run_batch()

    (request, _), = receiver.log
    payload = verify_both(subscription.secret, request.headers, request.get_data())
    order = placed.json()["data"]
    assert payload["type"] == "order.created" and payload["version"] == "1.0"
    assert payload["data"]["id"] == order["id"] and payload["data"]["number"] == order["number"]
    assert payload["data"]["total"] == order["total"] and payload["data"]["lines"][0]["quantity"] == 2
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


def test_two_threads_racing_for_one_delivery_send_it_once(receiver, subscribe, settings):
    settings.WEBHOOK_TASKS_BACKEND = "database"  # nothing runs at enqueue time
    receiver.expect_request("/hook").respond_with_data("ok")
    subscribe(receiver.url_for("/hook"))
    event = services.record_event("product.created", {"id": 1})  # autocommit: fanned out at once
    delivery = WebhookDelivery.objects.get(event=event)

    results = run_concurrently(lambda: services.delivery_attempt(delivery_id=delivery.pk), [()] * 6)

    assert outcome_names(results) == ["ok"] * 6
    assert sum(result is not None for result in results) == 1
    assert len(receiver.log) == 1
    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and delivery.attempt_count == 1 and delivery.attempts.count() == 1


@pytest.mark.usefixtures("on_database_queue")
def test_two_worker_processes_with_the_same_delivery_queued_twice_send_it_once(receiver, subscribe):
    def slow(request):
        time.sleep(1)
        return Response("ok")

    receiver.expect_request("/hook").respond_with_handler(slow)
    subscribe(receiver.url_for("/hook"))
    event = services.record_event("product.created", {"id": 1})
    delivery = WebhookDelivery.objects.get(event=event)
    webhook_deliver.using(backend="database").enqueue(delivery.pk)  # a duplicate task (e.g. from the sweep)

    workers = [db_worker("--batch"), db_worker("--batch")]
    for worker in workers:
        worker.communicate(timeout=60)

    assert [worker.returncode for worker in workers] == [0, 0]
    assert len(receiver.log) == 1
    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and delivery.attempts.count() == 1


@pytest.mark.usefixtures("on_database_queue")
def test_a_worker_killed_mid_delivery_leaves_it_to_be_sent_again(receiver, subscribe):
    arrived, release = threading.Event(), threading.Event()

    def stall(request):
        arrived.set()
        release.wait(30)
        return Response("too late")

    receiver.expect_oneshot_request("/hook").respond_with_handler(stall)
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = subscribe(receiver.url_for("/hook"))
    worker = db_worker(WEBHOOK_LEASE_SECONDS="8")
    try:
        event = services.record_event("product.created", {"id": 1})
        assert arrived.wait(30), "the worker never called the receiver"
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        release.set()
        if worker.poll() is None:
            worker.kill()
    delivery = WebhookDelivery.objects.get(event=event)
    assert delivery.status == "pending" and delivery.in_flight and not delivery.attempts.exists()

    call_command("sweep_webhooks")  # before the lease ends: the attempt may still be running, nothing is queued
    run_batch()
    delivery.refresh_from_db()
    assert delivery.in_flight and len(receiver.log) == 1

    time.sleep(max(0.0, (delivery.next_attempt_at - timezone.now()).total_seconds()) + 0.2)  # the lease runs out
    call_command("sweep_webhooks")
    run_batch()

    delivery.refresh_from_db()
    assert delivery.status == "succeeded" and delivery.attempt_count == 2
    assert list(delivery.attempts.values_list("number", "status_code")) == [(2, 200)]
    assert len(receiver.log) == 2
    verify_both(subscription.secret, receiver.log[1][0].headers, receiver.log[1][0].get_data())
