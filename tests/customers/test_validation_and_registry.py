import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from customers.countries import COUNTRIES
from customers.demo import seed
from customers.demo_accounts import DEMO_CUSTOMER
from customers.models import Customer
from customers.registry import NoOrderStats, OrderStats, export_parts, order_stats_provider
from customers.validation import POSTAL_CODE_RULES, normalize_country, normalize_phone, normalize_postal_code
from moodmnky.errors import ValidationFailedError


@pytest.mark.parametrize(("raw", "stored"), [
    ("+1 (415) 555-0123", "+14155550123"),
    ("0044 20 7123 4567", "+442071234567"),
    ("+49.30.1234567", "+49301234567"),
    ("", ""),
    ("   ", ""),
])
def test_phone_numbers_are_normalised(raw, stored):
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["4155550123", "+1 555", "+0123456789", "+1415555012345678", "+1 415 CALL NOW",
                                 "++14155550123"])
def test_bad_phone_numbers_are_refused(raw):
    with pytest.raises(ValidationFailedError) as error:
        normalize_phone(raw, field="shipping_address.phone")

    assert error.value.field == "shipping_address.phone"


def test_country_list_is_complete_iso_3166_alpha_2():
    assert len(COUNTRIES) == 249
    assert all(len(code) == 2 and code.isupper() for code in COUNTRIES)
    assert {"US", "GB", "DE", "FR", "JP", "XK"} - set(COUNTRIES) == {"XK"}  # Kosovo has no ISO code
    assert normalize_country(" gb ") == "GB"
    with pytest.raises(ValidationFailedError):
        normalize_country("UK")


@pytest.mark.parametrize("country", sorted(POSTAL_CODE_RULES))
def test_every_postal_rule_accepts_its_own_example(country):
    rule = POSTAL_CODE_RULES[country]

    assert normalize_postal_code(rule.example.split(" or ")[0], country) == rule.example.split(" or ")[0]


def test_other_countries_take_any_reasonable_postal_code():
    assert normalize_postal_code(" 01310-100 ", "BR") == "01310-100"
    assert normalize_postal_code("", "HK") == ""
    with pytest.raises(ValidationFailedError):
        normalize_postal_code("<script>", "BR")


def test_registry_defaults():
    assert export_parts(None) == {"orders": [], "blends": [], "scent_profile": None}
    assert NoOrderStats().stats_for(None) == OrderStats()
    assert not isinstance(order_stats_provider(), NoOrderStats)  # the orders app registered its own
    assert str(OrderStats(total_orders=3, total_spent=Decimal("100")).average_order_value) == "33.33"
    assert str(OrderStats().average_order_value) == "0.00"


def test_anonymizers_register_once(clean_registry):
    def wipe(customer):
        pass

    clean_registry.register_anonymizer(wipe)
    clean_registry.register_anonymizer(wipe)

    assert clean_registry._anonymizers.count(wipe) == 1


@pytest.mark.django_db
def test_demo_seed_is_idempotent():
    seed(stdout=io.StringIO())
    seed(stdout=io.StringIO())

    customer = Customer.objects.get(email=DEMO_CUSTOMER[0])
    assert customer.addresses.count() == 1 and customer.addresses.get().is_default_shipping
    assert customer.loyalty_points == 100 and customer.loyalty_transactions.count() == 1
    assert customer.check_password(DEMO_CUSTOMER[1])


@pytest.mark.django_db
def test_migrations_are_in_sync():
    call_command("makemigrations", "customers", "--check", "--dry-run", stdout=io.StringIO())


def test_address_clean_names_fields_under_a_prefix_for_checkout():
    from customers.services import address_clean

    with pytest.raises(ValidationFailedError) as error:
        address_clean({"first_name": "A", "last_name": "B", "line1": "1 Main", "city": "Austin", "country": "US",
                       "region": "TX", "postal_code": "7"}, field_prefix="shipping_address")

    assert error.value.details["errors"] == [{"field": "shipping_address.postal_code",
                                              "message": error.value.details["errors"][0]["message"]}]
    assert address_clean({"first_name": "A", "last_name": "B", "line1": "1 Main", "city": "Austin",
                          "country": "us", "region": "texas", "postal_code": "73301"})["region"] == "TX"
