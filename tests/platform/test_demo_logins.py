"""seed_demo's logins: published ones only with DEBUG on; otherwise none, or random ones with a flag."""

import io
import re

import pytest
from django.core.management import call_command

from customers.demo import logins_seed
from customers.demo_accounts import DEMO_CUSTOMER, DEMO_ROLE_LOGINS, DEMO_STAFF
from customers.models import Customer

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


DEMO_EMAILS = [DEMO_STAFF[0], DEMO_CUSTOMER[0], *(email for email, _ in DEMO_ROLE_LOGINS.values())]


def usable_logins() -> list[str]:
    return [c.email for c in Customer.objects.filter(email__in=DEMO_EMAILS) if c.has_usable_password()]


def test_without_debug_no_demo_login_is_created(settings):
    settings.DEBUG = False

    output = seed()

    assert usable_logins() == []
    assert not Customer.objects.filter(is_superuser=True).exists()
    assert DEMO_STAFF[1] not in output and DEMO_CUSTOMER[1] not in output


def test_without_debug_the_flag_sets_random_passwords_printed_once(settings):
    settings.DEBUG = False

    output = seed("--demo-logins")

    staff_password = re.search(rf"{re.escape(DEMO_STAFF[0])} / (\S+)", output).group(1)
    staff = Customer.objects.get(email=DEMO_STAFF[0])
    assert staff_password != DEMO_STAFF[1] and len(staff_password) >= 16
    assert staff.check_password(staff_password) and staff.is_superuser
    again = seed("--demo-logins")
    assert staff_password not in again  # a new one each run; none is stored in the clear


def test_without_debug_a_published_password_left_from_development_is_disabled(settings):
    settings.DEBUG = True
    seed()
    settings.DEBUG = False

    seed("--if-empty")

    assert usable_logins() == []


def test_with_debug_the_published_demo_logins_work(settings, api_client):
    settings.DEBUG = True

    output = seed("--if-empty")

    assert f"{DEMO_STAFF[0]} / {DEMO_STAFF[1]}" in output
    response = api_client.post("/api/v1/auth/login/", {"email": DEMO_CUSTOMER[0], "password": DEMO_CUSTOMER[1]},
                               format="json")
    assert response.status_code == 200
    assert "already loaded" in seed("--if-empty")


def test_each_role_has_a_published_login_in_its_group_only():
    logins = logins_seed(mode="published")  # seed_demo's login provider alone (the demo data is slow)
    logins_seed(mode="published")  # again: the same accounts, one membership each

    for role, (email, password) in DEMO_ROLE_LOGINS.items():
        account = Customer.objects.get(email=email)
        assert (f"{role} login", email, password) in logins
        assert account.check_password(password) and account.is_staff and not account.is_superuser
        assert list(account.groups.values_list("name", flat=True)) == [role]
    assert len(usable_logins()) == len(DEMO_EMAILS) == 7


def test_seed_demo_reaches_apps_through_settings_only():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "moodmnky/management/commands/seed_demo.py").read_text()

    assert "import customers" not in source and "from customers" not in source
