"""Query budgets: every GET endpoint of the API and the cart writes, so that an N+1 introduced later fails.

Each list endpoint answers `limit=1` and `limit=100` (several rows, each with the relations the endpoint
shows) in the same number of queries, within its budget; each detail endpoint stays within its budget.
The table is checked against the URLconf: a new GET endpoint fails `test_every_get_endpoint_has_a_budget`
until it is added here (or listed in NOT_BUDGETED with the reason).

Budgets count what the test captures on SQLite and PostgreSQL alike (the cache is Redis or a memory cache
in the tests, never the database). Callers: `anon`, `customer` (a Bearer token: +1 query for the user), `admin`
(an API key: +1 for the key; its last-used stamp is written once by a warm-up request beforehand).
"""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blends.models import ScentProfile
from carts.models import CartItem, DiscountCode
from customers.services.loyalty import loyalty_award
from moodmnky.webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookSubscription
from orders.models import Fulfillment, FulfillmentLine, OrderEvent, Payment, Refund
from tests.blends.factories import BlendFactory, FragranceCategoryFactory, NoteFactory, ProductBaseFactory
from tests.carts.factories import (
    CartDiscountFactory,
    CartItemFactory,
    CustomerCartFactory,
    DiscountCodeFactory,
)
from tests.carts.factories import VariantFactory as CartVariantFactory
from tests.catalog.factories import (
    CategoryFactory,
    CollectionFactory,
    ProductFactory,
    ProductMediaFactory,
    StockMovementFactory,
    VariantFactory,
)
from tests.customers.factories import AddressFactory, CustomerFactory
from tests.orders.factories import OrderFactory, OrderLineFactory, checkout_body
from tests.routes import API, url_patterns

pytestmark = pytest.mark.django_db
ROWS = 3  # rows of every kind: enough for an N+1 to show between limit=1 and limit=100


@pytest.fixture
def world(customer):
    """ROWS of everything, each row with the relations its endpoint shows."""
    parent = CategoryFactory()
    first_subscription = WebhookSubscription.objects.create(url="https://127.0.0.1/hook/", events=["*"], secret="s")
    w = {"customer": customer}
    for index in range(ROWS):
        product = ProductFactory(category=CategoryFactory(parent=parent))
        collection = CollectionFactory()
        product.collections.add(collection)
        for _ in range(2):
            StockMovementFactory(variant=VariantFactory(product=product))
        ProductMediaFactory(product=product)
        AddressFactory(customer=customer)
        CustomerFactory()
        family = FragranceCategoryFactory()
        note = NoteFactory(category=family, limits={"12": "5", "5A": "1"})
        base = ProductBaseFactory()
        blend = BlendFactory(customer=customer, parts=[(note, "60"), (NoteFactory(category=family), "40")])
        DiscountCodeFactory(products=[product], categories=[parent])
        order = OrderFactory(customer=customer)
        order_with_everything(order, customer)
        subscription = WebhookSubscription.objects.create(url=f"https://127.0.0.1/hook/{index}",
                                                          events=["*"], secret="s")
        event = Event.objects.create(type="product.updated", data={"id": product.pk})
        delivery = WebhookDelivery.objects.create(event=event, subscription=subscription)
        WebhookDelivery.objects.create(event=event, subscription=first_subscription)
        for number in (1, 2):
            WebhookAttempt.objects.create(delivery=delivery, number=number, url=subscription.url)
        w.update(product=product, variant=product.variants.first(), category=product.category,
                 collection=collection, note=note, family=family, base=base, blend=blend, order=order,
                 subscription=first_subscription, delivery=delivery, address=customer.addresses.first(),
                 other_customer=CustomerFactory())
    profile = ScentProfile.objects.create(customer=customer)
    profile.favorite_categories.add(w["family"])
    w["discount"] = DiscountCode.objects.first()
    w["cart"] = cart_with_everything(customer, ROWS, code=w["discount"])
    return w


def order_with_everything(order, customer):
    """Two lines, a payment, a refund, a fulfillment of both lines, two events and the points it earned: every
    relation the Order (and the loyalty page) shows has rows, so that a nested N+1 (a fulfillment's lines, say)
    shows too."""
    lines = OrderLineFactory.create_batch(2, order=order)
    payment = Payment.objects.create(order=order, gateway="test", amount=order.total, status="captured")
    Refund.objects.create(order=order, payment=payment, amount=Decimal("1.00"),
                          lines=[{"line_id": lines[0].pk, "quantity": 1, "restock": False}])
    fulfillment = Fulfillment.objects.create(order=order, carrier="UPS", tracking_number=f"1Z{order.number}")
    for line in lines:
        FulfillmentLine.objects.create(fulfillment=fulfillment, order_line=line, quantity=1)
    for kind in ("created", "paid"):
        OrderEvent.objects.create(order=order, type=kind, actor=customer, actor_label=customer.email)
    loyalty_award(customer=customer, order_id=order.pk, amount=order.total)  # the loyalty page's ledger rows


