import pytest

from customers.models import CustomerAuditEntry
from tests.customers.factories import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/api/v1/customers/profile/password/"
NEW_PASSWORD = "a-brand-new-passphrase-7"


def login(client, email, password=PASSWORD) -> dict:
    response = client.post("/api/v1/auth/login/", {"email": email, "password": password})
    assert response.status_code == 200, response.content
    return response.json()["data"]


def bearer(api_client, token: str):
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return api_client


def test_password_change_ends_every_other_session_but_keeps_the_callers(api_client, customer):
    mine = login(api_client, customer.email)
    other = login(api_client, customer.email)

    response = bearer(api_client, mine["access_token"]).post(
        URL, {"current_password": PASSWORD, "new_password": NEW_PASSWORD})

    assert response.status_code == 204 and response.content == b""
    assert bearer(api_client, mine["access_token"]).get("/api/v1/customers/profile/").status_code == 200
    stale = bearer(api_client, other["access_token"]).get("/api/v1/customers/profile/")
    assert stale.status_code == 401 and stale.json()["error"]["code"] == "invalid_token"
    api_client.credentials()
    refresh = api_client.post("/api/v1/auth/refresh/", {"refresh_token": other["refresh_token"]})
    assert refresh.status_code == 401 and refresh.json()["error"]["code"] == "invalid_token"
    assert api_client.post("/api/v1/auth/refresh/", {"refresh_token": mine["refresh_token"]}).status_code == 200
    login(api_client, customer.email, NEW_PASSWORD)
    assert api_client.post("/api/v1/auth/login/", {"email": customer.email, "password": PASSWORD}).status_code == 401


def test_wrong_current_password_is_400_and_changes_nothing(customer_client):
    response = customer_client.post(URL, {"current_password": "wrong-password", "new_password": NEW_PASSWORD})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "current_password"
    customer_client.customer.refresh_from_db()
    assert customer_client.customer.check_password(PASSWORD)


def test_weak_new_password_is_400_naming_new_password(customer_client):
    response = customer_client.post(URL, {"current_password": PASSWORD, "new_password": "123"})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    customer_client.customer.refresh_from_db()
    assert customer_client.customer.check_password(PASSWORD)
    assert "new_password" in [d["field"] for d in response.json()["error"]["details"]]


def test_missing_fields_are_400(customer_client):
    response = customer_client.post(URL, {})

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"
    assert {d["field"] for d in response.json()["error"]["details"]} == {"current_password", "new_password"}


def test_password_change_is_audited_without_the_password(customer_client):
    customer_client.post(URL, {"current_password": PASSWORD, "new_password": NEW_PASSWORD})

    entry = CustomerAuditEntry.objects.get(customer=customer_client.customer)
    assert entry.action == "password_changed" and entry.changes == {}


def test_password_change_needs_a_customer(api_client, admin_client):
    assert api_client.post(URL, {}).status_code == 401
    assert admin_client.post(URL, {}).status_code == 403
