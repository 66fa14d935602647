from decimal import Decimal
from uuid import uuid4

import pytest
from django.test import Client

from customers import services
from customers.models import Customer, CustomerAuditEntry, LoyaltyTransaction
from moodmnky.actors import SYSTEM, Actor
from moodmnky.webhooks.models import Event
from tests.customers.factories import AddressFactory, CustomerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/customers/customer/"


@pytest.fixture
def admin_site():
    client = Client()
    client.force_login(CustomerFactory(is_staff=True, is_superuser=True, email="boss@moodmnky.example"))
    return client


def test_changelist_searches_filters_and_shows_order_figures(admin_site, django_assert_max_num_queries):
    CustomerFactory(email="ada@example.com", first_name="Ada")
    CustomerFactory.create_batch(30)
    gold = CustomerFactory(email="gold@example.com")
    services.loyalty_adjust(customer=gold, points=1600, description="import", actor=SYSTEM)

    found = admin_site.get(CHANGELIST, {"q": "ada@"})
    by_tier = admin_site.get(CHANGELIST, {"tier": "gold"})
    with django_assert_max_num_queries(12):  # no query per row: order figures are annotations
        full = admin_site.get(CHANGELIST, {"anonymized": "no", "is_active__exact": "1"})

    assert found.status_code == 200 and found.context["cl"].result_count == 1
    assert [c.email for c in by_tier.context["cl"].result_list] == ["gold@example.com"]
    assert full.status_code == 200 and b"total spent" in full.content.lower()


