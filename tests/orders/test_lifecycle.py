import itertools

import pytest
from django.db import transaction

from moodmnky.actors import Actor
from moodmnky.webhooks.models import Event
from orders.errors import OrderTransitionError
from orders.models import Order, OrderEvent
from orders.services import TRANSITIONS, Outbox, order_transition
from tests.orders.conftest import event_types
from tests.orders.factories import OrderFactory, OrderLineFactory

pytestmark = pytest.mark.django_db
S = Order.Status
ALLOWED = {
    (S.PENDING, S.CONFIRMED), (S.PENDING, S.CANCELLED),
    (S.CONFIRMED, S.PROCESSING), (S.CONFIRMED, S.SHIPPED), (S.CONFIRMED, S.CANCELLED),
    (S.PROCESSING, S.SHIPPED), (S.PROCESSING, S.CANCELLED),
    (S.SHIPPED, S.DELIVERED),
}
ACTOR = Actor(system="test")


def transition(order, to_status):
    with transaction.atomic():
        outbox = Outbox()
        order_transition(order=order, to_status=to_status, actor=ACTOR, outbox=outbox, note="why")
        outbox.send(order.pk, actor=ACTOR)


def test_the_table_is_the_contract():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("from_status", "to_status"), sorted(ALLOWED))
def test_allowed_transition_moves_and_records(from_status, to_status):
    order = OrderFactory(status=from_status)
    OrderLineFactory(order=order)

    transition(order, to_status)

    order.refresh_from_db()
    assert order.status == to_status
    event = OrderEvent.objects.get(order=order)
    assert (event.type, event.from_status, event.to_status, event.note) == (to_status, from_status, to_status, "why")
    assert event.actor_label == "test"
    types = event_types()
    assert types[-1] == "order.status_updated"
    if to_status != S.PROCESSING:
        assert types == [f"order.{to_status}", "order.status_updated"]


FORBIDDEN = sorted(set(itertools.product(S.values, S.values)) - ALLOWED)


@pytest.mark.parametrize(("from_status", "to_status"), FORBIDDEN)
def test_forbidden_transition_is_refused_and_changes_nothing(from_status, to_status):
    order = OrderFactory(status=from_status)

    with pytest.raises(OrderTransitionError) as refused:
        transition(order, to_status)

    assert refused.value.code == "invalid_transition"
    order.refresh_from_db()
    assert order.status == from_status
    assert not OrderEvent.objects.exists()
    assert not Event.objects.exists()


def test_confirmed_to_shipped_is_refused_with_a_made_to_order_line():
    order = OrderFactory(status=S.CONFIRMED)
    OrderLineFactory(order=order, is_made_to_order=True)

    with pytest.raises(OrderTransitionError):
        transition(order, S.SHIPPED)

    transition(order, S.PROCESSING)
    transition(order, S.SHIPPED)
    order.refresh_from_db()
    assert order.status == S.SHIPPED


def test_api_forbidden_status_change_is_409(admin_client):
    order = OrderFactory(status=S.DELIVERED)

    response = admin_client.patch(f"/api/v1/orders/{order.pk}/status/", {"status": "pending"}, format="json")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_transition"
    assert response.json()["error"]["context"] == {"from_status": "delivered", "to_status": "pending"}


def test_api_confirmed_to_shipped_with_made_to_order_line_is_409_and_writes_no_parcel(admin_client):
    order = OrderFactory(status=S.CONFIRMED)
    OrderLineFactory(order=order, is_made_to_order=True)

    response = admin_client.patch(f"/api/v1/orders/{order.pk}/status/", {"status": "shipped"}, format="json")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_transition"
    assert not order.fulfillments.exists()
