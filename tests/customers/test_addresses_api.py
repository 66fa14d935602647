import pytest
from django.db import IntegrityError, transaction

from customers.models import MAX_ADDRESSES_PER_CUSTOMER, Address, CustomerAuditEntry
from customers.selectors import address_get_for_customer
from tests.customers.factories import AddressFactory, CustomerFactory, address_data

pytestmark = pytest.mark.django_db

URL = "/api/v1/customers/addresses/"


def create(client, **overrides) -> dict:
    response = client.post(URL, address_data(**overrides))
    assert response.status_code == 201, response.content
    return response.json()["data"]


def defaults(customer) -> tuple[list[int], list[int]]:
    addresses = Address.objects.filter(customer=customer)
    return (list(addresses.filter(is_default_shipping=True).values_list("pk", flat=True)),
            list(addresses.filter(is_default_billing=True).values_list("pk", flat=True)))


def test_create_answers_201_with_the_address_shape(customer_client):
    body = create(customer_client, company="MNKY Labs", line2="Suite 5", phone="+1 415 555 0100")

    assert set(body) >= {"id", "first_name", "last_name", "company", "line1", "line2", "city", "region",
                         "postal_code", "country", "phone", "is_default_shipping", "is_default_billing"}
    assert body["phone"] == "+14155550100" and body["company"] == "MNKY Labs"


def test_first_address_becomes_both_defaults_and_later_ones_do_not(customer_client):
    first = create(customer_client)
    second = create(customer_client, line1="2 Mission Street")

    assert first["is_default_shipping"] and first["is_default_billing"]
    assert not second["is_default_shipping"] and not second["is_default_billing"]


def test_new_default_takes_over_from_the_old_one(customer_client):
    first = create(customer_client)
    second = create(customer_client, line1="2 Mission Street", is_default_shipping=True)

    assert second["is_default_shipping"] and not second["is_default_billing"]
    assert defaults(customer_client.customer) == ([second["id"]], [first["id"]])


def test_patch_sets_a_default_and_clears_the_previous(customer_client):
    first = create(customer_client)
    second = create(customer_client, line1="2 Mission Street")

    response = customer_client.patch(f"{URL}{second['id']}/", {"is_default_billing": True})

    assert response.status_code == 200 and response.json()["data"]["is_default_billing"] is True
    assert defaults(customer_client.customer) == ([first["id"]], [second["id"]])


def test_default_cannot_be_switched_off_directly(customer_client):
    first = create(customer_client)

    response = customer_client.patch(f"{URL}{first['id']}/", {"is_default_shipping": False})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "is_default_shipping"
    assert defaults(customer_client.customer) == ([first["id"]], [first["id"]])


def test_deleting_the_default_passes_it_to_the_newest_other_address(customer_client):
    first = create(customer_client)
    create(customer_client, line1="2 Mission Street")
    newest = create(customer_client, line1="3 Valencia Street")

    response = customer_client.delete(f"{URL}{first['id']}/")

    assert response.status_code == 204
    assert defaults(customer_client.customer) == ([newest["id"]], [newest["id"]])


