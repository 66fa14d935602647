"""The access matrix, generated from the URL configuration: every route under /api/v1/ × every method its
view allows × every kind of caller answers the contract's status (DESIGN.md §4, docs/api.md).

The expectation comes from RULES (one line per route name and method), never from the view under test;
each rule's scope is cross-checked against the operation's `x-required-scope` in the OpenAPI schema.
A route or a method without a rule fails, naming itself (test_a_route_without_a_rule_fails_naming_it).

Callers: anonymous; customer A (the owner of every customer-owned object in the URLs); customer B on A's
objects; staff without the permission (for a `:write` scope, with the `:read` one); an API key holding
every scope but the one needed (for a `:write` scope, its `:read` included); an API key with exactly the
scope; staff with exactly the model permission that implies it. Each call runs in a savepoint rolled
back afterwards, so a DELETE by one caller leaves the object there for the next.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from carts.models import CartDiscount
from moodmnky.api.scopes import SCOPE_MODELS
from moodmnky.models import SCOPES
from moodmnky.webhooks.models import Event, WebhookDelivery, WebhookSubscription
from tests.blends.factories import BlendFactory, FragranceCategoryFactory, NoteFactory, ProductBaseFactory
from tests.carts.factories import CartItemFactory, CustomerCartFactory, DiscountCodeFactory, VariantFactory
from tests.catalog.factories import CategoryFactory, CollectionFactory, ProductMediaFactory
from tests.customers.factories import AddressFactory, CustomerFactory
from tests.orders.factories import OrderFactory, OrderLineFactory
from tests.routes import API, url_patterns

METHODS = ("get", "post", "put", "patch", "delete")  # HEAD mirrors GET; OPTIONS is DRF's metadata, no data


# --- the rule table -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Access:
    kind: str  # public | customer | cart | customer_or_admin | admin
    scope: str | None = None


PUBLIC = Access("public")  # anyone, credentials or not
CUSTOMER = Access("customer")  # a signed-in customer (staff sign in as customers too); API keys: 403
CART = Access("cart")  # a guest cart is anyone's; a customer's cart is 404 to everyone else, anonymous included


def admin(scope: str) -> Access:  # an API key or staff user holding `scope`; customers 403 permission_denied
    return Access("admin", scope)


def customer_or_admin(scope: str) -> Access:  # the customer's own (others: 404), or an admin holding `scope`
    return Access("customer_or_admin", scope)


def catalog(write_scope: str) -> dict[str, Access]:
    return {"GET": PUBLIC, "POST": admin(write_scope), "PATCH": admin(write_scope), "DELETE": admin(write_scope)}


def every(access: Access) -> dict[str, Access]:
    return {method.upper(): access for method in METHODS}


# Route name -> method -> who may call it. A method the view does not allow is ignored; one it allows but this
# table does not name fails the test.
RULES: dict[str, dict[str, Access]] = {
    "health": every(PUBLIC),
    **{name: every(PUBLIC) for name in ("auth-register", "auth-login", "auth-refresh", "auth-logout",
                                        "auth-password-reset", "auth-password-reset-confirm")},
    # customers/
    **{name: every(CUSTOMER) for name in ("customer-profile", "customer-password", "customer-export",
                                          "customer-loyalty", "customer-address-list",
                                          "customer-address-detail", "scent-profile", "customer-orders",
                                          "blend-recommendations", "cart-merge")},
    "customer-list": {"GET": admin("customers:read")},
    "customer-detail": {"GET": admin("customers:read"), "PATCH": admin("customers:write")},
    # catalog
    **{name: catalog("products:write") for name in ("product-list", "product-detail", "product-variants",
                                                    "variant-detail")},
    **{name: every(admin("products:write")) for name in ("product-bulk", "product-media", "media-detail")},
    **{name: every(PUBLIC) for name in ("category-list", "category-detail", "collection-list", "collection-detail",
                                        "blend-note-list", "blend-note-detail", "blend-category-list",
                                        "blend-category-detail", "product-base-list", "product-base-detail")},
    "inventory-list": {"GET": admin("inventory:read")},
    "inventory-movements": {"GET": admin("inventory:read")},
    "inventory-adjustments": {"POST": admin("inventory:write")},
    "inventory-bulk": {"POST": admin("inventory:write")},
    # custom blends
    **{name: {"GET": customer_or_admin("blends:read"), "POST": customer_or_admin("blends:write"),
              "PATCH": customer_or_admin("blends:write"), "DELETE": customer_or_admin("blends:write")}
       for name in ("blend-list", "blend-detail", "blend-submit")},
    "blend-test-product": {"POST": customer_or_admin("blends:read")},
    "blend-formulate": {"POST": customer_or_admin("blends:read")},
    # carts, discounts, checkout
    "cart-create": every(PUBLIC),
    **{name: every(CART) for name in ("cart-detail", "cart-items", "cart-item-detail", "cart-discounts",
                                      "cart-discount-detail", "cart-shipping-estimates", "cart-checkout")},
    **{name: {"GET": admin("discounts:read"), "POST": admin("discounts:write"), "PATCH": admin("discounts:write"),
              "DELETE": admin("discounts:write")} for name in ("discount-list", "discount-detail")},
    # orders
    "order-list": {"GET": customer_or_admin("orders:read"), "POST": admin("orders:write")},
    "order-detail": {"GET": customer_or_admin("orders:read")},
    "order-events": {"GET": customer_or_admin("orders:read")},
    "order-cancel": {"POST": customer_or_admin("orders:write")},
    **{name: every(admin("orders:write")) for name in ("order-pay", "order-set-status", "order-fulfillments",
                                                      "order-refunds")},
    # webhooks
    **{name: every(admin("webhooks:manage")) for name in ("webhook-list", "webhook-detail", "webhook-deliveries",
                                                         "webhook-ping", "webhook-delivery-detail",
                                                         "webhook-delivery-redeliver")},
}

# Route name -> the URL's arguments, from the world below. Customer-owned objects are customer A's.
TARGETS = {
    "customer-address-detail": lambda w: {"pk": w.address.pk},
    "customer-detail": lambda w: {"pk": w.a.pk},
    "product-detail": lambda w: {"pk": w.product.pk},
    "product-variants": lambda w: {"pk": w.product.pk},
    "product-media": lambda w: {"pk": w.product.pk},
    "variant-detail": lambda w: {"pk": w.variant.pk},
    "media-detail": lambda w: {"pk": w.media.pk},
    "category-detail": lambda w: {"pk": w.category.pk},
    "collection-detail": lambda w: {"pk": w.collection.pk},
    "blend-note-detail": lambda w: {"pk": w.note.pk},
    "blend-category-detail": lambda w: {"pk": w.note.category.pk},
    "product-base-detail": lambda w: {"pk": w.base.pk},
    **{name: (lambda w: {"pk": w.blend.pk})
       for name in ("blend-detail", "blend-submit", "blend-test-product", "blend-formulate")},
    **{name: (lambda w: {"cart_id": w.cart.pk})
       for name in ("cart-detail", "cart-items", "cart-discounts", "cart-shipping-estimates", "cart-checkout",
                    "cart-merge")},
    "cart-item-detail": lambda w: {"cart_id": w.cart.pk, "item_id": w.item.pk},
    "cart-discount-detail": lambda w: {"cart_id": w.cart.pk, "code": w.discount.code},
    "discount-detail": lambda w: {"pk": w.discount.pk},
    **{name: (lambda w: {"pk": w.order.pk})
       for name in ("order-detail", "order-events", "order-cancel", "order-pay", "order-set-status",
                    "order-fulfillments", "order-refunds")},
    **{name: (lambda w: {"pk": w.subscription.pk})
       for name in ("webhook-detail", "webhook-deliveries", "webhook-ping")},
    **{name: (lambda w: {"pk": w.delivery.pk}) for name in ("webhook-delivery-detail", "webhook-delivery-redeliver")},
}
# Routes whose URL names an object customer A owns: customer B (and whoever else is not an admin) gets 404.
OWNED = {"customer-address-detail", "blend-detail", "blend-submit", "blend-test-product", "blend-formulate",
         "cart-detail", "cart-items", "cart-item-detail", "cart-discounts", "cart-discount-detail",
         "cart-shipping-estimates", "cart-checkout", "cart-merge", "order-detail", "order-events", "order-cancel"}


# --- the URL configuration ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Operation:
    name: str | None
    route: str
    method: str
    params: tuple[str, ...]

    @property
    def path(self) -> str:
        """`/api/v1/orders/{pk}/`: the route with its arguments named, whether regex groups or path converters."""
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)|<(?:\w+:)?(\w+)>", lambda m: "{%s}" % (m[1] or m[2]), self.route)
        return "/" + route.replace("^", "").replace("$", "")

    def __str__(self):
        return f"{self.method} {self.path} ({self.name or 'unnamed'})"


def operations(resolver: URLResolver | None = None) -> list[Operation]:
    """Every (route, method) under /api/v1/ of the URLconf, with the methods its view really dispatches."""
    found = []
    for route, pattern in url_patterns(resolver):
        if not route.startswith(API):
            continue
        view = pattern.callback
        cls = getattr(view, "cls", None) or view.view_class
        offered = set(getattr(view, "actions", None) or [m for m in METHODS if hasattr(cls, m)])
        for method in METHODS:
            if method in offered and method in cls.http_method_names:
                found.append(Operation(pattern.name, route, method.upper(), tuple(pattern.pattern.regex.groupindex)))
    return found


def rule_of(operation: Operation) -> Access:
    """The rule for an operation; fails the test naming the route when there is none."""
    access = RULES.get(operation.name, {}).get(operation.method)
    if access is None:
        pytest.fail(f"No access rule for {operation}: add it to RULES in tests/test_access_matrix.py")
    if operation.params and operation.name not in TARGETS:
        pytest.fail(f"No URL arguments for {operation}: add the route to TARGETS in tests/test_access_matrix.py")
    return access


def unruled(found: list[Operation]) -> list[str]:
    return [str(op) for op in found if RULES.get(op.name, {}).get(op.method) is None]


# --- the callers ----------------------------------------------------------------------------------------------

IDENTITIES = ("anonymous", "customer", "other_customer", "staff_without", "key_without", "key_with", "staff_with")
ALLOWED = "allowed"  # any answer but 401/403/404/5xx


def expected(access: Access, identity: str, owned: bool) -> tuple[int, str] | str:
    kind = access.kind
    if kind == "public":
        return ALLOWED
    if kind == "cart":  # no login needed, so nobody is told to sign in: everyone but the owner gets 404
        return ALLOWED if identity == "customer" else (404, "not_found")
    if identity == "anonymous":
        return 401, "not_authenticated"
    if identity == "customer":
        return (403, "permission_denied") if kind == "admin" else ALLOWED
    if identity == "other_customer":
        if kind == "admin":
            return 403, "permission_denied"
        return (404, "not_found") if owned else ALLOWED
    if kind == "customer":  # staff sign in as customers (their own data only); API keys are no customers
        if identity.startswith("key"):
            return 403, "permission_denied"
        return (404, "not_found") if owned else ALLOWED
    return (403, "insufficient_scope") if identity.endswith("without") else ALLOWED


def scopes_without(scope: str | None) -> list[str]:
    """Every scope except `scope` and what includes it (a key short of exactly what the route needs)."""
    if scope is None:
        return list(SCOPES)
    resource, level = scope.split(":")
    lacking = {scope, f"{resource}:write"} if level == "read" else {scope}
    return [held for held in SCOPES if held not in lacking]


def permission_for(scope: str, *, short: bool) -> list[str]:
    """The model permission implying `scope` (view → :read; change → :write/:manage), or, `short`, one below it."""
    resource, level = scope.split(":")
    app_label, model = SCOPE_MODELS[resource][0].split(".")
    if short:
        return [f"{app_label}.view_{model}"] if level == "write" else []
    return [f"{app_label}.{'view' if level == 'read' else 'change'}_{model}"]


@pytest.fixture
def callers(world, make_customer_client, make_staff_client, make_admin_client):
    def make(scope: str | None) -> dict:
        return {
            "anonymous": Client(),
            "customer": make_customer_client(world.a),
            "other_customer": make_customer_client(world.b),
            "staff_without": make_staff_client(*(permission_for(scope, short=True) if scope else [])),
            "key_without": make_admin_client(*scopes_without(scope)),
            "key_with": make_admin_client(*([scope] if scope else SCOPES)),
            "staff_with": make_staff_client(*(permission_for(scope, short=False) if scope else []),
                                            superuser=scope is None),
        }

    return make


# --- the world: one of everything, customer-owned objects belong to A -----------------------------------------

@dataclass
class World:
    a: object
    b: object
    address: object
    product: object
    variant: object
    media: object
    category: object
    collection: object
    note: object
    base: object
    blend: object
    cart: object
    item: object
    discount: object
    order: object
    subscription: object
    delivery: object


@pytest.fixture
def world(db):
    a, b = CustomerFactory(), CustomerFactory()
    category, collection = CategoryFactory(), CollectionFactory()
    variant = VariantFactory(product__category=category)
    product = variant.product
    product.collections.add(collection)
    cart = CustomerCartFactory(customer=a)
    item = CartItemFactory(cart=cart, variant=variant)
    discount = DiscountCodeFactory()
    CartDiscount.objects.create(cart=cart, discount=discount)
    note = NoteFactory(category=FragranceCategoryFactory())
    order = OrderFactory(customer=a)
    OrderLineFactory(order=order, variant=variant)
    subscription = WebhookSubscription.objects.create(url="http://127.0.0.1:9/hook", events=["*"], secret="whsec_x")
    event = Event.objects.create(type="product.created", data={"id": product.pk}, fanned_out_at=timezone.now())
    delivery = WebhookDelivery.objects.create(event=event, subscription=subscription, status="failed")
    return World(a=a, b=b, address=AddressFactory(customer=a), product=product, variant=variant,
                 media=ProductMediaFactory(product=product), category=category, collection=collection, note=note,
                 base=ProductBaseFactory(), blend=BlendFactory(customer=a, parts=[(note, "100")]), cart=cart,
                 item=item, discount=discount, order=order, subscription=subscription, delivery=delivery)


# --- the tests ------------------------------------------------------------------------------------------------

def test_every_api_route_and_method_has_a_rule():
    assert unruled(operations()) == [], "routes under /api/v1/ without an access rule"


def test_a_route_without_a_rule_fails_naming_it():
    from django.urls import path
    from rest_framework.views import APIView

    class Fake(APIView):
        def get(self, request):
            raise AssertionError("never called")

    resolver = get_resolver()
    fake = URLResolver(resolver.pattern, [path("api/v1/fake-route/", Fake.as_view(), name="fake-route"),
                                         *resolver.url_patterns])
    found = operations(fake)

    assert unruled(found) == ["GET /api/v1/fake-route/ (fake-route)"]
    with pytest.raises(pytest.fail.Exception, match="No access rule for GET /api/v1/fake-route/ "):
        rule_of(next(op for op in found if op.name == "fake-route"))


def test_every_rule_names_a_route_that_exists():
    """A stale rule (a renamed or removed route) would silently check nothing."""
    names = {op.name for op in operations()}
    assert sorted(set(RULES) - names) == []
    assert sorted(set(TARGETS) - names) == []
    assert sorted(OWNED - set(TARGETS)) == []


@cache
def _schema() -> dict:
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return json.loads(response.content)


def schema_operation(operation: Operation) -> dict:
    """The OpenAPI operation documenting a route and method (`{param}` templates, literal segments first)."""
    segments = operation.path.strip("/").split("/")
    candidates = []
    for path, item in _schema()["paths"].items():
        parts = path.strip("/").split("/")
        if len(parts) == len(segments) and all(p == s or (p.startswith("{") and s.startswith("{"))
                                               for p, s in zip(parts, segments, strict=True)):
            candidates.append((sum(p.startswith("{") for p in parts), path, item))
    assert candidates, f"{operation} is not in the OpenAPI schema"
    return min(candidates, key=lambda c: c[0])[2][operation.method.lower()]


@pytest.mark.parametrize("operation", operations(), ids=str)
def test_scope_matches_the_openapi_schema(operation):
    access = rule_of(operation)
    documented = schema_operation(operation).get("x-required-scope")
    assert documented == access.scope, (f"{operation}: the rule says scope {access.scope!r}, the OpenAPI schema "
                                        f"documents {documented!r}")


@pytest.mark.parametrize("operation", operations(), ids=str)
def test_access_matrix(operation, world, callers):
    access = rule_of(operation)
    url = reverse(operation.name, kwargs=TARGETS[operation.name](world) if operation.params else None)
    owned = operation.name in OWNED
    wrong = []
    for identity, client in callers(access.scope).items():
        want = expected(access, identity, owned)
        with transaction.atomic():  # every caller meets the same objects (a DELETE is undone)
            kwargs = {} if operation.method in ("GET", "DELETE") else {"data": "{}",
                                                                        "content_type": "application/json"}
            response = client.generic(operation.method, url, **kwargs)
            transaction.set_rollback(True)
        status = response.status_code
        code = response.json()["error"]["code"] if status >= 400 and response.content else None
        if want == ALLOWED:
            if status >= 500 or status in (401, 403, 404):
                wrong.append(f"{identity}: expected access, got {status} {code}")
        elif (status, code) != want:
            wrong.append(f"{identity}: expected {want[0]} {want[1]}, got {status} {code}")
    assert wrong == [], f"{operation} ({access.kind} {access.scope or ''}):\n" + "\n".join(wrong)


def test_a_guest_cart_is_anyones_who_knows_its_id(world, callers):
    """The other half of the `cart` rule: the matrix addresses customer A's cart; a guest cart has no owner."""
    guest_cart = CartItemFactory(variant=world.variant).cart
    url = reverse("cart-detail", kwargs={"cart_id": guest_cart.pk})

    answers = {identity: (client.get(url).status_code, client.generic("PATCH", url, '{"note": "hi"}',
                                                                       content_type="application/json").status_code)
               for identity, client in callers(None).items()}

    assert answers == dict.fromkeys(IDENTITIES, (200, 200))


