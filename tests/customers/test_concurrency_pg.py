"""Real concurrency on PostgreSQL: threads with their own connections hit the same customer at once."""

from decimal import Decimal
from uuid import uuid4

import pytest
from django.db import connection
from django.db.models import Sum
from rest_framework.test import APIClient

from customers.models import Address, Customer, LoyaltyTransaction
from customers.services import loyalty_award
from moodmnky.tokens import tokens_for
from tests.concurrency import run_concurrently
from tests.customers.factories import AddressFactory, CustomerFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
    pytest.mark.django_db(transaction=True),
]


def client_for(customer) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(customer)['access_token']}")
    return client


@pytest.mark.parametrize("flag", ["is_default_shipping", "is_default_billing"])
def test_concurrent_default_requests_leave_exactly_one_default(flag):
    customer = CustomerFactory()
    addresses = AddressFactory.create_batch(6, customer=customer)
    clients = [client_for(customer) for _ in addresses]

    def make_default(client, address):
        return client.patch(f"/api/v1/customers/addresses/{address.pk}/", {flag: True}, format="json").status_code

    for _round in range(3):
        results = run_concurrently(make_default, zip(clients, addresses, strict=True))

        assert results == [200] * len(addresses)
        assert Address.objects.filter(customer=customer, **{flag: True}).count() == 1


def test_concurrent_creates_respect_the_cap_and_the_first_default():
    customer = CustomerFactory()
    AddressFactory.create_batch(17, customer=customer)  # room for 3 more
    body = {"first_name": "A", "last_name": "B", "line1": "1 Main St", "city": "Austin", "region": "TX",
            "postal_code": "73301", "country": "US", "is_default_shipping": True}

    def create(client):
        return client.post("/api/v1/customers/addresses/", body, format="json").status_code

    results = run_concurrently(create, [(client_for(customer),) for _ in range(6)])

    assert sorted(results) == [201, 201, 201, 400, 400, 400]
    assert Address.objects.filter(customer=customer).count() == 20
    assert Address.objects.filter(customer=customer, is_default_shipping=True).count() == 1


def test_concurrent_awards_for_one_order_count_once_and_balance_matches_the_ledger():
    customer = CustomerFactory()
    order_id = uuid4()

    same_order = [(order_id, Decimal("120.50"))] * 5
    other_orders = [(uuid4(), Decimal("10")) for _ in range(5)]

    def award(award_order_id, amount):
        return loyalty_award(customer=Customer.objects.get(pk=customer.pk), order_id=award_order_id, amount=amount)

    results = run_concurrently(award, same_order + other_orders)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert LoyaltyTransaction.objects.filter(order_id=order_id).count() == 1
    customer.refresh_from_db()
    assert customer.loyalty_points == 170
    assert customer.loyalty_points == LoyaltyTransaction.objects.filter(customer=customer).aggregate(
        total=Sum("points"))["total"]
