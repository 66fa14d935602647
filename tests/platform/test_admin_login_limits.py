"""The Django admin's login form is limited per client IP and per account (django-ratelimit)."""

import pytest
from django.test import Client

from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


def attempt(email, password="wrong-password", ip="203.0.113.5"):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"username": email, "password": password})


def test_admin_logins_are_limited_per_account_from_any_address(settings):
    settings.ADMIN_LOGIN_LIMITS = {"ip": "100/15m", "account": "2/15m"}
    staff = CustomerFactory(is_staff=True, is_superuser=True)

    guesses = [attempt(staff.email, ip=f"198.51.100.{n}").status_code for n in range(2)]
    locked = attempt(staff.email, PASSWORD, ip="198.51.100.99")

    assert guesses == [200, 200]  # the form again, with its error
    assert locked.status_code == 429
    assert attempt("someone-else@example.com", ip="198.51.100.98").status_code == 200


def test_admin_logins_are_limited_per_address(settings):
    settings.ADMIN_LOGIN_LIMITS = {"ip": "3/15m", "account": "100/15m"}

    statuses = [attempt(f"user{n}@example.com").status_code for n in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert attempt("user9@example.com", ip="203.0.113.6").status_code == 200


def test_the_login_page_itself_is_not_counted(settings):
    settings.ADMIN_LOGIN_LIMITS = {"ip": "1/15m", "account": "1/15m"}
    client = Client()

    assert [client.get(LOGIN).status_code for _ in range(3)] == [200, 200, 200]