def cart_with_everything(customer, lines: int, *, code):
    """A customer's cart: `lines` variant lines, as many blend lines (each blend of two notes with IFRA limits)
    and a code limited to products and categories: every relation a cart shows, each with rows."""
    cart = CustomerCartFactory(customer=customer)
    for _ in range(lines):
        CartItemFactory(cart=cart, variant=CartVariantFactory())
        family = FragranceCategoryFactory()
        parts = [(NoteFactory(category=family, limits={"12": "50"}), "60"), (NoteFactory(limits={"12": "50"}), "40")]
        base = ProductBaseFactory()
        CartItem.objects.create(cart=cart, blend=BlendFactory(customer=customer, parts=parts), product_base=base,
                                quantity=1, unit_price_at_add=base.price)
    CartDiscountFactory(cart=cart, discount=code)
    return cart


# (view, action or method) -> (url template, caller, budget). {name} fills from the world fixture.
LISTS = {
    ("ProductViewSet", "list"): ("/api/v1/products/", "anon", 5),
    ("ProductViewSet", "variants"): ("/api/v1/products/{product.pk}/variants/", "anon", 3),
    ("CategoryViewSet", "list"): ("/api/v1/categories/", "anon", 2),
    ("CollectionViewSet", "list"): ("/api/v1/collections/", "anon", 2),
    ("InventoryListView", "get"): ("/api/v1/inventory/", "admin", 3),
    ("StockMovementListView", "get"): ("/api/v1/inventory/movements/", "admin", 3),
    ("AddressViewSet", "list"): ("/api/v1/customers/addresses/", "customer", 3),
    ("CustomerViewSet", "list"): ("/api/v1/customers/", "admin", 3),
    ("NoteViewSet", "list"): ("/api/v1/custom-blends/notes/", "anon", 4),
    ("FragranceCategoryViewSet", "list"): ("/api/v1/custom-blends/categories/", "anon", 3),
    ("ProductBaseViewSet", "list"): ("/api/v1/custom-blends/product-bases/", "anon", 2),
    ("BlendViewSet", "list"): ("/api/v1/custom-blends/", "customer", 6),
    ("DiscountViewSet", "list"): ("/api/v1/discounts/", "admin", 5),
    ("CustomerOrderListView", "get"): ("/api/v1/customers/orders/", "customer", 9),
    ("OrderViewSet", "list"): ("/api/v1/orders/", "admin", 9),
    ("OrderViewSet", "events"): ("/api/v1/orders/{order.pk}/events/", "admin", 8),
    ("WebhookViewSet", "list"): ("/api/v1/webhooks/", "admin", 3),
    ("WebhookViewSet", "deliveries"): ("/api/v1/webhooks/{subscription.pk}/deliveries/", "admin", 5),
}
DETAILS = {
    ("ProductViewSet", "retrieve"): ("/api/v1/products/{product.pk}/", "anon", 4),
    ("VariantViewSet", "retrieve"): ("/api/v1/variants/{variant.pk}/", "anon", 1),
    ("CategoryViewSet", "retrieve"): ("/api/v1/categories/{category.pk}/", "anon", 1),
    ("CollectionViewSet", "retrieve"): ("/api/v1/collections/{collection.pk}/", "anon", 1),
    ("AddressViewSet", "retrieve"): ("/api/v1/customers/addresses/{address.pk}/", "customer", 2),
    ("CustomerViewSet", "retrieve"): ("/api/v1/customers/{other_customer.pk}/", "admin", 2),
    ("NoteViewSet", "retrieve"): ("/api/v1/custom-blends/notes/{note.slug}/", "anon", 3),
    ("FragranceCategoryViewSet", "retrieve"): ("/api/v1/custom-blends/categories/{family.slug}/", "anon", 2),
    ("ProductBaseViewSet", "retrieve"): ("/api/v1/custom-blends/product-bases/{base.slug}/", "anon", 1),
    ("BlendViewSet", "retrieve"): ("/api/v1/custom-blends/{blend.pk}/", "customer", 5),
    ("BlendViewSet", "recommendations"): ("/api/v1/custom-blends/recommendations/", "customer", 10),
    ("DiscountViewSet", "retrieve"): ("/api/v1/discounts/{discount.pk}/", "admin", 4),
    ("OrderViewSet", "retrieve"): ("/api/v1/orders/{order.pk}/", "admin", 8),
    ("WebhookViewSet", "retrieve"): ("/api/v1/webhooks/{subscription.pk}/", "admin", 2),
    ("WebhookDeliveryViewSet", "retrieve"): ("/api/v1/webhooks/deliveries/{delivery.pk}/", "admin", 3),
    ("CartDetailView", "get"): ("/api/v1/carts/{cart.pk}/", "customer", 9),
    ("ProfileView", "get"): ("/api/v1/customers/profile/", "customer", 2),
    ("LoyaltyView", "get"): ("/api/v1/customers/loyalty/", "customer", 2),
    ("ScentProfileView", "get"): ("/api/v1/customers/scent-profile/", "customer", 5),
    ("ExportView", "get"): ("/api/v1/customers/profile/export/", "customer", 19),
}
NOT_BUDGETED = {
    ("HealthView", "get"): "probes the database and the cache on purpose; no rows",
}


