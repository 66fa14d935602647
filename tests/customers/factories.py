import factory

from customers.models import Address, Customer

PASSWORD = "correct-horse-battery-9"


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AddressFactory(factory.django.DjangoModelFactory):
    """A valid US address written straight to the table (tests of the services use the services)."""

    class Meta:
        model = Address

    customer = factory.SubFactory(CustomerFactory)
    first_name = "Ada"
    last_name = "Lovelace"
    line1 = factory.Sequence(lambda n: f"{n + 1} Market Street")
    city = "San Francisco"
    region = "CA"
    postal_code = "94103"
    country = "US"


def address_data(**overrides) -> dict:
    """A valid body for POST /customers/addresses/ (and address_create)."""
    return {"first_name": "Ada", "last_name": "Lovelace", "line1": "1 Market Street", "city": "San Francisco",
            "region": "CA", "postal_code": "94103", "country": "US", **overrides}
