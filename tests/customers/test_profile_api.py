import datetime

import pytest
from django.core import mail

from customers.models import Customer, CustomerAuditEntry
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/customers/profile/"


def fields_of(response) -> list:
    return [detail["field"] for detail in response.json()["error"]["details"]]


def test_profile_has_the_customer_shape(customer_client):
    response = customer_client.get(URL)

    assert response.status_code == 200
    body = response.json()["data"]
    assert set(body) >= {"id", "email", "first_name", "last_name", "phone", "birthday", "preferences",
                         "order_stats", "membership_tier", "loyalty_points", "date_joined"}
    assert body["preferences"] == {"email_marketing": False, "sms_marketing": False, "preferred_currency": "USD",
                                   "reminder_frequency": "never"}
    assert body["order_stats"] == {"total_orders": 0, "total_spent": "0.00", "average_order_value": "0.00",
                                   "last_order_date": None, "currency": "USD"}
    assert body["membership_tier"] == "bronze" and body["loyalty_points"] == 0


def test_profile_needs_a_customer(api_client, admin_client):
    assert api_client.get(URL).json()["error"]["code"] == "not_authenticated"
    assert api_client.get(URL).status_code == 401
    response = admin_client.get(URL)
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"


def test_patch_updates_names_phone_birthday_and_preferences(customer_client):
    response = customer_client.patch(URL, {
        "first_name": " Ada ", "last_name": "Lovelace", "phone": "+1 (415) 555-0123", "birthday": "1990-12-10",
        "preferences": {"email_marketing": True, "sms_marketing": True, "preferred_currency": "EUR",
                        "reminder_frequency": "monthly"},
    })

    assert response.status_code == 200, response.content
    body = response.json()["data"]
    assert (body["first_name"], body["phone"], body["birthday"]) == ("Ada", "+14155550123", "1990-12-10")
    assert body["preferences"] == {"email_marketing": True, "sms_marketing": True, "preferred_currency": "EUR",
                                   "reminder_frequency": "monthly"}
    stored = Customer.objects.get(pk=customer_client.customer.pk)
    assert stored.phone == "+14155550123" and stored.reminder_frequency == "monthly"


def test_patch_of_one_preference_keeps_the_others(customer_client):
    customer_client.patch(URL, {"preferences": {"email_marketing": True}})

    response = customer_client.patch(URL, {"preferences": {"reminder_frequency": "weekly"}})

    assert response.json()["data"]["preferences"]["email_marketing"] is True
    assert response.json()["data"]["preferences"]["reminder_frequency"] == "weekly"


@pytest.mark.parametrize(("body", "field"), [
    ({"phone": "415-555-0123"}, "phone"),  # no country code
    ({"phone": "+0 415 555 0123"}, "phone"),
    ({"phone": "+1415555012345678"}, "phone"),  # more than 15 digits
    ({"phone": "call me"}, "phone"),
    ({"birthday": "2999-01-01"}, "birthday"),
    ({"birthday": "1850-01-01"}, "birthday"),
    ({"birthday": "not-a-date"}, "birthday"),
    ({"first_name": "x" * 151}, "first_name"),
    ({"preferences": {"reminder_frequency": "hourly"}}, "preferences.reminder_frequency"),
    ({"preferences": {"preferred_currency": "XYZ"}}, "preferences.preferred_currency"),
    ({"preferences": {"email_marketing": "perhaps"}}, "preferences.email_marketing"),
    ({"preferences": {"sms_marketing": True}}, "preferences.sms_marketing"),  # no phone on file
    ({"preferences": "all"}, "preferences"),
])
def test_patch_refuses_bad_input_naming_the_field(customer_client, body, field):
    before = Customer.objects.values().get(pk=customer_client.customer.pk)

    response = customer_client.patch(URL, body)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
    assert field in fields_of(response)
    assert Customer.objects.values().get(pk=customer_client.customer.pk) == before


def test_read_only_fields_are_ignored(customer_client):
    response = customer_client.patch(URL, {"loyalty_points": 9999, "membership_tier": "platinum", "id": 1})

    assert response.status_code == 200
    assert response.json()["data"]["loyalty_points"] == 0
    assert Customer.objects.get(pk=customer_client.customer.pk).loyalty_points == 0


