"""seed_demo's logins: published ones only with DEBUG on; otherwise none, or random ones with a flag."""

import io
import re

import pytest
from django.core.management import call_command

from customers.demo_accounts import DEMO_CUSTOMER, DEMO_STAFF
from customers.models import Customer

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def usable_logins() -> list[str]:
    return [c.email for c in Customer.objects.filter(email__in=[DEMO_STAFF[0], DEMO_CUSTOMER[0]])
            if c.has_usable_password()]


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


def test_seed_demo_reaches_apps_through_settings_only():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "moodmnky/management/commands/seed_demo.py").read_text()

    assert "import customers" not in source and "from customers" not in source