# Customer routes whose answer to customer A shows A's own data (the check below must not pass vacuously).
SHOWS_OWN_DATA = {"customer-profile", "customer-export", "customer-address-list", "customer-address-detail",
                  "customer-orders", "order-list", "order-detail", "blend-list", "blend-detail", "cart-detail"}


def test_no_customer_route_shows_customer_b_anything_of_customer_as(world, make_customer_client):
    """The matrix checks statuses; this checks bodies. Every GET a customer may make (lists included, which
    answer 200 to everyone) is called as A and as B: nothing of A's (email, order number, ids) is in B's
    answers, and A finds its own data where it should, so that the check cannot pass on empty answers."""
    a, b = make_customer_client(world.a), make_customer_client(world.b)
    markers = [world.a.email, world.order.number, str(world.order.pk), str(world.blend.pk), str(world.cart.pk),
               world.address.line1]
    routes = [op for op in operations() if op.method == "GET" and rule_of(op).kind in ("customer", "customer_or_admin",
                                                                                          "cart")]
    leaks, seen_by_a = [], set()
    for op in routes:
        url = reverse(op.name, kwargs=TARGETS[op.name](world) if op.params else None)
        if any(marker in a.get(url).content.decode() for marker in markers):
            seen_by_a.add(op.name)
        body = b.get(url).content.decode()
        leaks += [f"{op}: {marker}" for marker in markers if marker in body]

    assert leaks == [], "customer B sees customer A's data"
    assert sorted(SHOWS_OWN_DATA - seen_by_a) == []
