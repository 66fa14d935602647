"""A checkout whose COMMIT answer is lost with the database connection (tests/live/test_database_faults.py does
it for real with pg_terminate_backend; here the connection's commit is made to fail once, on purpose)."""

import pytest
from django.db import OperationalError, connections

from moodmnky.actors import Actor
from orders.models import Order, Payment
from orders.payments import TestGateway
from orders.services import order_checkout
from tests.orders.factories import ADDRESS

pytestmark = pytest.mark.django_db(transaction=True)  # a real COMMIT, not a savepoint in the test's transaction


@pytest.fixture
def voided(monkeypatch):
    calls = []
    monkeypatch.setattr(TestGateway, "void", lambda self, *, authorization: calls.append(authorization))
    return calls


def commit_fails_once(monkeypatch, *, committed: bool) -> None:
    """The next COMMIT raises as if the connection died while answering: after committing, or instead of it."""
    wrapper = type(connections["default"])
    real_commit, real_rollback = wrapper.commit, wrapper.rollback

    def commit(self):
        monkeypatch.setattr(wrapper, "commit", real_commit)
        (real_commit if committed else real_rollback)(self)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(wrapper, "commit", commit)


def checkout(cart):
    return order_checkout(cart_id=cart.pk, customer=None, email="g@example.com", shipping_address=ADDRESS,
                          shipping_method="standard", payment_gateway="test", payment_token="tok_success",
                          actor=Actor(system="test"))


def test_a_commit_whose_answer_was_lost_answers_the_order_and_keeps_the_charge(make_cart, voided, monkeypatch,
                                                                                 mailoutbox):
    cart = make_cart((1,), stock=3)
    commit_fails_once(monkeypatch, committed=True)

    order = checkout(cart)

    assert Order.objects.get().pk == order.pk and order.payment_status == "paid"
    assert voided == [] and Payment.objects.filter(order=order).count() == 1
    assert [message.to for message in mailoutbox] == [["g@example.com"]]  # its confirmation, queued again


def test_a_commit_that_really_failed_raises_and_voids_the_charge(make_cart, voided, monkeypatch):
    cart = make_cart((1,), stock=3)
    commit_fails_once(monkeypatch, committed=False)

    with pytest.raises(OperationalError):
        checkout(cart)

    assert not Order.objects.exists() and len(voided) == 1
