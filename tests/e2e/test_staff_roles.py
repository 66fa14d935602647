"""Each staff role signs in through the login form and sees only its part of the back office."""

import pytest
from django.utils.text import slugify

from moodmnky.roles import BLEND_FORMULATORS, CATALOG_MANAGERS, CUSTOMER_SERVICE, DEVELOPERS, FULFILMENT
from tests.customers.factories import PASSWORD
from tests.e2e.conftest import log_in, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CATALOG = ["/admin/catalog/category/", "/admin/catalog/collection/", "/admin/catalog/product/",
           "/admin/catalog/stockmovement/", "/admin/catalog/variant/"]
# Role -> (the lists on its admin index, pages it is refused with a 403).
ROLE_PAGES = {
    CATALOG_MANAGERS: ([*CATALOG, "/admin/carts/discountcode/"],
                       ["/admin/orders/order/", "/admin/customers/customer/"]),
    FULFILMENT: (["/admin/blends/blend/", "/admin/catalog/product/", "/admin/catalog/stockmovement/",
                  "/admin/catalog/variant/", "/admin/orders/order/", "/admin/orders/orderemail/"],
                 ["/admin/customers/customer/", "/admin/catalog/product/add/"]),
    CUSTOMER_SERVICE: (["/admin/carts/cart/", "/admin/carts/discountcode/", "/admin/customers/customer/",
                        "/admin/customers/customerauditentry/", "/admin/customers/loyaltytransaction/",
                        "/admin/orders/order/", "/admin/orders/orderemail/"],
                       ["/admin/catalog/variant/", "/admin/carts/discountcode/add/"]),
    BLEND_FORMULATORS: (["/admin/blends/blend/", "/admin/blends/fragrancecategory/", "/admin/blends/note/",
                         "/admin/blends/notestockmovement/", "/admin/blends/productbase/"],
                        ["/admin/orders/order/", "/admin/blends/scentprofile/"]),
    DEVELOPERS: ([*CATALOG, "/admin/django_tasks_database/dbtaskresult/", "/admin/moodmnky/apikey/",
                  "/admin/webhooks/webhookdelivery/", "/admin/webhooks/webhooksubscription/"],
                 ["/admin/customers/customer/", "/admin/catalog/product/add/"]),
}


def test_each_role_signs_in_and_sees_only_its_part_of_the_back_office(page, make_member, shot):
    # One browser test for the five roles, signing in and out in turn: a test per role would cost five
    # database flushes for the same pages.
    for role, (lists, refused) in ROLE_PAGES.items():
        user = make_member(role)
        log_in(page, user.email, PASSWORD)
        shot(f"{slugify(role)}-index")

        shown = page.locator("#content-main th[scope=row] a").evaluate_all("links => links.map(l => l.pathname)")
        assert sorted(shown) == sorted(lists), role
        # Only the owner (a superuser) manages staff roles: the groups are refused to every role.
        for path in [*refused, "/admin/auth/group/"]:
            response = page.goto(path)
            assert response.status == 403, (role, path)
        shot(f"{slugify(role)}-refused")
        page.goto("/admin/")
        submit(page, "#logout-form button")
