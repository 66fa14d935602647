from decimal import Decimal

import factory

from carts.models import Cart, CartDiscount, CartItem, DiscountCode
from catalog.models import Category, Product, Variant
from tests.customers.factories import CustomerFactory

# Minimal catalog factories: tests/catalog/ belongs to the catalog app.


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Candle {n}")
    slug = factory.Sequence(lambda n: f"candle-{n}")
    product_type = Product.ProductType.CANDLE
    status = Product.Status.ACTIVE
    category = factory.SubFactory(CategoryFactory)


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Variant

    product = factory.SubFactory(ProductFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name = "8 oz"
    price = Decimal("20.00")
    quantity = 50
    track_inventory = True
    allow_backorder = False


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
