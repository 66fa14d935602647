"""Login sessions: rotation, reuse detection, logout ending access tokens, and the admin's password form."""

from unittest import mock

import pytest
from django.db import connection
from rest_framework.test import APIClient

from tests.concurrency import run_concurrently
from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]


def login(client, customer) -> dict:
    response = client.post("/api/v1/auth/login/", {"email": customer.email, "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["data"]


def refresh(client, token):
    return client.post("/api/v1/auth/refresh/", {"refresh_token": token}, format="json")


def me(access) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get("/api/v1/_test/me/").status_code


def test_presenting_a_rotated_refresh_token_ends_the_whole_session(api_client, customer):
    first = login(api_client, customer)
    other_session = login(api_client, customer)
    second = refresh(api_client, first["refresh_token"]).json()["data"]

    reused = refresh(api_client, first["refresh_token"])

    assert reused.status_code == 401 and reused.json()["error"]["code"] == "invalid_token"
    assert refresh(api_client, second["refresh_token"]).status_code == 401  # the thief's copy is dead too
    assert me(second["access_token"]) == 401
    assert me(first["access_token"]) == 401
    assert me(other_session["access_token"]) == 200  # another login of the same account goes on
    assert refresh(api_client, other_session["refresh_token"]).status_code == 200


def test_logout_ends_the_sessions_access_tokens_at_once(api_client, customer):
    mine = login(api_client, customer)
    other = login(api_client, customer)
    rotated = refresh(api_client, mine["refresh_token"]).json()["data"]

    response = api_client.post("/api/v1/auth/logout/", {"refresh_token": rotated["refresh_token"]}, format="json")

    assert response.status_code == 204
    assert me(rotated["access_token"]) == 401
    assert me(mine["access_token"]) == 401  # every access token of that login, not only the latest
    assert refresh(api_client, rotated["refresh_token"]).status_code == 401
    assert me(other["access_token"]) == 200


def test_logout_with_a_garbage_or_access_token_is_401(api_client, customer):
    pair = login(api_client, customer)

    for token in ("garbage", pair["access_token"]):
        response = api_client.post("/api/v1/auth/logout/", {"refresh_token": token}, format="json")
        assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_token"
    assert me(pair["access_token"]) == 200


def test_refresh_decodes_the_token_once(api_client, customer):
    from rest_framework_simplejwt.backends import TokenBackend

    token = login(api_client, customer)["refresh_token"]

    with mock.patch.object(TokenBackend, "decode", autospec=True, side_effect=TokenBackend.decode) as decode:
        assert refresh(api_client, token).status_code == 200

    assert decode.call_count == 1


def test_refresh_of_a_deactivated_account_is_refused(api_client, customer):
    token = login(api_client, customer)["refresh_token"]
    customer.is_active = False
    customer.save(update_fields=["is_active"])

    assert refresh(api_client, token).json()["error"]["code"] == "invalid_token"


def test_setting_a_password_in_the_django_admin_ends_every_session(client, api_client):
    customer = CustomerFactory()
    pair = login(api_client, customer)
    client.force_login(CustomerFactory(is_staff=True, is_superuser=True))

    response = client.post(f"/admin/customers/customer/{customer.pk}/password/",
                           {"password1": "an-admin-set-pass-71", "password2": "an-admin-set-pass-71",
                            "usable_password": "true"})

    assert response.status_code == 302, response.content
    assert me(pair["access_token"]) == 401
    assert refresh(api_client, pair["refresh_token"]).status_code == 401


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency")
@pytest.mark.django_db(transaction=True)
def test_concurrent_refreshes_of_one_token_rotate_it_once():
    customer = CustomerFactory()
    token = login(APIClient(), customer)["refresh_token"]

    results = run_concurrently(lambda: refresh(APIClient(), token).status_code, [()] * 8)

    assert sorted(results) == [200] + [401] * 7, results
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    assert OutstandingToken.objects.filter(user=customer).count() == 2  # the login's and one rotation's


def test_ended_session_rows_are_pruned_once_every_token_has_expired(api_client, customer):
    from datetime import timedelta

    from django.utils import timezone

    from moodmnky.models import EndedSession

    EndedSession.objects.create(sid="old", expires_at=timezone.now() - timedelta(seconds=1))
    pair = login(api_client, customer)

    api_client.post("/api/v1/auth/logout/", {"refresh_token": pair["refresh_token"]}, format="json")

    assert list(EndedSession.objects.values_list("sid", flat=True)) != ["old"]
    assert not EndedSession.objects.filter(sid="old").exists() and EndedSession.objects.count() == 1
