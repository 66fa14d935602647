"""Every page linked from the admin index opens, with data in it, and so does the first object of each."""

from decimal import Decimal

import pytest

from blends.models import ScentProfile
from blends.services import note_stock_adjust
from carts.models import DiscountUsage
from catalog import services as catalog_services
from customers import services as customer_services
from moodmnky.actors import Actor
from moodmnky.roles import roles_sync
from moodmnky.services import api_key_create
from moodmnky.tokens import tokens_for
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory
from tests.carts.factories import CartDiscountFactory, CartItemFactory, CustomerCartFactory
from tests.catalog.factories import CollectionFactory, ProductMediaFactory, VariantFactory
from tests.customers.factories import AddressFactory, CustomerFactory
from tests.orders.factories import OrderLineFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_every_admin_page_opens(admin_page, staff):
    page = admin_page
    customer = CustomerFactory()
    AddressFactory(customer=customer)
    customer_services.loyalty_adjust(customer=customer, points=10, description="Goodwill", actor=Actor(user=staff))
    customer_services.audit_record(customer=customer, action="profile_updated", actor=Actor(user=staff),
                                   changes={"phone": ["", "+15555550100"]})
    tokens_for(customer)  # an outstanding refresh token
    variant = VariantFactory()
    ProductMediaFactory(product=variant.product)
    CollectionFactory().products.add(variant.product)
    catalog_services.stock_adjust(actor=Actor(user=staff), variant_id=variant.pk, delta=3, reason="receive")
    api_key_create(name="ERP", scopes=["orders:read"], created_by=staff)
    cart = CustomerCartFactory(customer=customer)
    CartItemFactory(cart=cart, variant=variant)
    discount = CartDiscountFactory(cart=cart).discount
    DiscountUsage.objects.create(discount=discount, customer=customer, email=customer.email, order_reference="MM-1")
    note = NoteFactory(limits={"12": "2.5"})
    note_stock_adjust(note_id=note.pk, delta=Decimal("100"), actor=Actor(user=staff))
    ProductBaseFactory()
    BlendFactory(customer=customer, parts=[(note, "100")])
    ScentProfile.objects.create(customer=customer)
    OrderLineFactory(order__customer=customer, variant=variant)
    roles_sync()  # the staff role groups (a migration made them; an earlier browser test's flush removed them)

    page.goto("/admin/")
    lists = page.locator("#content-main th[scope=row] a").evaluate_all("links => links.map(link => link.pathname)")
    assert {"/admin/catalog/product/", "/admin/customers/customer/", "/admin/moodmnky/apikey/",
            "/admin/carts/cart/", "/admin/carts/discountcode/", "/admin/orders/order/"} <= set(lists)
    opened = []
    for path in lists:
        response = page.goto(path, wait_until="domcontentloaded")
        assert response.status == 200, path
        assert page.locator("#result_list, #changelist-form, .paginator").count() > 0, path
        first = page.locator("#result_list tbody tr:first-child :is(th, td) a[href*='/change/']")
        if first.count():
            # The object's page is fetched with the same session but not rendered: the status and
            # title are what count here, and rendering ~15 more pages would double this test's time.
            response = page.request.get(first.first.get_attribute("href"))
            assert response.status == 200, path
            assert "<h1>Change " in response.text() or "<h1>View " in response.text(), path
            opened.append(path)
    assert len(opened) == 20, opened  # all but task results and blacklisted tokens have a row
