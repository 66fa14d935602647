"""Staff Bearer tokens carry the scopes their Django model permissions imply; staff accounts are the superuser's."""

import pytest
from django.contrib.auth.models import Group, Permission

from customers.models import Customer
from moodmnky.api.scopes import SCOPE_MODELS, scopes_for_user
from moodmnky.models import SCOPES
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def perms(*codenames: str) -> list[Permission]:
    """Permission rows from "app_label.codename" strings."""
    rows = []
    for name in codenames:
        app_label, codename = name.split(".")
        rows.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return rows


def test_the_scope_table_covers_every_scope_with_model_labels():
    assert set(SCOPE_MODELS) == {scope.split(":")[0] for scope in SCOPES}
    assert "orders.order" in SCOPE_MODELS["orders"] and "webhooks.webhooksubscription" in SCOPE_MODELS["webhooks"]
    assert all(label.count(".") == 1 and label == label.lower() for labels in SCOPE_MODELS.values()
               for label in labels)


def test_a_staff_user_without_permissions_has_no_scope():
    assert scopes_for_user(CustomerFactory(is_staff=True)) == frozenset()


def test_view_gives_read_and_change_gives_write_which_includes_read():
    viewer = CustomerFactory(is_staff=True)
    viewer.user_permissions.add(*perms("catalog.view_product"))
    editor = CustomerFactory(is_staff=True)
    editor.user_permissions.add(*perms("carts.change_discountcode"))

    assert scopes_for_user(Customer.objects.get(pk=viewer.pk)) == {"products:read"}
    assert scopes_for_user(Customer.objects.get(pk=editor.pk)) == {"discounts:read", "discounts:write"}


def test_group_permissions_count_and_superusers_hold_every_scope():
    group = Group.objects.create(name="stock keepers")
    group.permissions.add(*perms("catalog.add_stockmovement"))
    keeper = CustomerFactory(is_staff=True)
    keeper.groups.add(group)

    assert scopes_for_user(Customer.objects.get(pk=keeper.pk)) == {"inventory:read", "inventory:write"}
    assert scopes_for_user(CustomerFactory(is_staff=True, is_superuser=True)) == frozenset(SCOPES)


def test_customers_and_inactive_staff_hold_nothing():
    customer = CustomerFactory()
    customer.user_permissions.add(*perms("catalog.change_product"))
    gone = CustomerFactory(is_staff=True, is_superuser=True, is_active=False)

    assert scopes_for_user(Customer.objects.get(pk=customer.pk)) == frozenset()
    assert scopes_for_user(gone) == frozenset()


def test_staff_token_without_the_scope_is_403_insufficient_scope(make_staff_client):
    client = make_staff_client()  # is_staff, no permission at all

    discount = client.post("/api/v1/discounts/", {"code": "ALL100", "type": "percentage", "value": "100"})
    stock = client.post("/api/v1/inventory/adjustments/", {"variant_id": 1, "delta": 5, "reason": "receive"})
    listing = client.get("/api/v1/customers/")

    for response in (discount, stock, listing):
        assert response.status_code == 403, response.content
        assert response.json()["error"]["code"] == "insufficient_scope"


def test_staff_token_with_the_permission_passes(make_staff_client):
    reader = make_staff_client("customers.view_customer")
    writer = make_staff_client("carts.add_discountcode")

    assert reader.get("/api/v1/customers/").status_code == 200
    assert reader.patch(f"/api/v1/customers/{reader.customer.pk}/", {"first_name": "X"}).json()["error"]["code"] \
        == "insufficient_scope"
    created = writer.post("/api/v1/discounts/", {"code": "TEN", "type": "percentage", "value": "10"})
    assert created.status_code == 201, created.content


def test_staff_without_products_read_gets_the_public_product_view(make_staff_client):
    from tests.catalog.factories import ProductFactory

    ProductFactory(name="Draft", status="draft")

    assert make_staff_client().get("/api/v1/products/?status=draft").json()["data"] == []
    assert len(make_staff_client("catalog.view_product").get("/api/v1/products/?status=draft").json()["data"]) == 1


@pytest.mark.parametrize("target", [{"is_staff": True}, {"is_staff": True, "is_superuser": True}])
def test_only_a_superuser_changes_or_deactivates_staff_accounts(make_staff_client, make_admin_client, target):
    account = CustomerFactory(first_name="Keep", **target)
    manager = make_staff_client("customers.change_customer")
    key = make_admin_client("customers:write")

    by_staff = manager.patch(f"/api/v1/customers/{account.pk}/", {"is_active": False})
    by_key = key.patch(f"/api/v1/customers/{account.pk}/", {"first_name": "Changed"})

    for response in (by_staff, by_key):
        assert response.status_code == 403, response.content
        assert response.json()["error"]["code"] == "permission_denied"
    account.refresh_from_db()
    assert account.is_active and account.first_name == "Keep"
    boss = make_staff_client(superuser=True)
    assert boss.patch(f"/api/v1/customers/{account.pk}/", {"is_active": False}).status_code == 200
    account.refresh_from_db()
    assert not account.is_active


def test_staff_with_change_customer_still_manages_customers(make_staff_client, make_admin_client):
    shopper = CustomerFactory()

    staff = make_staff_client("customers.change_customer").patch(f"/api/v1/customers/{shopper.pk}/",
                                                                 {"first_name": "Ann"})
    key = make_admin_client("customers:write").patch(f"/api/v1/customers/{shopper.pk}/", {"last_name": "Lee"})

    assert staff.status_code == key.status_code == 200
    shopper.refresh_from_db()
    assert (shopper.first_name, shopper.last_name) == ("Ann", "Lee")
