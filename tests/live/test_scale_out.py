"""Two web servers and two workers behave as one shop: one rate-limit count, and each webhook event delivered
exactly once per subscription (per attempt) although both workers take deliveries from the same queue."""

from collections import Counter

import pytest
from django_tasks_db.models import DBTaskResult

from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery
from moodmnky.webhooks.services import subscription_create
from tests.carts.factories import CartFactory, CartItemFactory
from tests.live.arrange import LIVE, stocked_variant
from tests.live.checks import assert_shop_consistent
from tests.live.harness import AUTH_LIMIT, Receiver, at_once, wait_until
from tests.orders.factories import checkout_body

pytestmark = LIVE


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.stop()


def test_both_servers_count_against_one_rate_limit(live, shop):
    answers = at_once([lambda index=index: live.send("POST", "/auth/password-reset/", server=index,
                                                     json={"email": f"shopper{index}@example.com"})
                       for index in range(AUTH_LIMIT + 30)])

    allowed = [answer for answer in answers if answer.status == 202]
    limited = [answer for answer in answers if answer.status == 429]
    assert len(allowed) == AUTH_LIMIT and len(limited) == 30, sorted(answer.status for answer in answers)
    assert {answer.server for answer in allowed} == {0, 1} and {answer.server for answer in limited} == {0, 1}
    assert all(answer.is_envelope(429) and answer.code == "rate_limited" and int(answer.headers["retry-after"]) > 0
               for answer in limited)
    assert {answer.headers["x-ratelimit-limit"] for answer in answers} == {str(AUTH_LIMIT)}
    assert sorted(int(answer.headers["x-ratelimit-remaining"]) for answer in allowed) == list(range(AUTH_LIMIT))
    shop.report("shared_rate_limit", requests=len(answers), limit=AUTH_LIMIT, allowed=len(allowed),
                limited=len(limited))


def test_each_event_reaches_each_subscription_once_with_two_workers(live, receiver, shop):
    variants = [stocked_variant(100), stocked_variant(100)]  # (their events come before any subscription)
    carts = []
    for index in range(20):
        cart = CartFactory(email="guest@example.com")
        CartItemFactory(cart=cart, variant=variants[index % 2], quantity=1)
        carts.append(cart)
    before = set(Event.objects.values_list("pk", flat=True))
    everything = subscription_create(url=f"{receiver.url}/all", events=["*"])
    orders_only = subscription_create(url=f"{receiver.url}/orders", events=["order.created", "order.paid"])

    answers = at_once([lambda cart=cart, index=index: live.send("POST", f"/carts/{cart.pk}/checkout/", server=index,
                                                                json=checkout_body())
                       for index, cart in enumerate(carts)])

    assert [answer.status for answer in answers] == [201] * 20
    events = dict(Event.objects.exclude(pk__in=before).values_list("pk", "type"))
    wanted = {"/all": set(events), "/orders": {pk for pk, kind in events.items() if kind in {"order.created",
                                                                                           "order.paid"}}}
    expected = len(wanted["/all"]) + len(wanted["/orders"])
    assert len(wanted["/orders"]) == 40 and len(wanted["/all"]) >= 100  # inventory.updated + 4 per order

    def all_delivered():
        """every delivery of the load succeeded"""
        deliveries = WebhookDelivery.objects.filter(event_id__in=events)
        return deliveries.count() == expected and not deliveries.exclude(status="succeeded").exists()

    wait_until(all_delivered, timeout=90)
    for path, event_ids in wanted.items():
        assert {event_id: count for (where, event_id), count in receiver.received.items() if where == path} == \
            dict.fromkeys(event_ids, 1)
    assert set(receiver.deliveries.values()) == {1}
    assert WebhookAttempt.objects.filter(delivery__subscription__in=[everything, orders_only]).count() == expected
    assert set(WebhookDelivery.objects.values_list("attempt_count", flat=True)) == {1}
    by_worker = Counter(worker for ids in DBTaskResult.objects.filter(task_path__endswith="webhook_deliver")
                        .values_list("worker_ids", flat=True) for worker in ids)
    assert set(by_worker) == {"live-worker-1", "live-worker-2"}  # both workers delivered, neither twice
    assert assert_shop_consistent()["orders"] == 20
    shop.report("webhooks_exactly_once", orders=20, events=len(events), deliveries=expected,
                received=sum(receiver.received.values()), duplicates=0, by_worker=dict(by_worker))
