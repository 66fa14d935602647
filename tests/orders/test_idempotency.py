import pytest

from moodmnky.models import IdempotencyRecord
from orders.models import Order
from tests.orders.conftest import checkout_url
from tests.orders.factories import ADDRESS, VariantFactory, checkout_body

pytestmark = pytest.mark.django_db


def post(client, url, body, key="key-1"):
    return client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


@pytest.fixture(params=["guest", "customer", "api_key"])
def caller(request, api_client, make_customer_client, admin_client, make_cart):
    """(client, url, body, other body) for each kind of caller: a guest and a customer check out, a key creates."""
    if request.param == "api_key":
        variant = VariantFactory()
        body = {"email": "phone@example.com", "lines": [{"variant_id": variant.pk, "quantity": 1}],
                "shipping_address": ADDRESS}
        return admin_client, "/api/v1/orders/", body, {**body, "note": "changed"}
    client = api_client if request.param == "guest" else make_customer_client()
    cart = make_cart((1,), customer=getattr(client, "customer", None))
    return client, checkout_url(cart), checkout_body(), checkout_body(note="changed")


def test_same_key_and_body_replays_the_order(caller):
    client, url, body, _ = caller

    first = post(client, url, body)
    second = post(client, url, body)

    assert first.status_code == second.status_code == 201
    assert second.json()["data"] == first.json()["data"]
    assert second["Idempotent-Replayed"] == "true"
    assert Order.objects.count() == 1


def test_same_key_with_another_body_is_422(caller):
    client, url, body, other = caller
    post(client, url, body)

    response = post(client, url, other)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert Order.objects.count() == 1


def test_key_in_flight_is_409(caller):
    client, url, body, _ = caller
    post(client, url, body)
    IdempotencyRecord.objects.update(state=IdempotencyRecord.State.IN_PROGRESS)

    response = post(client, url, body)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_in_progress"


def test_guest_keys_are_scoped_to_the_cart(api_client, make_cart):
    post(api_client, checkout_url(make_cart((1,))), checkout_body())

    other_cart = post(api_client, checkout_url(make_cart((1,))), checkout_body())

    assert other_cart.status_code == 201
    assert "Idempotent-Replayed" not in other_cart
    assert Order.objects.count() == 2
    assert sorted(IdempotencyRecord.objects.values_list("caller", flat=True))[0].startswith("cart:")


def test_replay_of_a_decline_is_a_402(api_client, make_cart):
    cart = make_cart((1,))
    body = checkout_body(payment={"gateway": "test", "token": "tok_declined"})

    first = post(api_client, checkout_url(cart), body)
    second = post(api_client, checkout_url(cart), body)

    assert first.status_code == second.status_code == 402
    assert second.json()["error"]["code"] == "payment_declined"
    assert second["Idempotent-Replayed"] == "true"


def test_gateway_error_is_not_stored_so_the_shopper_can_retry(api_client, make_cart):
    cart = make_cart((1,))
    post(api_client, checkout_url(cart), checkout_body(payment={"gateway": "test", "token": "tok_error"}))

    assert not IdempotencyRecord.objects.exists()
