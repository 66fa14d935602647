"""Customer back office: search, the whole customer on one page, staff edits audited, anonymisation."""

import pytest

from customers import services
from customers.models import Address, Customer, CustomerAuditEntry, LoyaltyTransaction
from moodmnky.actors import SYSTEM
from tests.customers.factories import AddressFactory, CustomerFactory
from tests.e2e.conftest import STAFF_EMAIL, messages, result_rows, run_action, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_finds_a_customer_and_sees_addresses_loyalty_and_audit(admin_page):
    page = admin_page
    ada = CustomerFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace")
    CustomerFactory(email="grace@example.com")
    AddressFactory(customer=ada, line1="12 Analytical Way", city="London", region="", postal_code="N1 9GU",
                   country="GB")
    services.loyalty_adjust(customer=ada, points=250, description="Welcome gift", actor=SYSTEM)

    page.goto("/admin/customers/customer/")
    assert len(result_rows(page)) == 3  # two customers and the staff account
    page.fill("#searchbar", "ada@")
    submit(page, "#changelist-search input[type=submit]")
    [row] = result_rows(page)
    assert "ada@example.com" in row and "Ada" in row and "250" in row
    submit(page, "#result_list a:text-is('ada@example.com')")

    assert page.input_value("#id_email") == "ada@example.com"
    assert page.locator("[name=loyalty_points]").count() == 0  # points move only through the ledger
    assert "250" in page.inner_text(".field-loyalty_points .readonly")
    addresses = page.locator("#addresses-group")
    assert "12 Analytical Way" in addresses.inner_text() and "London" in addresses.inner_text()
    assert addresses.locator("input[type=text]").count() == 0  # read-only inline
    assert addresses.locator(".add-row").is_hidden()  # no "Add another Address"
    loyalty = page.inner_text("#loyalty_transactions-group")
    assert "Welcome gift" in loyalty and "250" in loyalty
    assert page.locator("#audit_entries-group tbody tr.has_original").count() == 0

    # A staff edit is saved and written to the audit trail, which the page then shows.
    page.fill("#id_phone", "+44 20 7946 0000")
    submit(page, "input[name=_continue]")
    assert any("was changed successfully" in message for message in messages(page)), messages(page)
    ada.refresh_from_db()
    assert ada.phone == "+442079460000"  # normalised by the same rule as the API
    [entry] = CustomerAuditEntry.objects.filter(customer=ada)
    assert entry.action == CustomerAuditEntry.Action.PROFILE_UPDATED and "phone" in entry.changes
    assert entry.actor.email == STAFF_EMAIL
    audit = page.inner_text("#audit_entries-group")
    assert "Profile updated" in audit and STAFF_EMAIL in audit


def test_staff_anonymises_a_customer_after_confirming(admin_page):
    page = admin_page
    ada = CustomerFactory(email="ada@example.com", first_name="Ada", phone="+15555550100")
    grace = CustomerFactory(email="grace@example.com")
    AddressFactory(customer=ada)

    page.goto("/admin/customers/customer/?q=ada%40example.com")
    run_action(page, "anonymize", ada.pk)

    # The confirmation page names the account; nothing has happened yet.
    assert page.inner_text("h1") == "Anonymise customers?"
    assert "ada@example.com" in page.inner_text("#content ul")
    assert "cannot be undone" in page.inner_text("#content")
    ada.refresh_from_db()
    assert ada.email == "ada@example.com" and ada.is_active and ada.anonymized_at is None

    submit(page, "input[value='Yes, anonymise']")
    assert "Anonymised 1 customer(s)." in messages(page)
    ada.refresh_from_db()
    assert ada.email == f"deleted-{ada.pk}@invalid"
    assert (ada.is_active, ada.first_name, ada.phone, ada.has_usable_password()) == (False, "", "", False)
    assert ada.anonymized_at is not None
    assert not Address.objects.filter(customer=ada).exists()
    assert CustomerAuditEntry.objects.filter(customer=ada, action="anonymized", actor__email=STAFF_EMAIL).exists()
    grace.refresh_from_db()
    assert grace.email == "grace@example.com" and grace.is_active

    # The "anonymised" filter finds it; on its page the account cannot be reopened.
    page.goto("/admin/customers/customer/")
    submit(page, "#changelist-filter a[href*='anonymized=yes']")
    [row] = result_rows(page)
    assert f"deleted-{ada.pk}@invalid" in row
    submit(page, f"#result_list a:text-is('deleted-{ada.pk}@invalid')")
    assert page.locator("[name=is_active]").count() == 0
    assert page.locator("#addresses-group tbody tr.has_original").count() == 0
    assert Customer.objects.filter(is_active=True).count() == 2  # grace and the staff account


def test_staff_adjust_loyalty_points_with_a_reason(admin_page):
    page = admin_page
    ada = CustomerFactory(email="ada@example.com")
    services.loyalty_adjust(customer=ada, points=10, description="Welcome gift", actor=SYSTEM)

    page.goto("/admin/customers/loyaltytransaction/add/")
    page.click("#id_customer + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "ada@")
    page.click(".select2-results__option:text-is('ada@example.com')")
    page.fill("#id_points", "-50")
    submit(page, "input[name=_save]")
    assert "The balance (10) cannot go below zero." in page.inner_text(".field-points .errorlist")
    assert "Say why the points change." in page.inner_text(".field-description .errorlist")
    assert LoyaltyTransaction.objects.count() == 1

    page.fill("#id_points", "40")
    page.fill("#id_description", "Late parcel")
    submit(page, "input[name=_save]")
    assert any("was added successfully" in message for message in messages(page)), messages(page)
    row = LoyaltyTransaction.objects.get(description="Late parcel")
    assert (row.customer, row.type, row.points, row.created_by.email) == (ada, "adjust", 40, STAFF_EMAIL)
    ada.refresh_from_db()
    assert ada.loyalty_points == 50
    [listed, _] = result_rows(page)
    assert "Late parcel" in listed and "Adjusted" in listed
