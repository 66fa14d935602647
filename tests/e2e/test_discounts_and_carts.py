"""Discount codes (created and filtered by state) and carts (read-only, for support)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from carts.models import Cart, DiscountCode
from tests.carts.factories import CartItemFactory, CustomerCartFactory, DiscountCodeFactory, VariantFactory
from tests.e2e.conftest import messages, result_rows, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def codes_in(page) -> list[str]:
    return sorted(row.split("\t")[1] for row in result_rows(page))  # [0] is the action checkbox


def test_staff_creates_a_code_and_the_state_filter_buckets_it(admin_page):
    page = admin_page
    now = timezone.now()
    DiscountCodeFactory(code="WINTER10", starts_at=now - timedelta(days=60), ends_at=now - timedelta(days=1))
    DiscountCodeFactory(code="LATER5", starts_at=now + timedelta(days=10))

    page.goto("/admin/carts/discountcode/add/")
    page.fill("#id_code", "SPRING15")
    page.fill("#id_description", "Spring launch")
    page.select_option("#id_type", "percentage")
    page.fill("#id_value", "150")
    ends = (now + timedelta(days=30)).date().isoformat()
    page.fill("#id_ends_at_0", ends)
    page.fill("#id_ends_at_1", "12:00:00")
    submit(page, "input[name=_save]")

    # The same rules as the API: over 100 % is refused next to the field, and nothing is saved.
    assert "A percentage can be at most 100." in page.inner_text(".field-value .errorlist")
    assert not DiscountCode.objects.filter(code="SPRING15").exists()
    page.fill("#id_value", "15")
    submit(page, "input[name=_save]")

    assert any("was added successfully" in message for message in messages(page)), messages(page)
    code = DiscountCode.objects.get(code="SPRING15")
    assert (code.type, code.value, code.is_active, code.description) == (
        "percentage", Decimal("15.00"), True, "Spring launch")
    assert code.ends_at.isoformat().startswith(f"{ends}T12:00:00") and code.starts_at is None
    assert code.state() == "active"

    rows = {row.split("\t")[1]: row for row in result_rows(page)}
    assert sorted(rows) == ["LATER5", "SPRING15", "WINTER10"]
    assert "\tactive\t" in rows["SPRING15"] and "\texpired\t" in rows["WINTER10"]
    assert "\tscheduled\t" in rows["LATER5"]

    submit(page, "#changelist-filter a[href*='state=active']")
    assert codes_in(page) == ["SPRING15"]
    submit(page, "#changelist-filter a[href*='state=expired']")
    assert codes_in(page) == ["WINTER10"]
    submit(page, "#changelist-filter a[href*='state=scheduled']")
    assert codes_in(page) == ["LATER5"]

    # "Deactivate selected codes" moves it to the deactivated bucket.
    page.goto("/admin/carts/discountcode/?state=active")
    page.check(f"input.action-select[value='{code.pk}']")
    page.select_option("select[name=action]", "deactivate")
    submit(page, "button[name=index]")
    assert "Deactivated 1 code(s)." in messages(page)
    code.refresh_from_db()
    assert code.is_active is False
    page.goto("/admin/carts/discountcode/?state=inactive")
    assert codes_in(page) == ["SPRING15"]


def test_a_cart_is_shown_read_only(admin_page):
    page = admin_page
    cart = CustomerCartFactory(customer__email="shopper@example.com")
    CartItemFactory(cart=cart, variant=VariantFactory(sku="FIG-8OZ", price=Decimal("20.00")), quantity=2)
    before = Cart.objects.values().get(pk=cart.pk)

    CustomerCartFactory(customer__email="someone.else@example.com")
    page.goto("/admin/carts/cart/")
    assert len(result_rows(page)) == 2
    page.fill("#searchbar", "shopper@example.com")  # support looks a cart up by email (or id)
    submit(page, "#changelist-search input[type=submit]")
    [row] = result_rows(page)
    assert str(cart.pk) in row and "shopper@example.com" in row and "open" in row.lower()
    assert page.locator("#content-main .object-tools a.addlink").count() == 0  # no "Add cart"
    assert page.locator("select[name=action]").count() == 0  # no bulk delete either
    submit(page, f"#result_list a:text-is('{cart.pk}')")

    assert page.inner_text("h1") == "View cart"
    assert page.locator("#content-main form input[type=text], #content-main form select, "
                        "#content-main form textarea").count() == 0
    assert page.locator("input[name=_save], input[name=_continue]").count() == 0
    assert page.locator(".deletelink").count() == 0
    totals = page.inner_text(".field-totals .readonly")
    assert totals.startswith("subtotal 40.00 ") and totals.endswith(f" {settings.STORE_CURRENCY}")
    items = page.inner_text("#items-group")
    assert "FIG-8OZ" in items and "2" in items

    # Posting a change anyway (with a valid CSRF token, as a forged form would) is refused by the server.
    [csrf] = [cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken"]
    response = page.request.post(f"/admin/carts/cart/{cart.pk}/change/",
                                 form={"csrfmiddlewaretoken": csrf, "status": "checked_out", "_save": "Save"},
                                 headers={"Referer": page.url})
    assert response.status == 403
    assert Cart.objects.values().get(pk=cart.pk) == before
