"""Staff roles: the groups the migration creates, the API scopes their members' tokens get, what the admin lets
them do (docs/admin.md "Staff roles")."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from catalog.models import StockMovement
from moodmnky.api.scopes import scopes_for_user
from moodmnky.models import ApiKey
from moodmnky.roles import (
    BLEND_FORMULATORS,
    CATALOG_MANAGERS,
    CUSTOMER_SERVICE,
    DEVELOPERS,
    FULFILMENT,
    ROLES,
    roles_sync,
)
from tests.blends.factories import BlendFactory
from tests.catalog.factories import VariantFactory
from tests.orders.factories import OrderFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("moodmnky.migrations.0005_staff_roles")


def role_permissions() -> dict[str, set[str]]:
    return {group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
            for group in Group.objects.filter(name__in=ROLES).prefetch_related("permissions__content_type")}


def test_the_migration_creates_the_permissions_and_groups_on_a_fresh_database_and_is_idempotent():
    state = MigrationLoader(connection).project_state(("moodmnky", "0005_staff_roles")).apps
    editor = SimpleNamespace(connection=connection)
    MIGRATION.delete_roles(state, editor)  # the migration's reverse
    assert not Group.objects.filter(name__in=ROLES).exists()
    Permission.objects.all().delete()  # as on a fresh database: post_migrate has not created them yet

    MIGRATION.roles_migrate(state, editor)
    MIGRATION.roles_migrate(state, editor)  # run twice (a later migration, seed_demo): nothing doubles
    roles_sync()

    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES) == 5
    assert role_permissions() == {name: set(perms) for name, perms in ROLES.items()}


def test_every_permission_of_every_role_exists():
    assert roles_sync() == {name: [] for name in ROLES}  # a typo in a codename would be listed here


def test_sync_keeps_a_permission_the_owner_added():
    roles_sync()
    extra = Permission.objects.get(content_type__app_label="carts", codename="view_cart")
    Group.objects.get(name=FULFILMENT).permissions.add(extra)

    roles_sync()

    assert "carts.view_cart" in role_permissions()[FULFILMENT]


SCOPES_OF_ROLE = {
    CATALOG_MANAGERS: {"products:read", "products:write", "inventory:read", "inventory:write", "discounts:read",
                       "discounts:write"},
    FULFILMENT: {"orders:read", "orders:write", "products:read", "inventory:read", "blends:read"},
    CUSTOMER_SERVICE: {"orders:read", "orders:write", "customers:read", "customers:write", "discounts:read"},
    BLEND_FORMULATORS: {"blends:read", "blends:write"},
    DEVELOPERS: {"webhooks:manage", "products:read", "inventory:read"},
}


@pytest.mark.parametrize("role", list(ROLES))
def test_a_members_token_carries_exactly_the_scopes_of_the_role(role, make_member):
    assert scopes_for_user(make_member(role)) == SCOPES_OF_ROLE[role]


def _allowed_and_refused(role: str) -> tuple[tuple, tuple]:
    """(method, path, body) the role's token may call, and one it may not."""
    variant = VariantFactory(quantity=1)
    order = OrderFactory()
    adjust = ("post", "/api/v1/inventory/adjustments/", {"variant_id": variant.pk, "delta": 2, "reason": "receive"})
    return {
        CATALOG_MANAGERS: (adjust, ("get", "/api/v1/orders/", None)),
        FULFILMENT: (("get", f"/api/v1/orders/{order.pk}/", None), ("get", "/api/v1/customers/", None)),
        CUSTOMER_SERVICE: (("get", "/api/v1/customers/", None), adjust),
        BLEND_FORMULATORS: (("get", f"/api/v1/custom-blends/{BlendFactory().pk}/", None),
                            ("get", f"/api/v1/orders/{order.pk}/", None)),
        DEVELOPERS: (("get", "/api/v1/webhooks/", None), ("patch", f"/api/v1/variants/{variant.pk}/",
                                                           {"price": "1.00"})),
    }[role]


@pytest.mark.parametrize("role", list(ROLES))
def test_a_members_token_is_allowed_its_work_and_refused_the_rest(role, make_customer_client, make_member):
    client = make_customer_client(make_member(role))
    (method, path, body), (refused_method, refused_path, refused_body) = _allowed_and_refused(role)

    allowed = getattr(client, method)(path, body)
    refused = getattr(client, refused_method)(refused_path, refused_body)

    assert allowed.status_code in (200, 201), allowed.content
    assert refused.status_code == 403, refused.content
    assert refused.json()["error"]["code"] == "insufficient_scope"


def _admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_developer_grants_an_api_key_only_the_scopes_they_hold(make_member):
    developer = make_member(DEVELOPERS)
    client = _admin_client(developer)

    form = client.get("/admin/moodmnky/apikey/add/")
    forged = client.post("/admin/moodmnky/apikey/add/", {"name": "Escalate", "scopes": ["customers:write"]})
    granted = client.post("/admin/moodmnky/apikey/add/", {"name": "Feed", "scopes": ["products:read"]})

    offered = {choice[0] for choice in form.context["adminform"].form.fields["scopes"].choices}
    assert offered == SCOPES_OF_ROLE[DEVELOPERS]
    assert forged.status_code == 200 and "customers:write is not one of the available choices" in forged.text
    assert granted.status_code == 302
    assert list(ApiKey.objects.values_list("name", "scopes")) == [("Feed", ["products:read"])]


def test_a_wider_key_made_by_the_owner_is_revocable_not_editable_by_a_developer(make_admin_client, make_member):
    make_admin_client("orders:write")
    key = ApiKey.objects.get()
    client = _admin_client(make_member(DEVELOPERS))

    page = client.get(f"/admin/moodmnky/apikey/{key.pk}/change/")
    edit = client.post(f"/admin/moodmnky/apikey/{key.pk}/change/", {"name": "Renamed", "scopes": ["products:read"]})
    revoke = client.post("/admin/moodmnky/apikey/", {"action": "revoke", "_selected_action": [key.pk]})

    assert page.status_code == 200 and page.context["title"] == "View API key"
    assert edit.status_code == 403
    assert revoke.status_code == 302
    key.refresh_from_db()
    assert (key.name, key.scopes) == ("test key", ["orders:write"]) and key.revoked_at is not None


def test_staff_who_may_only_view_variants_cannot_adjust_stock_even_with_a_forged_post(make_member):
    variant = VariantFactory(quantity=3)
    client = _admin_client(make_member(FULFILMENT))

    listing = client.get("/admin/catalog/variant/")
    forged = client.post("/admin/catalog/variant/", {"action": "adjust_stock", "_selected_action": [variant.pk],
                                                     "apply": "1", "delta": "5", "reason": "receive"})

    assert listing.status_code == 200 and "adjust_stock" not in listing.text
    assert forged.status_code in (200, 302)
    assert not StockMovement.objects.exists()
    variant.refresh_from_db()
    assert variant.quantity == 3