def get_routes() -> set[tuple[str, str]]:
    """(view class, action or method) of every GET route under /api/v1/."""
    routes = set()
    for route, pattern in url_patterns():
        view = getattr(pattern.callback, "cls", None)
        if view is None or not route.startswith(API):
            continue
        actions = getattr(pattern.callback, "actions", None)
        if actions is not None:
            if "get" in actions:
                routes.add((view.__name__, actions["get"]))
        elif hasattr(view, "get"):
            routes.add((view.__name__, "get"))
    return routes


def test_every_get_endpoint_has_a_budget():
    covered = {*LISTS, *DETAILS, *NOT_BUDGETED}

    assert get_routes() - covered == set()
    assert covered - get_routes() == set()  # no stale row either


@pytest.fixture
def callers(api_client, customer_client, admin_client):
    admin_client.get("/api/v1/discounts/?limit=1")  # the key's last-used stamp: written once, not per request
    return {"anon": api_client, "customer": customer_client, "admin": admin_client}


def fill(template: str, world: dict) -> str:
    return template.format(**world)


def queries_of(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries), response


@pytest.mark.parametrize("route", sorted(LISTS), ids=lambda route: ".".join(route))
def test_a_list_costs_the_same_for_1_and_100_rows_within_its_budget(world, callers, route):
    template, caller, budget = LISTS[route]
    url = fill(template, world)
    sep = "&" if "?" in url else "?"

    one, _ = queries_of(callers[caller], f"{url}{sep}limit=1")
    many, response = queries_of(callers[caller], f"{url}{sep}limit=100")

    assert len(response.json()["data"]) > 1  # several rows, or an N+1 could not show
    assert one == many, f"{url}: {one} queries for 1 row, {many} for {len(response.json()['data'])}"
    assert many <= budget, f"{url}: {many} queries, budget {budget}"


@pytest.mark.parametrize("route", sorted(DETAILS), ids=lambda route: ".".join(route))
def test_a_detail_stays_within_its_budget(world, callers, route):
    template, caller, budget = DETAILS[route]
    url = fill(template, world)

    count, _ = queries_of(callers[caller], url)

    assert count <= budget, f"{url}: {count} queries, budget {budget}"


# Cart writes: the access check (1), the cart locked and stamped (1), its lines and codes (2, +2 for the
# codes' products and categories when a code is applied, +1 for the category tree of a category-limited
# code), the variant (1, a new line), the write (1). SAVEPOINT/RELEASE are not counted: they exist only
# because each test runs inside a transaction (production's BEGIN/COMMIT are not captured either).
CART_WRITE_BUDGET = 8


def real_queries(captured) -> int:
    return sum(1 for query in captured.captured_queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE")))


def cart_with(lines: int, *, customer=None, code=False):
    cart = CustomerCartFactory(customer=customer) if customer else CartItemFactory().cart
    for _ in range(lines - (0 if customer else 1)):
        CartItemFactory(cart=cart)
    if code:
        CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(code=f"TEN{cart.pk.hex[:6]}",
                                                                    value=Decimal("10")))
    return cart


def prepare_write(client, cart, kind):
    """The request of a cart write, its rows made beforehand (outside what is counted)."""
    base = f"/api/v1/carts/{cart.pk}/"
    item = cart.items.order_by("id").first()
    if kind == "add new line":
        variant = CartVariantFactory()
        return lambda: client.post(f"{base}items/", {"variant_id": variant.pk, "quantity": 1}, format="json")
    if kind == "add to a line":
        return lambda: client.post(f"{base}items/", {"variant_id": item.variant_id, "quantity": 1}, format="json")
    if kind == "update":
        return lambda: client.patch(f"{base}items/{item.pk}/", {"quantity": 3}, format="json")
    if kind == "remove":
        return lambda: client.delete(f"{base}items/{item.pk}/")
    code = DiscountCodeFactory(combinable=True)
    return lambda: client.post(f"{base}discounts/", {"code": code.code}, format="json")