def test_change_page_shows_addresses_ledger_and_audit_trail(admin_site):
    customer = CustomerFactory()
    AddressFactory(customer=customer, line1="77 Candle Lane")
    services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal("12"))
    services.customer_profile_update(customer=customer, actor=Actor(user=customer), first_name="Audited")

    response = admin_site.get(f"{CHANGELIST}{customer.pk}/change/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "77 Candle Lane" in body and "loyalty ledger" in body.lower() and "Profile updated" in body


def test_editing_in_the_admin_is_audited_with_the_staff_member(admin_site):
    customer = CustomerFactory(first_name="Old")
    page = admin_site.get(f"{CHANGELIST}{customer.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update({"first_name": "New", "is_active": "", "groups": [], "user_permissions": [],
                 "date_joined_0": customer.date_joined.date().isoformat(),
                 "date_joined_1": customer.date_joined.time().strftime("%H:%M:%S"), "birthday": ""})
    for prefix in ("addresses", "loyalty_transactions", "audit_entries"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})

    response = admin_site.post(f"{CHANGELIST}{customer.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    customer.refresh_from_db()
    assert customer.first_name == "New" and not customer.is_active
    entry = CustomerAuditEntry.objects.get(customer=customer)
    assert entry.actor_label == "staff boss@moodmnky.example"
    assert entry.changes["first_name"] == ["Old", "New"] and entry.changes["is_active"] == [True, False]


def test_anonymise_action_asks_first_then_uses_the_service(admin_site):
    customer = CustomerFactory()
    AddressFactory(customer=customer)
    action = {"action": "anonymize", "_selected_action": [customer.pk]}

    confirm = admin_site.post(CHANGELIST, action)
    assert confirm.status_code == 200 and b"Yes, anonymise" in confirm.content
    assert Customer.objects.get(pk=customer.pk).anonymized_at is None

    done = admin_site.post(CHANGELIST, {**action, "confirm": "yes"})

    assert done.status_code == 302
    customer.refresh_from_db()
    assert customer.email == f"deleted-{customer.pk}@invalid" and not customer.is_active
    assert not customer.addresses.exists()
    assert CustomerAuditEntry.objects.get(customer=customer, action="anonymized").actor_label.startswith("staff ")


def test_loyalty_adjustment_from_the_admin_goes_through_the_ledger(admin_site):
    customer = CustomerFactory()

    response = admin_site.post("/admin/customers/loyaltytransaction/add/",
                               {"customer": customer.pk, "points": 150, "description": "Birthday gift"})
    refused = admin_site.post("/admin/customers/loyaltytransaction/add/",
                              {"customer": customer.pk, "points": -151, "description": "too much"})

    assert response.status_code == 302
    row = LoyaltyTransaction.objects.get(customer=customer)
    assert (row.type, row.points, row.created_by.email) == ("adjust", 150, "boss@moodmnky.example")
    assert Customer.objects.get(pk=customer.pk).loyalty_points == 150
    assert refused.status_code == 200 and "cannot go below zero" in refused.content.decode()
    assert LoyaltyTransaction.objects.count() == 1


def test_ledger_and_audit_pages_are_read_only(admin_site):
    customer = CustomerFactory()
    row = services.loyalty_adjust(customer=customer, points=5, description="x", actor=SYSTEM)
    services.customer_profile_update(customer=customer, actor=Actor(user=customer), first_name="Q")
    entry = CustomerAuditEntry.objects.get()

    assert admin_site.get("/admin/customers/customerauditentry/").status_code == 200
    assert admin_site.get("/admin/customers/customerauditentry/add/").status_code == 403
    assert admin_site.get("/admin/customers/loyaltytransaction/", {"q": str(uuid4())}).status_code == 200
    assert admin_site.post(f"/admin/customers/loyaltytransaction/{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_site.post(f"/admin/customers/customerauditentry/{entry.pk}/delete/",
                           {"post": "yes"}).status_code == 403


def _change_form_data(admin_site, customer, **changes):
    page = admin_site.get(f"{CHANGELIST}{customer.pk}/change/")
    data = {name: value for name, value in page.context["adminform"].form.initial.items()
            if value is not None and name != "password"}
    data.update({"is_active": "on", "groups": [], "user_permissions": [], "birthday": "",
                 "date_joined_0": customer.date_joined.date().isoformat(),
                 "date_joined_1": customer.date_joined.time().strftime("%H:%M:%S"), **changes})
    for prefix in ("addresses", "loyalty_transactions", "audit_entries"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_admin_applies_the_api_phone_rules(admin_site):
    customer = CustomerFactory(phone="")

    refused = admin_site.post(f"{CHANGELIST}{customer.pk}/change/",
                              _change_form_data(admin_site, customer, phone="call me maybe"))
    saved = admin_site.post(f"{CHANGELIST}{customer.pk}/change/",
                            _change_form_data(admin_site, customer, phone="+1 (415) 555-0142"))

    assert refused.status_code == 200 and "phone" in refused.context["adminform"].form.errors
    assert saved.status_code == 302
    customer.refresh_from_db()
    assert customer.phone == "+14155550142"


def test_admin_refuses_sms_marketing_without_a_phone_and_changes_nothing(admin_site):
    customer = CustomerFactory(phone="")

    refused = admin_site.post(f"{CHANGELIST}{customer.pk}/change/",
                              _change_form_data(admin_site, customer, sms_marketing="on", first_name="Changed"))

    assert refused.status_code == 200
    assert "phone number" in str(refused.context["adminform"].form.errors)
    customer.refresh_from_db()
    assert not customer.sms_marketing and customer.first_name != "Changed"
    assert not CustomerAuditEntry.objects.filter(customer=customer).exists()


def test_admin_changes_preferences_and_email_through_the_service(admin_site):
    customer = CustomerFactory(email="before@example.com")

    saved = admin_site.post(f"{CHANGELIST}{customer.pk}/change/", _change_form_data(
        admin_site, customer, email="After@Example.com", preferred_currency="eur"))

    assert saved.status_code == 302
    customer.refresh_from_db()
    assert (customer.email, customer.preferred_currency) == ("after@example.com", "EUR")
    entry = CustomerAuditEntry.objects.get(customer=customer)
    assert entry.changes["email"] == ["before@example.com", "after@example.com"]
    assert entry.actor_label == "staff boss@moodmnky.example"


def test_adding_a_customer_in_the_admin_registers_it(admin_site):
    response = admin_site.post(f"{CHANGELIST}add/", {"email": "Walk.In@Example.com",
                                                     "password1": "a-long-pass-42", "password2": "a-long-pass-42"})

    assert response.status_code == 302
    customer = Customer.objects.get(email="walk.in@example.com")
    assert customer.check_password("a-long-pass-42")
    event = Event.objects.get(type="customer.created")
    assert event.data["id"] == customer.pk and event.actor_label == "boss@moodmnky.example"


def test_admin_loyalty_adjustment_of_zero_is_refused_with_the_service_message(admin_site):
    customer = CustomerFactory()

    refused = admin_site.post("/admin/customers/loyaltytransaction/add/",
                              {"customer": customer.pk, "points": 0, "description": " "})

    errors = refused.context["adminform"].form.errors
    assert refused.status_code == 200
    assert errors["points"] == ["Adjust by a non-zero number of points."]
    assert errors["description"] == ["Say why the points change."]
    assert not LoyaltyTransaction.objects.exists()
