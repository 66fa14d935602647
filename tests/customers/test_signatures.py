"""Update services take named keyword arguments: an unknown field is a TypeError in every app, and changes nothing."""

import pytest

from carts import services as cart_services
from carts.models import DiscountCode
from customers import services
from customers.models import Address, Customer
from moodmnky.actors import SYSTEM
from tests.carts.factories import DiscountCodeFactory
from tests.customers.factories import AddressFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def test_unknown_fields_are_a_type_error_and_change_nothing():
    customer = CustomerFactory(first_name="Ada")
    address = AddressFactory(customer=customer)
    discount = DiscountCodeFactory(code="KEEP")

    calls = [
        lambda: services.customer_profile_update(customer=customer, actor=SYSTEM, first_name="X", nickname="x"),
        lambda: services.customer_admin_update(customer=customer, actor=SYSTEM, first_name="X", password="x"),
        lambda: services.address_update(address=address, actor=SYSTEM, city="X", is_default=True),
        lambda: services.address_create(customer=customer, actor=SYSTEM, line3="x"),
        lambda: cart_services.discount_update(discount=discount, code="CHANGED", times_used=3),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()

    assert Customer.objects.get(pk=customer.pk).first_name == "Ada"
    assert Address.objects.get(pk=address.pk).city == address.city and Address.objects.count() == 1
    assert DiscountCode.objects.get(pk=discount.pk).code == "KEEP"
