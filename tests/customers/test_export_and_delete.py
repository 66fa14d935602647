from decimal import Decimal
from uuid import uuid4

import pytest

from customers import services
from customers.models import Address, Customer, CustomerAuditEntry, LoyaltyTransaction
from moodmnky.actors import SYSTEM, Actor
from tests.customers.factories import PASSWORD, AddressFactory, CustomerFactory, address_data

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/customers/profile/export/"
PROFILE = "/api/v1/customers/profile/"


def login(client, email, password=PASSWORD):
    return client.post("/api/v1/auth/login/", {"email": email, "password": password})


def test_export_contains_every_part(customer_client):
    customer = customer_client.customer
    customer_client.post("/api/v1/customers/addresses/", address_data())
    services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal("42.10"))

    response = customer_client.get(EXPORT)

    assert response.status_code == 200
    body = response.json()["data"]
    assert set(body) == {"profile", "addresses", "orders", "blends", "scent_profile", "loyalty", "account_history"}
    assert body["profile"]["email"] == customer.email
    assert [a["line1"] for a in body["addresses"]] == ["1 Market Street"]
    assert (body["orders"], body["blends"], body["scent_profile"]) == ([], [], None)
    assert body["loyalty"]["points"] == 42 and body["loyalty"]["transactions"][0]["type"] == "earn"
    assert [(entry["action"], entry["by"]) for entry in body["account_history"]] == [("address_created", "customer")]


def test_export_names_staff_by_role_only(customer_client):
    staff = CustomerFactory(is_staff=True, email="ops@moodmnky.example")
    services.customer_admin_update(customer=customer_client.customer, actor=Actor(user=staff), first_name="Fixed")

    history = customer_client.get(EXPORT).json()["data"]["account_history"]

    assert history[0]["by"] == "staff" and "ops@moodmnky.example" not in str(history)


def test_export_includes_the_whole_ledger(customer_client):
    for _ in range(60):
        services.loyalty_adjust(customer=customer_client.customer, points=1, description="bonus", actor=SYSTEM)

    body = customer_client.get(EXPORT).json()["data"]

    assert len(body["loyalty"]["transactions"]) == 60
    assert len(customer_client.get("/api/v1/customers/loyalty/").json()["data"]["transactions"]) == 50


def test_registered_export_parts_appear(customer_client, clean_registry):
    clean_registry.register_export_part("orders", lambda customer: [{"number": f"MNKY-{customer.pk}"}])
    clean_registry.register_export_part("scent_profile", lambda customer: {"intensity": 3})
    clean_registry.register_export_part("reviews", lambda customer: ["Lovely candle"])

    body = customer_client.get(EXPORT).json()["data"]

    assert body["orders"] == [{"number": f"MNKY-{customer_client.customer.pk}"}]
    assert body["scent_profile"] == {"intensity": 3}
    assert body["reviews"] == ["Lovely candle"]
    assert body["blends"] == []


def test_own_export_parts_cannot_be_replaced(clean_registry):
    with pytest.raises(ValueError):
        clean_registry.register_export_part("profile", lambda customer: {})


def test_export_needs_a_customer(api_client, admin_client):
    assert api_client.get(EXPORT).status_code == 401
    assert admin_client.get(EXPORT).status_code == 403


def test_delete_with_wrong_or_missing_password_is_400_and_keeps_the_account(customer_client):
    wrong = customer_client.delete(PROFILE, {"password": "not-my-password"})
    missing = customer_client.delete(PROFILE, {})

    for response in (wrong, missing):
        assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
        assert [d["field"] for d in response.json()["error"]["details"]] == ["password"]
    customer = Customer.objects.get(pk=customer_client.customer.pk)
    assert customer.is_active and customer.anonymized_at is None


def test_delete_anonymises_and_closes_the_account(api_client, customer, admin_client):
    Customer.objects.filter(pk=customer.pk).update(phone="+14155550123", email_marketing=True)
    AddressFactory.create_batch(2, customer=customer)
    services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal("30"))
    email = customer.email
    tokens = login(api_client, email).json()["data"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access_token']}")

    response = api_client.delete(PROFILE, {"password": PASSWORD})

    assert response.status_code == 204
    customer.refresh_from_db()
    assert customer.email == f"deleted-{customer.pk}@invalid"
    assert (customer.first_name, customer.last_name, customer.phone, customer.birthday) == ("", "", "", None)
    assert not customer.is_active and not customer.has_usable_password() and customer.anonymized_at
    assert customer.email_marketing is False
    assert not Address.objects.filter(customer=customer).exists()
    assert LoyaltyTransaction.objects.filter(customer=customer).count() == 1  # business records stay
    # The old access token, the refresh token and the login are all dead.
    stale = api_client.get(PROFILE)
    assert stale.status_code == 401 and stale.json()["error"]["code"] == "invalid_token"
    api_client.credentials()
    refresh = api_client.post("/api/v1/auth/refresh/", {"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401 and refresh.json()["error"]["code"] == "invalid_token"
    relogin = login(api_client, email)
    assert relogin.status_code == 401 and relogin.json()["error"]["code"] == "invalid_credentials"
    # Staff still see the anonymised record.
    admin_view = admin_client.get(f"/api/v1/customers/{customer.pk}/").json()["data"]
    assert admin_view["is_active"] is False and admin_view["email"] == f"deleted-{customer.pk}@invalid"
    assert admin_view["first_name"] == "" and admin_view["anonymized_at"]


def test_delete_redacts_the_audit_trail_and_records_the_deletion(customer_client):
    customer_client.patch(PROFILE, {"first_name": "Secret", "phone": "+442071234567"})

    customer_client.delete(PROFILE, {"password": PASSWORD})

    entries = CustomerAuditEntry.objects.filter(customer=customer_client.customer).order_by("id")
    assert entries[0].changes == {"first_name": ["[redacted]", "[redacted]"], "phone": ["[redacted]", "[redacted]"]}
    assert entries.last().action == "anonymized"
    assert "Secret" not in str(list(entries.values_list("changes", flat=True)))


def test_delete_runs_registered_anonymizers_in_the_same_transaction(customer_client, clean_registry):
    seen = []
    clean_registry.register_anonymizer(lambda customer: seen.append(customer.email))

    customer_client.delete(PROFILE, {"password": PASSWORD})

    assert seen == [customer_client.customer.email]  # before the account's own data is replaced


def test_a_failing_anonymizer_rolls_everything_back(customer_client, clean_registry):
    def broken(customer):
        raise RuntimeError("blends are unhappy")

    clean_registry.register_anonymizer(broken)
    AddressFactory(customer=customer_client.customer)

    with pytest.raises(RuntimeError):
        services.customer_delete_account(customer=customer_client.customer, password=PASSWORD)

    customer = Customer.objects.get(pk=customer_client.customer.pk)
    assert customer.is_active and customer.anonymized_at is None
    assert Address.objects.filter(customer=customer).count() == 1


def test_anonymising_twice_is_harmless():
    customer = CustomerFactory()
    services.customer_anonymize(customer=customer, actor=SYSTEM)
    first = Customer.objects.get(pk=customer.pk).anonymized_at

    services.customer_anonymize(customer=customer, actor=SYSTEM)

    assert Customer.objects.get(pk=customer.pk).anonymized_at == first
    assert CustomerAuditEntry.objects.filter(customer=customer, action="anonymized").count() == 1


def test_anonymised_staff_lose_staff_rights():
    staff = CustomerFactory(is_staff=True, is_superuser=True)

    services.customer_anonymize(customer=staff, actor=SYSTEM)

    staff.refresh_from_db()
    assert not staff.is_staff and not staff.is_superuser
