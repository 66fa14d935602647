import re

import pytest
from django.core import mail

from customers.models import Customer
from moodmnky.webhooks.models import Event
from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post("/api/v1/auth/login/", {"email": email, "password": password}, format="json")


def refresh(client, token):
    return client.post("/api/v1/auth/refresh/", {"refresh_token": token}, format="json")


def me(client, access):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    response = client.get("/api/v1/_test/me/")
    client.credentials()
    return response


def test_register_creates_customer_and_signs_in(api_client):
    response = api_client.post("/api/v1/auth/register/", {
        "email": "Ada@Example.com", "password": "a-long-passphrase-1", "first_name": "Ada", "last_name": "L"},
        format="json")

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["customer"]["email"] == "ada@example.com"
    assert data["customer"]["first_name"] == "Ada"
    assert data["token_type"] == "Bearer" and data["expires_in"] == 900
    assert data["access_token"] and data["refresh_token"]
    assert Customer.objects.get(email="ada@example.com").check_password("a-long-passphrase-1")
    assert Event.objects.filter(type="customer.created", data__email="ada@example.com").count() == 1


def test_register_refuses_taken_email_in_any_case(api_client):
    CustomerFactory(email="taken@example.com")

    response = api_client.post("/api/v1/auth/register/", {"email": "TAKEN@example.com",
                                                          "password": "a-long-passphrase-1"}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "email"
    assert Customer.objects.count() == 1


def test_register_refuses_weak_password_naming_the_field(api_client):
    response = api_client.post("/api/v1/auth/register/", {"email": "new@example.com", "password": "123"},
                               format="json")

    assert response.status_code == 400
    assert [d["field"] for d in response.json()["error"]["details"]] == ["password"]
    assert not Customer.objects.exists()


def test_login_returns_token_pair(api_client, customer):
    response = login(api_client, customer.email.upper())

    assert response.status_code == 200
    assert set(response.json()["data"]) == {"access_token", "refresh_token", "expires_in", "token_type"}


@pytest.mark.parametrize("email, password", [("customer@example.com", "wrong-password"),
                                             ("nobody@example.com", PASSWORD)])
def test_login_with_wrong_credentials_is_401_invalid_credentials(api_client, email, password):
    CustomerFactory(email="customer@example.com")

    response = login(api_client, email, password)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


def test_inactive_customer_cannot_log_in(api_client):
    customer = CustomerFactory(is_active=False)

    assert login(api_client, customer.email).json()["error"]["code"] == "invalid_credentials"


@pytest.mark.urls("tests.platform.urls")
def test_access_token_authenticates_customer(api_client, customer):
    access = login(api_client, customer.email).json()["data"]["access_token"]

    response = me(api_client, access)

    assert response.status_code == 200
    assert response.json()["data"]["email"] == customer.email


def test_refresh_rotates_and_old_refresh_token_stops_working(api_client, customer):
    first = login(api_client, customer.email).json()["data"]["refresh_token"]

    rotated = refresh(api_client, first)
    again = refresh(api_client, rotated.json()["data"]["refresh_token"])
    reused = refresh(api_client, first)

    assert rotated.status_code == 200
    new_pair = rotated.json()["data"]
    assert new_pair["refresh_token"] != first and new_pair["access_token"]
    assert again.status_code == 200
    assert reused.status_code == 401  # and it ended the session (tests/customers/test_sessions.py)
    assert reused.json()["error"]["code"] == "invalid_token"


def test_refresh_after_logout_is_rejected(api_client, customer):
    token = login(api_client, customer.email).json()["data"]["refresh_token"]

    logout = api_client.post("/api/v1/auth/logout/", {"refresh_token": token}, format="json")

    assert logout.status_code == 204
    assert logout.content == b""
    response = refresh(api_client, token)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_refresh_with_garbage_or_access_token_is_401(api_client, customer):
    access = login(api_client, customer.email).json()["data"]["access_token"]

    assert refresh(api_client, "garbage").json()["error"]["code"] == "invalid_token"
    assert refresh(api_client, access).json()["error"]["code"] == "invalid_token"


def test_refresh_missing_field_is_400(api_client):
    response = api_client.post("/api/v1/auth/refresh/", {}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "refresh_token"


def _reset_token_from_outbox() -> str:
    assert len(mail.outbox) == 1
    return re.search(r"Reset token: (\S+)", mail.outbox[0].body).group(1)


def test_password_reset_request_is_202_for_known_and_unknown_emails(api_client, customer):
    known = api_client.post("/api/v1/auth/password-reset/", {"email": customer.email}, format="json")
    unknown = api_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"}, format="json")

    assert known.status_code == unknown.status_code == 202
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [customer.email]


@pytest.mark.urls("tests.platform.urls")
def test_password_reset_confirm_sets_password_and_ends_every_session(api_client, customer):
    old = login(api_client, customer.email).json()["data"]
    api_client.post("/api/v1/auth/password-reset/", {"email": customer.email}, format="json")
    token = _reset_token_from_outbox()

    response = api_client.post("/api/v1/auth/password-reset/confirm/",
                               {"token": token, "password": "brand-new-passphrase-7"}, format="json")

    assert response.status_code == 204
    assert login(api_client, customer.email).status_code == 401
    assert login(api_client, customer.email, "brand-new-passphrase-7").status_code == 200
    assert refresh(api_client, old["refresh_token"]).json()["error"]["code"] == "invalid_token"
    assert me(api_client, old["access_token"]).json()["error"]["code"] == "invalid_token"


def test_password_reset_token_is_single_use(api_client, customer):
    api_client.post("/api/v1/auth/password-reset/", {"email": customer.email}, format="json")
    token = _reset_token_from_outbox()
    api_client.post("/api/v1/auth/password-reset/confirm/", {"token": token, "password": "brand-new-passphrase-7"},
                    format="json")

    again = api_client.post("/api/v1/auth/password-reset/confirm/",
                            {"token": token, "password": "another-passphrase-8"}, format="json")

    assert again.status_code == 400
    assert again.json()["error"]["details"][0]["field"] == "token"


@pytest.mark.parametrize("token", ["garbage", "MQ.abc-def", "", "Zm9v.1-2"])
def test_password_reset_with_unknown_token_is_400(api_client, customer, token):
    response = api_client.post("/api/v1/auth/password-reset/confirm/",
                               {"token": token, "password": "brand-new-passphrase-7"}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "token"


@pytest.mark.urls("tests.platform.urls")
def test_password_change_ends_other_sessions_but_not_the_callers(api_client, customer):
    from customers.services import customer_change_password
    from moodmnky.tokens import SessionRefreshToken

    mine = login(api_client, customer.email).json()["data"]
    other = login(api_client, customer.email).json()["data"]
    my_sid = SessionRefreshToken(mine["refresh_token"])["sid"]

    customer_change_password(customer=customer, current_password=PASSWORD, new_password="new-passphrase-99",
                             session_id=my_sid)

    assert me(api_client, mine["access_token"]).status_code == 200
    assert refresh(api_client, mine["refresh_token"]).status_code == 200
    assert me(api_client, other["access_token"]).json()["error"]["code"] == "invalid_token"
    assert refresh(api_client, other["refresh_token"]).json()["error"]["code"] == "invalid_token"


def test_tokens_are_signed_with_jwt_signing_key_not_secret_key(api_client, customer, settings):
    import jwt

    access = login(api_client, customer.email).json()["data"]["access_token"]

    claims = jwt.decode(access, settings.JWT_SIGNING_KEY, algorithms=["HS256"])
    assert claims["user_id"] == str(customer.pk) or claims["user_id"] == customer.pk
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(access, settings.SECRET_KEY, algorithms=["HS256"])


@pytest.mark.urls("tests.platform.urls")
@pytest.mark.parametrize("cut", ["password_change", "password_reset"])
def test_login_right_after_sessions_end_works(api_client, customer, cut):
    from customers.services import customer_change_password, password_reset_confirm, password_reset_token

    if cut == "password_change":
        customer_change_password(customer=customer, current_password=PASSWORD, new_password="new-passphrase-99")
    else:
        password_reset_confirm(token=password_reset_token(customer), password="new-passphrase-99")

    fresh = login(api_client, customer.email, "new-passphrase-99").json()["data"]

    assert me(api_client, fresh["access_token"]).status_code == 200
    assert refresh(api_client, fresh["refresh_token"]).status_code == 200


@pytest.mark.parametrize("email", ["notanemail", "", "x" * 200])
def test_password_reset_request_is_202_even_for_malformed_emails(api_client, email):
    response = api_client.post("/api/v1/auth/password-reset/", {"email": email}, format="json")

    assert response.status_code == 202
    assert len(mail.outbox) == 0


@pytest.mark.parametrize("known", [True, False])
def test_password_reset_email_is_queued_as_a_task_for_known_and_unknown_emails(api_client, customer, settings,
                                                                                known):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = customer.email if known else "nobody@example.com"

    response = api_client.post("/api/v1/auth/password-reset/", {"email": email}, format="json")

    assert response.status_code == 202
    assert len(mail.outbox) == 0  # nothing is sent inside the request
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("password_reset_email_send")
    assert queued.args_kwargs["kwargs"] == {"email": email}
