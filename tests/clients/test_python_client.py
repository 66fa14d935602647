"""The generated Python client (clients/python) runs the storefront and admin flows against a live server."""

import inspect
from decimal import Decimal

from moodmnky_client import AuthenticatedClient, Client
from moodmnky_client.api.auth import auth_login, auth_refresh, auth_register
from moodmnky_client.api.carts import (
    carts_checkout,
    carts_create,
    carts_discounts_create,
    carts_items_create,
    carts_shipping_estimates,
)
from moodmnky_client.api.customers import customers_profile_retrieve
from moodmnky_client.api.inventory import inventory_adjustments_create
from moodmnky_client.api.orders import orders_retrieve
from moodmnky_client.api.products import products_create, products_list, products_retrieve
from moodmnky_client.models import (
    AddressInput,
    AdminProductEnvelope,
    CartEnvelope,
    CartItemCreate,
    Checkout,
    DiscountApply,
    ErrorEnvelope,
    EstimateAddress,
    Login,
    OrderEnvelope,
    PaginatedProductList,
    PaymentInput,
    ProductCreate,
    ProductEnvelope,
    Refresh,
    Register,
    RegisterResponseEnvelope,
    ShippingEstimateRequest,
    ShippingEstimatesEnvelope,
    StockAdjustment,
    StockMovementEnvelope,
    TokenPairEnvelope,
    VariantCreate,
)


# One connection per request: the live server's threads close the test database connection with theirs.
def one_request_per_connection() -> dict[str, str]:
    return {"Connection": "close"}  # a new dict each time: a client adds its auth header to the one it gets


def test_catalog_functions_take_an_anonymous_client_and_admin_ones_an_authenticated_one():
    anonymous_ok = inspect.signature(products_list.sync).parameters["client"].annotation
    admin_only = inspect.signature(products_create.sync).parameters["client"].annotation

    assert anonymous_ok == AuthenticatedClient | Client
    assert admin_only is AuthenticatedClient


def test_storefront_flow_with_the_python_client(shop):
    anonymous = Client(base_url=shop.base_url, raise_on_unexpected_status=True, headers=one_request_per_connection())

    # Browse and filter the catalog anonymously.
    everything = products_list.sync(client=anonymous)
    candles = products_list.sync(client=anonymous, category=shop.category_slug, ordering="price")
    assert isinstance(everything, PaginatedProductList) and isinstance(candles, PaginatedProductList)
    assert len(everything.data) == 3
    assert [product.name for product in candles.data] == ["Cedar Smoke", "Lavender Dusk"]
    detail = products_retrieve.sync(client=anonymous, id=candles.data[1].slug)
    assert isinstance(detail, ProductEnvelope) and detail.data.variants[0].sku == "LAV-8OZ"
    missing = products_retrieve.sync(client=anonymous, id="no-such-candle")
    assert isinstance(missing, ErrorEnvelope) and missing.error.code == "not_found"

    # Register, then log in.
    registered = auth_register.sync(
        client=anonymous, body=Register(email="robin@example.com", password="candle-light-42", first_name="Robin"))
    assert isinstance(registered, RegisterResponseEnvelope) and registered.data.customer.first_name == "Robin"
    tokens = auth_login.sync(client=anonymous, body=Login(email="robin@example.com",
                                                                 password="candle-light-42"))
    assert isinstance(tokens, TokenPairEnvelope)
    me = AuthenticatedClient(base_url=shop.base_url, token=tokens.data.access_token,
                             raise_on_unexpected_status=True, headers=one_request_per_connection())
    profile = customers_profile_retrieve.sync(client=me)
    assert profile.data.email == "robin@example.com"

    # A cart: items, WELCOME10, shipping estimates.
    cart = carts_create.sync(client=me)
    assert isinstance(cart, CartEnvelope) and cart.data.customer == registered.data.customer.id
    cart_id = cart.data.id
    cart = carts_items_create.sync(client=me, cart_id=cart_id,
                                   body=CartItemCreate(variant_id=shop.candle_variant_id, quantity=2))
    assert cart.data.item_count == 2 and cart.data.subtotal == "64.00"
    cart = carts_discounts_create.sync(client=me, cart_id=cart_id, body=DiscountApply(code="welcome10"))
    assert [code.code for code in cart.data.discount_codes] == ["WELCOME10"]
    assert cart.data.discount_total == "6.40"
    estimates = carts_shipping_estimates.sync(
        client=me, cart_id=cart_id,
        body=ShippingEstimateRequest(address=EstimateAddress(country="US", postal_code="10001")))
    assert isinstance(estimates, ShippingEstimatesEnvelope)
    assert {estimate.method for estimate in estimates.data.estimates} >= {"standard", "express"}
    assert Decimal(cart.data.total) > 0

    # Check out with the test gateway, then read the order.
    placed = carts_checkout.sync(client=me, cart_id=str(cart_id), body=Checkout(
        shipping_address=AddressInput(first_name="Robin", last_name="Reed", line1="1 Main St", city="New York",
                                      region="NY", postal_code="10001", country="US"),
        payment=PaymentInput(token="tok_success")))
    assert isinstance(placed, OrderEnvelope), placed
    assert placed.data.total == cart.data.total and placed.data.payment_status == "paid"
    order = orders_retrieve.sync(client=me, id=placed.data.id)
    assert isinstance(order, OrderEnvelope)
    assert order.data.number == placed.data.number and order.data.email == "robin@example.com"
    assert [(line.sku, line.quantity) for line in order.data.lines] == [("LAV-8OZ", 2)]

    # Refresh the token; the new access token works.
    refreshed = auth_refresh.sync(client=anonymous, body=Refresh(refresh_token=tokens.data.refresh_token))
    assert isinstance(refreshed, TokenPairEnvelope)
    again = AuthenticatedClient(base_url=shop.base_url, token=refreshed.data.access_token,
                                headers=one_request_per_connection())
    assert customers_profile_retrieve.sync(client=again).data.email == "robin@example.com"


def test_admin_flow_with_an_api_key(shop):
    admin = AuthenticatedClient(base_url=shop.base_url, token=shop.api_key, auth_header_name="X-API-Key", prefix="",
                                raise_on_unexpected_status=True, headers=one_request_per_connection())

    created = products_create.sync(client=admin, body=ProductCreate(
        name="Fig Leaf", product_type="candle", status="active",
        variants=[VariantCreate(sku="FIG-8OZ", name="8 oz", price="30.00", quantity=4)]))
    assert isinstance(created, AdminProductEnvelope)
    variant = created.data.variants[0]
    movement = inventory_adjustments_create.sync(client=admin, body=StockAdjustment(
        variant_id=variant.id, delta=6, reason="receive", note="client e2e"))
    assert isinstance(movement, StockMovementEnvelope)
    assert movement.data.quantity_after == 10

    anonymous = Client(base_url=shop.base_url, headers=one_request_per_connection())
    refused = products_create.sync_detailed(client=anonymous, body=ProductCreate(name="Nope", product_type="candle"))
    assert refused.status_code == 401 and isinstance(refused.parsed, ErrorEnvelope)