def test_a_cart_read_costs_the_same_with_1_and_10_lines_of_each_kind(make_customer_client):
    """GET /carts/{id}/ with variant lines, blend lines (components, notes, IFRA limits) and a code limited to
    products and categories: the same queries for 1 line of each kind as for 10."""
    counts = []
    for lines in (1, 10):
        client = make_customer_client()
        cart = cart_with_everything(client.customer, lines, code=DiscountCodeFactory(
            products=[CartVariantFactory().product], categories=[CategoryFactory()]))
        count, response = queries_of(client, f"/api/v1/carts/{cart.pk}/")
        assert len(response.json()["data"]["items"]) == 2 * lines
        counts.append(count)

    assert counts[0] == counts[1], counts
    assert counts[1] <= DETAILS[("CartDetailView", "get")][2], counts


@pytest.mark.parametrize("kind", ["add new line", "add to a line", "update", "remove", "apply code"])
@pytest.mark.parametrize("who", ["guest", "customer"])
@pytest.mark.parametrize("with_code", [False, True], ids=["no code", "code applied"])
def test_a_cart_write_costs_the_same_with_1_and_10_lines(api_client, make_customer_client, kind, who, with_code):
    counts = []
    for lines in (1, 10):
        client = make_customer_client() if who == "customer" else api_client
        cart = cart_with(lines, customer=getattr(client, "customer", None), code=with_code and kind != "apply code")
        if kind == "apply code" and with_code:
            CartDiscountFactory(cart=cart, discount=DiscountCodeFactory(combinable=True))
        write = prepare_write(client, cart, kind)
        with CaptureQueriesContext(connection) as captured:
            response = write()
        assert response.status_code in (200, 201), response.json()
        counts.append(real_queries(captured) - (1 if who == "customer" else 0))  # the Bearer token's user

    assert counts[0] == counts[1], counts
    assert counts[1] <= CART_WRITE_BUDGET, counts


def test_a_blend_line_cart_write_stays_within_budget(make_customer_client):
    """A customer's cart with a blend line: its components and IFRA limits are two more reads."""
    client = make_customer_client()
    note = NoteFactory(limits={"12": "50"})
    blend = BlendFactory(customer=client.customer, parts=[(note, "100")])
    base = ProductBaseFactory()
    cart = cart_with(2, customer=client.customer)
    first = client.post(f"/api/v1/carts/{cart.pk}/items/", {"blend_id": str(blend.pk), "product_base_id": base.pk},
                        format="json")
    assert first.status_code == 201, first.json()

    with CaptureQueriesContext(connection) as more_of_the_blend:
        again = client.post(f"/api/v1/carts/{cart.pk}/items/",
                            {"blend_id": str(blend.pk), "product_base_id": base.pk}, format="json")
    variant = CartVariantFactory()
    with CaptureQueriesContext(connection) as variant_line:
        add = client.post(f"/api/v1/carts/{cart.pk}/items/", {"variant_id": variant.pk}, format="json")

    assert again.status_code == add.status_code == 201
    assert real_queries(more_of_the_blend) - 1 <= CART_WRITE_BUDGET  # the blend line is checked from memory
    assert real_queries(variant_line) - 1 <= CART_WRITE_BUDGET + 1  # + the components' notes and limits


CHECKOUT_BUDGET = 30  # issue 14: at most 30 queries for 5 lines, constant in lines


def checkout_queries(client, cart, body) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/api/v1/carts/{cart.pk}/checkout/", body, format="json")
    assert response.status_code == 201, response.json()
    return real_queries(captured)


def test_a_guest_checkout_costs_the_same_for_1_and_5_lines_within_budget(api_client):
    counts = [checkout_queries(api_client, cart_with(lines), checkout_body()) for lines in (1, 5)]

    assert counts[0] == counts[1], counts
    assert counts[1] <= CHECKOUT_BUDGET, counts


def customer_checkout_queries(make_customer_client, lines: int) -> int:
    """A signed-in customer's checkout of `lines` lines to their saved address with a code applied, the heaviest
    checkout there is: on top of a guest's, the address, the code's products, categories, use count and usage
    row, and the loyalty credit (customer locked, ledger checked, row written, balance moved)."""
    client = make_customer_client()
    address = AddressFactory(customer=client.customer)
    cart = cart_with(lines, customer=client.customer, code=True)
    body = checkout_body(shipping_address_id=address.pk, email="")
    del body["shipping_address"]
    return checkout_queries(client, cart, body) - 1  # the Bearer token's user


def test_a_customer_checkout_with_a_code_costs_the_same_for_1_and_5_lines(make_customer_client):
    counts = [customer_checkout_queries(make_customer_client, lines) for lines in (1, 5)]

    assert counts[0] == counts[1], counts
    assert counts[1] <= CHECKOUT_BUDGET, counts
