from decimal import Decimal

import factory

from orders.models import Order, OrderLine
from tests.carts.factories import CartFactory, CartItemFactory, CustomerCartFactory, VariantFactory  # noqa: F401
from tests.customers.factories import CustomerFactory

ADDRESS = {"first_name": "Ada", "last_name": "Lovelace", "line1": "1 Market Street", "city": "San Francisco",
           "region": "CA", "postal_code": "94103", "country": "US"}


def checkout_body(**overrides) -> dict:
    """A valid POST /carts/{id}/checkout/ body paying with the test gateway."""
    return {"email": "guest@example.com", "shipping_address": dict(ADDRESS), "shipping_method": "standard",
            "payment": {"gateway": "test", "token": "tok_success"}, **overrides}


class OrderFactory(factory.django.DjangoModelFactory):
    """An order row written straight to the table (service tests build orders through the services)."""

    class Meta:
        model = Order

    number = factory.Sequence(lambda n: f"TEST-{n + 1}")
    customer = factory.SubFactory(CustomerFactory)
    email = factory.LazyAttribute(lambda order: order.customer.email if order.customer else "guest@example.com")
    subtotal = Decimal("40.00")
    shipping_total = Decimal("6.95")
    total = Decimal("46.95")
    shipping_address = factory.LazyFunction(lambda: dict(ADDRESS))


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderLine

    order = factory.SubFactory(OrderFactory)
    variant = factory.SubFactory(VariantFactory)
    sku = factory.LazyAttribute(lambda line: line.variant.sku)
    name = "Candle – 8 oz"
    quantity = 2
    unit_price = Decimal("20.00")
    line_total = Decimal("40.00")
