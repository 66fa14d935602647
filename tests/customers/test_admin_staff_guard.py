"""In the Django admin too, staff accounts are the superuser's: no one else edits them or grants access."""

import pytest
from django.contrib.auth.models import Permission

from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client):
    """A staff member allowed to view and change customers, not a superuser."""
    manager = CustomerFactory(is_staff=True)
    manager.user_permissions.add(*Permission.objects.filter(content_type__app_label="customers",
                                                            codename__in=["view_customer", "change_customer"]))
    client.force_login(manager)
    client.manager = manager
    return client


def test_a_non_superuser_cannot_change_a_staff_account_in_the_admin(manager_client):
    boss = CustomerFactory(is_staff=True, is_superuser=True, first_name="Boss")

    page = manager_client.get(f"/admin/customers/customer/{boss.pk}/change/")
    post = manager_client.post(f"/admin/customers/customer/{boss.pk}/change/",
                               {"email": boss.email, "first_name": "Pwned", "is_active": ""})

    assert page.status_code == 200 and b'name="first_name"' not in page.content  # shown read-only
    assert post.status_code == 403
    boss.refresh_from_db()
    assert boss.first_name == "Boss" and boss.is_active


def test_a_non_superuser_cannot_grant_staff_or_superuser_rights(manager_client):
    page = manager_client.get(f"/admin/customers/customer/{manager_client.manager.pk}/change/")
    shopper = CustomerFactory()
    shopper_page = manager_client.get(f"/admin/customers/customer/{shopper.pk}/change/")

    for response in (page, shopper_page):
        assert response.status_code == 200
        for field in ("is_superuser", "is_staff", "user_permissions", "groups"):
            assert f'name="{field}"'.encode() not in response.content
    assert b'name="first_name"' in shopper_page.content  # customers stay editable
