from decimal import Decimal

import factory

from carts.models import Cart, CartDiscount, CartItem, DiscountCode
from tests.catalog import factories as catalog_factories
from tests.catalog.factories import CategoryFactory, ProductFactory  # noqa: F401 (re-exported for cart tests)
from tests.customers.factories import CustomerFactory


class VariantFactory(catalog_factories.VariantFactory):
    """The catalog's variant factory with a fixed price and ample stock, so cart totals are predictable."""

    price = Decimal("20.00")
    quantity = 50


class CartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cart


class CustomerCartFactory(CartFactory):
    customer = factory.SubFactory(CustomerFactory)
    email = factory.LazyAttribute(lambda cart: cart.customer.email)


class CartItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CartItem

    cart = factory.SubFactory(CartFactory)
    variant = factory.SubFactory(VariantFactory)
    quantity = 1
    unit_price_at_add = factory.LazyAttribute(lambda item: item.variant.price)


class DiscountCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiscountCode
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"CODE{n}")
    type = DiscountCode.Type.PERCENTAGE
    value = Decimal("10")

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class CartDiscountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CartDiscount

    cart = factory.SubFactory(CartFactory)
    discount = factory.SubFactory(DiscountCodeFactory)
