from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from carts import demo
from carts.models import Cart, CartItem, DiscountCode, DiscountUsage
from tests.carts.factories import (
    CartFactory,
    CartItemFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
    ProductFactory,
)
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_browser(db):
    client = Client()
    client.force_login(CustomerFactory(is_staff=True, is_superuser=True))
    return client


def _days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_discount_admin_lists_usage_counts_and_filters_by_state(admin_browser):
    used = DiscountCodeFactory(code="USEDCODE")
    DiscountUsage.objects.create(discount=used, code=used.code, email="a@example.com")
    DiscountCodeFactory(code="EXPIREDCODE", ends_at=_days_ago(1))

    everything = admin_browser.get("/admin/carts/discountcode/")
    expired = admin_browser.get("/admin/carts/discountcode/?state=expired")

    assert everything.status_code == 200 and b"USEDCODE" in everything.content
    assert b"EXPIREDCODE" in expired.content and b"USEDCODE" not in expired.content


def test_discount_admin_refuses_a_case_insensitive_duplicate(admin_browser):
    DiscountCodeFactory(code="WELCOME10")

    response = admin_browser.post("/admin/carts/discountcode/add/", {
        "code": "welcome10", "type": "percentage", "value": "10", "minimum_subtotal": "0", "is_active": "on",
        "usages-TOTAL_FORMS": "0", "usages-INITIAL_FORMS": "0",
    })

    assert response.status_code == 200  # the form again, with the error
    assert b"already exists" in response.content
    assert DiscountCode.objects.count() == 1


def test_discount_admin_deactivate_action(admin_browser):
    discount = DiscountCodeFactory()

    admin_browser.post("/admin/carts/discountcode/", {"action": "deactivate", "_selected_action": [discount.pk]})

    discount.refresh_from_db()
    assert discount.is_active is False


def test_cart_admin_is_read_only_with_an_abandoned_filter(admin_browser):
    stale = CartItemFactory(cart=CartFactory(email="stale@example.com", last_activity_at=_days_ago(40))).cart
    CartFactory(email="fresh@example.com")

    abandoned = admin_browser.get("/admin/carts/cart/?abandoned=30")
    detail = admin_browser.get(f"/admin/carts/cart/{stale.pk}/change/")
    add = admin_browser.get("/admin/carts/cart/add/")

    assert b"stale@example.com" in abandoned.content and b"fresh@example.com" not in abandoned.content
    assert detail.status_code == 200 and b"Totals at today" in detail.content and b"subtotal 20.00" in detail.content
    assert add.status_code == 403


def test_expire_carts_deletes_old_guest_carts_in_batches(settings):
    old_guests = [CartFactory(last_activity_at=_days_ago(31)) for _ in range(5)]
    CartItemFactory(cart=old_guests[0])
    recent = CartFactory(last_activity_at=_days_ago(5))
    old_customer = CustomerCartFactory(last_activity_at=_days_ago(90))
    checked_out = CartFactory(last_activity_at=_days_ago(90), status=Cart.Status.CHECKED_OUT)
    out = StringIO()

    call_command("expire_carts", "--batch-size", "2", stdout=out)

    assert out.getvalue().strip() == "Deleted 5 abandoned guest cart(s) with no activity for 30 day(s)."
    assert set(Cart.objects.values_list("pk", flat=True)) == {recent.pk, old_customer.pk, checked_out.pk}
    assert not CartItem.objects.exists()


def test_expire_carts_dry_run_and_days(settings):
    CartFactory(last_activity_at=_days_ago(10))
    out = StringIO()

    call_command("expire_carts", "--days", "7", "--dry-run", stdout=out)

    assert out.getvalue().strip() == "Would delete 1 abandoned guest cart(s) with no activity for 7 day(s)."
    assert Cart.objects.count() == 1


def test_demo_seed_creates_the_two_codes_idempotently():
    first = demo.seed(stdout=StringIO())
    second = demo.seed(stdout=StringIO())

    codes = {code.code: code for code in DiscountCode.objects.all()}
    assert set(codes) == {"WELCOME10", "FREESHIP"}
    assert (codes["WELCOME10"].type, codes["WELCOME10"].value) == ("percentage", 10)
    assert codes["FREESHIP"].type == "free_shipping"
    assert "2 new" in first and "0 new" in second


def _discount_form(**fields):
    return {"code": "SUMMER", "type": "percentage", "value": "10", "minimum_subtotal": "0", "is_active": "on",
            "usages-TOTAL_FORMS": "0", "usages-INITIAL_FORMS": "0", **fields}


def test_discount_admin_creates_and_edits_through_the_services(admin_browser):
    product = ProductFactory()

    added = admin_browser.post("/admin/carts/discountcode/add/", _discount_form(
        code=" Summer ", type="free_shipping", value="5", products=[product.pk]))
    discount = DiscountCode.objects.get()
    changed = admin_browser.post(f"/admin/carts/discountcode/{discount.pk}/change/", _discount_form(
        code="SUMMER", type="fixed_amount", value="7.50", products=[]))

    assert (added.status_code, changed.status_code) == (302, 302)
    discount.refresh_from_db()
    assert (discount.code, discount.type, discount.value) == ("SUMMER", "fixed_amount", Decimal("7.50"))
    assert not discount.products.exists()


def test_discount_admin_refuses_a_percentage_above_100_and_changes_nothing(admin_browser):
    discount = DiscountCodeFactory(code="TEN", value=Decimal("10"))

    response = admin_browser.post(f"/admin/carts/discountcode/{discount.pk}/change/",
                                  _discount_form(code="TEN", value="150"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["value"] == ["A percentage can be at most 100."]
    discount.refresh_from_db()
    assert discount.value == Decimal("10")
