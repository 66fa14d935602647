import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.orders.conftest import checkout_url
from tests.orders.factories import OrderFactory, OrderLineFactory, checkout_body

pytestmark = pytest.mark.django_db

# A checkout costs the same whatever its number of lines: stock is taken in a fixed number of statements
# (catalog.services.stock_take_many, its `inventory.updated` events in one INSERT), the lines, the timeline
# rows and the order's webhook events are one INSERT each. PostgreSQL: 23 (4 of them SAVEPOINT or RELEASE);
# SQLite one more (the order number counter is an UPDATE and a SELECT instead of nextval()).
CHECKOUT_BUDGET = 30  # issue 10: at most 30 queries for 5 lines


def checkout_queries(client, cart) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(checkout_url(cart), checkout_body(), format="json")
    assert response.status_code == 201, response.json()
    return [query["sql"] for query in queries.captured_queries]


def test_checkout_queries_do_not_grow_with_the_lines(api_client, make_cart):
    # The store's very first order also creates the SQLite order-number counter row (one INSERT, once ever);
    # whether a test finds that row depends on which tests ran before it in the process, so one order first.
    checkout_queries(api_client, make_cart((1,)))
    one = checkout_queries(api_client, make_cart((1,)))
    five = checkout_queries(api_client, make_cart((1,) * 5))
    ten = checkout_queries(api_client, make_cart((1,) * 10))

    assert len(five) <= CHECKOUT_BUDGET
    assert len(one) == len(five) == len(ten), "\n".join(set(one) ^ set(five) ^ set(ten))
    # The same statements: no INSERT per line (webhook events: one for the stock, one for the order).
    assert inserts(ten) == inserts(one) == [
        "orders_order", "orders_orderline", "catalog_stockmovement", "webhooks_event", "orders_payment",
        "orders_orderevent", "webhooks_event",
    ]


def inserts(queries: list[str]) -> list[str]:
    return [sql.split('"')[1] for sql in queries if sql.startswith("INSERT")]


def test_order_detail_is_constant_in_lines(admin_client):
    small, big = OrderFactory(), OrderFactory()
    OrderLineFactory(order=small)
    OrderLineFactory.create_batch(10, order=big)
    admin_client.get("/api/v1/orders/?limit=1")  # the key's last_used_at is written once, not per request

    with CaptureQueriesContext(connection) as one_line:
        admin_client.get(f"/api/v1/orders/{small.pk}/")
    with CaptureQueriesContext(connection) as ten_lines:
        response = admin_client.get(f"/api/v1/orders/{big.pk}/")

    assert len(response.json()["data"]["lines"]) == 10
    assert len(one_line) == len(ten_lines)


def test_order_list_is_constant_in_page_size_and_lines(admin_client):
    for order in OrderFactory.create_batch(12):
        OrderLineFactory.create_batch(3, order=order)
    admin_client.get("/api/v1/orders/?limit=1")  # the key's last_used_at is written once, not per request

    with CaptureQueriesContext(connection) as one:
        admin_client.get("/api/v1/orders/?limit=1")
    with CaptureQueriesContext(connection) as fifty:
        response = admin_client.get("/api/v1/orders/?limit=50")

    assert len(response.json()["data"]) == 12
    assert len(one) == len(fifty)


def test_customer_order_list_is_constant_in_page_size(customer_client):
    for order in OrderFactory.create_batch(6, customer=customer_client.customer):
        OrderLineFactory.create_batch(2, order=order)

    with CaptureQueriesContext(connection) as one:
        customer_client.get("/api/v1/customers/orders/?limit=1")
    with CaptureQueriesContext(connection) as all_of_them:
        response = customer_client.get("/api/v1/customers/orders/?limit=50")

    assert len(response.json()["data"]) == 6
    assert len(one) == len(all_of_them)
