from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from moodmnky.models import ApiKey, hash_key
from moodmnky.services import api_key_create, api_key_revoke

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]


def client_with(raw_key):
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=raw_key)
    return client


def test_key_is_stored_only_as_hash_with_prefix():
    api_key, raw_key = api_key_create(name="erp", scopes=["orders:read"])

    stored = ApiKey.objects.get(pk=api_key.pk)
    assert stored.hashed_key == hash_key(raw_key)
    assert raw_key not in {stored.hashed_key, stored.prefix, stored.name}
    assert raw_key.startswith(f"mnky_{stored.prefix}_")
    assert len(raw_key) > 40


def test_valid_key_authenticates_and_records_last_use():
    api_key, raw_key = api_key_create(name="erp", scopes=["orders:read"])

    response = client_with(raw_key).get("/api/v1/_test/admin/")

    assert response.status_code == 200
    assert ApiKey.objects.get(pk=api_key.pk).last_used_at is not None


def test_revoked_key_is_invalid_token():
    api_key, raw_key = api_key_create(name="erp", scopes=["orders:read"])
    api_key_revoke(api_key=api_key)

    response = client_with(raw_key).get("/api/v1/_test/admin/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_expired_key_is_invalid_token():
    _, raw_key = api_key_create(name="erp", scopes=["orders:read"], expires_at=timezone.now() - timedelta(seconds=1))

    response = client_with(raw_key).get("/api/v1/_test/admin/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize("raw_key", ["nonsense", "mnky_deadbeef_wrongsecret", "mnky_"])
def test_unknown_or_tampered_key_is_invalid_token(raw_key):
    _, real = api_key_create(name="erp", scopes=["orders:read"])
    if raw_key == "mnky_deadbeef_wrongsecret":
        raw_key = real[:-4] + "AAAA"

    response = client_with(raw_key).get("/api/v1/_test/admin/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_unknown_scope_is_refused():
    from moodmnky.errors import ValidationFailedError

    with pytest.raises(ValidationFailedError):
        api_key_create(name="bad", scopes=["orders:delete"])


def test_create_api_key_command_prints_key_alone_on_last_line(capsys):
    call_command("create_api_key", "--name", "ops", "--scopes", "orders:read,products:write")

    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    api_key = ApiKey.objects.get(name="ops")
    assert last_line.startswith("mnky_") and " " not in last_line
    assert api_key.hashed_key == hash_key(last_line)
    assert api_key.scopes == ["products:write", "orders:read"]
    assert client_with(last_line).get("/api/v1/_test/admin/").status_code == 200


def test_admin_shows_new_key_once_and_stores_only_its_hash(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="boss@example.com", password="pw-for-admin-1")
    client.force_login(staff)

    response = client.post("/admin/moodmnky/apikey/add/", {"name": "warehouse", "scopes": ["inventory:write"]},
                           follow=True)

    assert response.status_code == 200
    api_key = ApiKey.objects.get(name="warehouse")
    page = response.content.decode()
    shown = page.split("id='new-api-key'>")[1].split("<")[0]
    assert hash_key(shown) == api_key.hashed_key
    assert api_key.scopes == ["inventory:write"] and api_key.created_by == staff
    listing = client.get("/admin/moodmnky/apikey/").content.decode()
    assert api_key.prefix in listing and shown not in listing
    detail = client.get(f"/admin/moodmnky/apikey/{api_key.pk}/change/").content.decode()
    assert shown not in detail


def test_admin_revoke_action_revokes(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="boss@example.com", password="pw-for-admin-1")
    client.force_login(staff)
    api_key, raw_key = api_key_create(name="old", scopes=["orders:read"])

    client.post("/admin/moodmnky/apikey/", {"action": "revoke", "_selected_action": [api_key.pk]})

    assert ApiKey.objects.get(pk=api_key.pk).revoked_at is not None
    assert client_with(raw_key).get("/api/v1/_test/admin/").status_code == 401


def test_admin_offers_no_delete_and_says_how_many_were_revoked(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="boss@example.com", password="pw-for-admin-1")
    client.force_login(staff)
    first, _ = api_key_create(name="a", scopes=["orders:read"])
    second, _ = api_key_create(name="b", scopes=["orders:read"])

    listing = client.get("/admin/moodmnky/apikey/").content.decode()
    response = client.post("/admin/moodmnky/apikey/", {"action": "revoke", "_selected_action": [first.pk, second.pk]},
                           follow=True)

    assert "delete_selected" not in listing
    assert "Revoked 2 key(s)" in response.content.decode()
    assert client.get(f"/admin/moodmnky/apikey/{first.pk}/delete/").status_code == 403
