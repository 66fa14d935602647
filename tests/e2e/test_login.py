"""The way into the back office: the login form, and who it lets in."""

import pytest

from tests.customers.factories import PASSWORD, CustomerFactory
from tests.e2e.conftest import log_in, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_log_in_with_email_and_password_and_log_out(page, staff):
    log_in(page)
    assert "Run the shop" in page.inner_text("#content h1")
    assert page.locator("#content-main a:text-is('API keys')").count() == 1
    submit(page, "#logout-form button")
    page.goto("/admin/")
    assert "/admin/login/" in page.url


def test_a_customer_account_cannot_enter_the_back_office(page, staff):
    customer = CustomerFactory(email="shopper@example.com")
    page.goto("/admin/login/")
    page.fill("#id_username", customer.email)
    page.fill("#id_password", PASSWORD)
    submit(page, "input[type=submit]")
    assert "/admin/login/" in page.url
    assert "staff account" in page.inner_text(".errornote")
    page.goto("/admin/customers/customer/")
    assert "/admin/login/" in page.url