def test_email_change_needs_the_current_password(customer_client):
    missing = customer_client.patch(URL, {"email": "new@example.com"})
    wrong = customer_client.patch(URL, {"email": "new@example.com", "current_password": "nope-nope-nope"})

    for response in (missing, wrong):
        assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
        assert fields_of(response) == ["current_password"]
    assert Customer.objects.get(pk=customer_client.customer.pk).email == customer_client.customer.email


def test_email_change_with_the_password_works_and_tells_the_old_address(customer_client,
                                                                       django_capture_on_commit_callbacks):
    old_email = customer_client.customer.email

    with django_capture_on_commit_callbacks(execute=True):
        response = customer_client.patch(URL, {"email": "New.Me@Example.com", "current_password": PASSWORD})

    assert response.status_code == 200, response.content
    assert response.json()["data"]["email"] == "new.me@example.com"
    assert mail.outbox[-1].to == [old_email]
    login = customer_client.post("/api/v1/auth/login/", {"email": "new.me@example.com", "password": PASSWORD})
    assert login.status_code == 200


def test_email_change_to_a_taken_address_is_400(customer_client):
    CustomerFactory(email="taken@example.com")

    response = customer_client.patch(URL, {"email": "TAKEN@example.com", "current_password": PASSWORD})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert fields_of(response) == ["email"]
    assert Customer.objects.get(pk=customer_client.customer.pk).email == customer_client.customer.email
    assert not CustomerAuditEntry.objects.exists()


def test_same_email_in_other_case_needs_no_password(customer_client):
    response = customer_client.patch(URL, {"email": customer_client.customer.email.upper(), "first_name": "Zed"})

    assert response.status_code == 200
    assert response.json()["data"]["first_name"] == "Zed"


def test_profile_changes_are_audited_with_old_and_new_values(customer_client):
    customer = customer_client.customer
    old_name = customer.first_name

    customer_client.patch(URL, {"first_name": "Grace", "birthday": "1906-12-09"})

    entry = CustomerAuditEntry.objects.get(customer=customer)
    assert entry.action == "profile_updated" and entry.actor_id == customer.pk and entry.actor_label == "customer"
    assert entry.changes == {"first_name": [old_name, "Grace"], "birthday": [None, "1906-12-09"]}


def test_a_patch_that_changes_nothing_writes_no_audit_entry(customer_client):
    customer_client.patch(URL, {"first_name": customer_client.customer.first_name})

    assert not CustomerAuditEntry.objects.exists()


def test_register_records_customer_created(api_client):
    response = api_client.post("/api/v1/auth/register/", {"email": "new@example.com", "password": "a-long-pass-42",
                                                          "first_name": "New"})

    assert response.status_code == 201
    assert response.json()["data"]["customer"]["preferences"]["reminder_frequency"] == "never"
    event = Event.objects.get(type="customer.created")
    assert event.data["email"] == "new@example.com"
    assert event.data["is_active"] is True and event.data["order_count"] == 0 and event.data["total_spent"] == "0.00"


def test_failed_registration_records_no_event(api_client):
    CustomerFactory(email="taken@example.com")

    response = api_client.post("/api/v1/auth/register/", {"email": "taken@example.com", "password": "a-long-pass-42"})

    assert response.status_code == 400
    assert not Event.objects.filter(type="customer.created").exists()


def test_birthday_can_be_cleared(customer_client):
    customer_client.patch(URL, {"birthday": "1990-01-01"})

    response = customer_client.patch(URL, {"birthday": None})

    assert response.json()["data"]["birthday"] is None
    assert Customer.objects.get(pk=customer_client.customer.pk).birthday is None


def test_birthday_today_is_refused():
    from customers.services import customer_profile_update
    from moodmnky.errors import ValidationFailedError

    customer = CustomerFactory()

    with pytest.raises(ValidationFailedError) as refused:
        customer_profile_update(customer=customer, actor=SYSTEM, birthday=datetime.date.today())

    assert (refused.value.code, refused.value.field) == ("validation_error", "birthday")
    assert Customer.objects.get(pk=customer.pk).birthday is None
