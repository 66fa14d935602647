"""The developer dashboard: a developer creates an API key with scopes they hold, sees it once, uses it, revokes it."""

import json

import pytest

from moodmnky.models import ApiKey, hash_key
from moodmnky.roles import DEVELOPERS
from tests.catalog.factories import VariantFactory
from tests.e2e.conftest import api_call, messages, result_rows, run_action, signed_in, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_developer_creates_a_key_sees_it_once_uses_it_and_revokes_it(page, live_server, make_member, shot):
    developer = make_member(DEVELOPERS)
    page = signed_in(page, live_server, developer)
    VariantFactory(sku="E2E-INV-1", quantity=7)

    page.goto("/admin/moodmnky/apikey/add/")
    assert page.locator("input[name=prefix]").count() == 0  # the prefix is generated, not typed
    # A key never carries more than its creator may do: only the developer's own scopes are offered.
    offered = page.locator("input[name=scopes]").evaluate_all("boxes => boxes.map(box => box.value)")
    assert offered == ["products:read", "inventory:read", "webhooks:manage"]
    page.fill("#id_name", "Warehouse sync")
    page.check("input[name=scopes][value='inventory:read']")
    page.check("input[name=scopes][value='products:read']")
    shot("new-key-form")
    submit(page, "input[name=_save]")
    shot("key-shown-once")

    # The full key is on the page once, in the warning banner.
    raw_key = page.inner_text("#new-api-key").strip()
    api_key = ApiKey.objects.get(name="Warehouse sync")
    assert raw_key.startswith(f"mnky_{api_key.prefix}_")
    assert api_key.hashed_key == hash_key(raw_key) and raw_key not in api_key.hashed_key
    assert api_key.scopes == ["products:read", "inventory:read"]
    assert api_key.created_by == developer
    assert api_key.revoked_at is None

    # Reloaded, the change list shows the prefix and the state, never the key again.
    page.goto("/admin/moodmnky/apikey/")
    assert page.locator("#new-api-key").count() == 0
    [row] = result_rows(page)
    assert api_key.prefix in row and "products:read, inventory:read" in row and "active" in row
    assert raw_key not in page.content()
    submit(page, "#result_list a:text-is('Warehouse sync')")
    assert page.input_value("#id_name") == "Warehouse sync"
    assert api_key.prefix in page.inner_text(".field-prefix")
    assert raw_key not in page.content() and api_key.hashed_key not in page.content()

    # The key works against the API, within its scopes.
    status, body = api_call(live_server.url, "/api/v1/inventory/", api_key=raw_key)
    assert status == 200, body
    assert [row["sku"] for row in json.loads(body)["data"]] == ["E2E-INV-1"]
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None
    status, body = api_call(live_server.url, "/api/v1/inventory/adjustments/", api_key=raw_key, method="POST")
    assert status == 403, body  # inventory:write was not granted

    # Revoke it from the change list.
    page.goto("/admin/moodmnky/apikey/")
    run_action(page, "revoke", api_key.pk)
    assert "Revoked 1 key(s)" in " ".join(messages(page))
    shot("revoked")
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    [row] = result_rows(page)
    assert "revoked" in row

    status, body = api_call(live_server.url, "/api/v1/inventory/", api_key=raw_key)
    assert status == 401, body
    assert "data" not in json.loads(body)