def test_the_database_refuses_a_second_default():
    customer = CustomerFactory()
    AddressFactory(customer=customer, is_default_shipping=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        AddressFactory(customer=customer, is_default_shipping=True)


def test_list_shows_only_own_addresses_defaults_first(customer_client):
    AddressFactory.create_batch(2)
    first = create(customer_client)
    create(customer_client, line1="2 Mission Street")

    response = customer_client.get(URL)

    assert response.status_code == 200
    data = response.json()["data"]
    assert len(data) == 2 and data[0]["id"] == first["id"]
    assert response.json()["meta"]["pagination"]["total"] == 2


def test_another_customers_address_is_404_for_every_method(customer_client):
    theirs = AddressFactory()

    for response in (customer_client.get(f"{URL}{theirs.pk}/"),
                     customer_client.patch(f"{URL}{theirs.pk}/", {"city": "Oakland"}),
                     customer_client.delete(f"{URL}{theirs.pk}/")):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert Address.objects.get(pk=theirs.pk).city == "San Francisco"


def test_anonymous_and_api_keys_cannot_use_addresses(api_client, admin_client):
    address = AddressFactory()

    assert api_client.get(URL).status_code == 401
    assert api_client.get(f"{URL}{address.pk}/").status_code == 401
    assert admin_client.get(URL).status_code == 403


def test_put_is_not_offered(customer_client):
    address = create(customer_client)

    response = customer_client.put(f"{URL}{address['id']}/", address_data())

    assert response.status_code == 405


@pytest.mark.parametrize(("overrides", "field"), [
    ({"country": "XX"}, "country"),
    ({"country": "USA"}, "country"),
    ({"country": ""}, "country"),
    ({"postal_code": "1234"}, "postal_code"),
    ({"postal_code": ""}, "postal_code"),
    ({"region": ""}, "region"),
    ({"region": "Narnia"}, "region"),
    ({"first_name": ""}, "first_name"),
    ({"line1": "   "}, "line1"),
    ({"city": ""}, "city"),
    ({"phone": "555-0100"}, "phone"),
    ({"country": "CA", "region": "ON", "postal_code": "D1A 1A1"}, "postal_code"),  # no D in Canadian codes
    ({"country": "GB", "region": "", "postal_code": "12345"}, "postal_code"),
    ({"country": "NL", "postal_code": "0123 AB"}, "postal_code"),
    ({"country": "DE", "postal_code": "1011"}, "postal_code"),
    ({"country": "AU", "region": "", "postal_code": "2000"}, "region"),
    ({"is_default_shipping": "maybe"}, "is_default_shipping"),
])
def test_invalid_addresses_are_400_naming_the_field(customer_client, overrides, field):
    response = customer_client.post(URL, address_data(**overrides))

    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == "validation_error"
    assert field in [detail["field"] for detail in response.json()["error"]["details"]]
    assert not Address.objects.exists()


def test_every_problem_is_reported_at_once(customer_client):
    response = customer_client.post(URL, address_data(first_name="", city="", postal_code="abc"))

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert not Address.objects.exists()
    assert {d["field"] for d in response.json()["error"]["details"]} == {"first_name", "city", "postal_code"}


@pytest.mark.parametrize(("country", "region", "postal_code", "stored"), [
    ("us", "california", "94103-1234", ("US", "CA", "94103-1234")),
    ("US", "ny", "100011234", ("US", "NY", "10001-1234")),
    ("CA", "Ontario", "k1a0b1", ("CA", "ON", "K1A 0B1")),
    ("GB", "", "sw1a1aa", ("GB", "", "SW1A 1AA")),
    ("GB", "London", "EC1A 1BB", ("GB", "London", "EC1A 1BB")),
    ("NL", "", "1012ab", ("NL", "", "1012 AB")),
    ("DE", "", "10115", ("DE", "", "10115")),
    ("FR", "", "75008", ("FR", "", "75008")),
    ("AU", "nsw", "2000", ("AU", "NSW", "2000")),
    ("JP", "Tokyo", "1000001", ("JP", "Tokyo", "100-0001")),
    ("IE", "", "", ("IE", "", "")),
    ("HK", "", "", ("HK", "", "")),
    ("BR", "SP", "01310-100", ("BR", "SP", "01310-100")),
])
def test_addresses_are_stored_normalised(customer_client, country, region, postal_code, stored):
    body = create(customer_client, country=country, region=region, postal_code=postal_code)

    assert (body["country"], body["region"], body["postal_code"]) == stored


def test_patch_revalidates_the_merged_address(customer_client):
    address = create(customer_client)

    response = customer_client.patch(f"{URL}{address['id']}/", {"country": "CA"})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert Address.objects.get(pk=address["id"]).country == "US"
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert fields == {"postal_code", "region"}  # "94103" and "CA" (California) are not Canadian
    ok = customer_client.patch(f"{URL}{address['id']}/", {"country": "CA", "region": "QC", "postal_code": "H2X1Y4"})
    assert ok.status_code == 200 and ok.json()["data"]["postal_code"] == "H2X 1Y4"


def test_address_cap(customer_client):
    AddressFactory.create_batch(MAX_ADDRESSES_PER_CUSTOMER, customer=customer_client.customer)

    response = customer_client.post(URL, address_data())

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["context"] == {"limit": MAX_ADDRESSES_PER_CUSTOMER}
    assert Address.objects.filter(customer=customer_client.customer).count() == MAX_ADDRESSES_PER_CUSTOMER


def test_address_changes_are_audited(customer_client):
    address = create(customer_client)
    customer_client.patch(f"{URL}{address['id']}/", {"city": "Oakland", "postal_code": "94607"})
    customer_client.delete(f"{URL}{address['id']}/")

    entries = list(CustomerAuditEntry.objects.filter(customer=customer_client.customer).order_by("id"))

    assert [entry.action for entry in entries] == ["address_created", "address_updated", "address_deleted"]
    assert all(entry.address_id == address["id"] for entry in entries)
    assert entries[0].changes["line1"] == [None, "1 Market Street"]
    assert entries[1].changes == {"city": ["San Francisco", "Oakland"], "postal_code": ["94103", "94607"]}


def test_address_list_query_count_does_not_grow_with_page_size(customer_client, django_assert_num_queries):
    AddressFactory.create_batch(12, customer=customer_client.customer)

    # user (JWT), COUNT(*), addresses
    with django_assert_num_queries(3):
        small = customer_client.get(URL, {"limit": 1})
    with django_assert_num_queries(3):
        large = customer_client.get(URL, {"limit": 100})

    assert len(small.json()["data"]) == 1 and len(large.json()["data"]) == 12


def test_selector_reads_only_the_customers_own_address():
    mine = AddressFactory()
    other = AddressFactory()

    assert address_get_for_customer(mine.customer, mine.pk) == mine
    assert address_get_for_customer(mine.customer, str(mine.pk)) == mine
    assert address_get_for_customer(mine.customer, other.pk) is None
    assert address_get_for_customer(mine.customer, "abc") is None
    assert address_get_for_customer(mine.customer, None) is None
