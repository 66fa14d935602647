"""The schema tells the truth about auth: each operation's `security` matches what its view accepts."""

import re

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.generators import EndpointEnumerator
from rest_framework.permissions import SAFE_METHODS, AllowAny

from blends.api.views import IsCustomerOrAdminWithScope as BlendsCustomerOrAdmin
from carts.api.views import CartView
from moodmnky.api.permissions import IsAdminWithScope, IsCustomer, ReadAnyoneWriteAdmin
from orders.api.views import CheckoutView
from orders.api.views import IsCustomerOrAdminWithScope as OrdersCustomerOrAdmin

pytestmark = pytest.mark.django_db
PUBLIC: list = []
GUEST_OR_CUSTOMER = [{}, {"jwtAuth": []}]
CUSTOMER = [{"jwtAuth": []}]
ADMIN = [{"ApiKeyAuth": []}, {"jwtAuth": []}]
ANYONE_ADMIN_SEES_MORE = [{}, *ADMIN]
CUSTOMER_OR_ADMIN = [{"jwtAuth": []}, {"ApiKeyAuth": []}]
CUSTOMER_AWARE = (CartView, CheckoutView)  # anyone may call them; a signed-in customer gets their own cart


@pytest.fixture(scope="module")
def schema(django_db_blocker, tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method.upper(), operation


@pytest.fixture(scope="module")
def views():
    """(path, method) -> the view that answers it, from the URLconf."""
    endpoints = EndpointEnumerator().get_api_endpoints()
    return {(shape(path), method): callback for path, _regex, method, callback in endpoints}


def shape(path: str) -> str:
    """The path with its parameters unnamed (the schema calls `{pk}` `{id}`)."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def expected_security(callback, path: str, method: str):
    """From the view (not from the schema code): its authenticators and permission classes (an @action's own)."""
    view_class, overrides = callback.cls, callback.initkwargs
    if overrides.get("authentication_classes", view_class.authentication_classes) == []:
        return PUBLIC, None
    permissions = overrides.get("permission_classes", view_class.permission_classes)
    if BlendsCustomerOrAdmin in permissions or OrdersCustomerOrAdmin in permissions:
        return CUSTOMER_OR_ADMIN, "scope"
    if IsCustomer in permissions:
        return CUSTOMER, None
    if IsAdminWithScope in permissions:
        return ADMIN, "scope"
    if ReadAnyoneWriteAdmin in permissions:
        return (ANYONE_ADMIN_SEES_MORE, None) if method in SAFE_METHODS else (ADMIN, "scope")
    if AllowAny in permissions:
        return (GUEST_OR_CUSTOMER if issubclass(view_class, CUSTOMER_AWARE) else PUBLIC), None
    raise AssertionError(f"{method} {path}: unknown permission classes {permissions}; teach the schema and this test")


def test_every_operation_declares_what_its_view_accepts(schema, views):
    checked = 0
    for path, method, operation in operations(schema):
        security, scope = expected_security(views[(shape(path), method)], path, method)
        assert "security" in operation, f"{method} {path} must say its security explicitly"
        assert operation["security"] == security, f"{method} {path}"
        if scope:
            assert operation["x-required-scope"], f"{method} {path} names no API key scope"
        else:  # a scope nobody can use (a customer-only operation) would send integrators after the wrong key
            assert "x-required-scope" not in operation, f"{method} {path} is not for API keys but names a scope"
        checked += 1
    assert checked > 50


def test_public_and_protected_operations_read_as_such(schema):
    paths = schema["paths"]

    assert paths["/api/v1/auth/login/"]["post"]["security"] == []
    assert paths["/api/v1/health/"]["get"]["security"] == []
    assert paths["/api/v1/categories/"]["get"]["security"] == []
    assert paths["/api/v1/custom-blends/notes/"]["get"]["security"] == []
    assert {} in paths["/api/v1/products/"]["get"]["security"]
    assert {} in paths["/api/v1/carts/{cart_id}/items/"]["post"]["security"]
    assert paths["/api/v1/carts/{cart_id}/checkout/"]["post"]["security"] == [{}, {"jwtAuth": []}]
    assert paths["/api/v1/customers/profile/"]["get"]["security"] == [{"jwtAuth": []}]
    assert paths["/api/v1/products/"]["post"]["x-required-scope"] == "products:write"
    assert {} not in paths["/api/v1/products/"]["post"]["security"]


def test_component_names_read_well_in_generated_code(schema):
    names = set(schema["components"]["schemas"])
    items = schema["paths"]["/api/v1/carts/{cart_id}/items/"]["post"]

    assert {"Product", "ProductEnvelope", "CartItemCreate", "ErrorEnvelope", "PaginatedProductList"} <= names
    assert "AddressRequest" in names and "Address" in names  # a request body keeps its suffix beside its response
    assert not [name for name in names if "Response200" in name or name.endswith("RequestRequest")]
    assert items["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/CartItemCreate")
    assert items["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith("/CartEnvelope")
    assert schema["paths"]["/api/v1/products/"]["get"]["operationId"] == "products_list"
    assert schema["paths"]["/api/v1/auth/login/"]["post"]["operationId"] == "auth_login"  # an action, not a create


def test_enums_that_share_a_field_name_keep_their_own_values(schema):
    schemas = schema["components"]["schemas"]

    def enum_of(component, field):
        return schemas[schemas[component]["properties"][field]["$ref"].rsplit("/", 1)[-1]]["enum"]

    assert "captured" in enum_of("Payment", "status")
    assert "paid" in enum_of("Order", "payment_status") and "captured" not in enum_of("Order", "payment_status")


def test_every_error_response_is_the_one_documented_error_component(schema):
    error = schema["components"]["schemas"]["ErrorEnvelope"]
    assert error["description"]
    for path, method, operation in operations(schema):
        for code, response in operation["responses"].items():
            if code >= "400":
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ErrorEnvelope"}, f"{method} {path} {code}"


def test_creations_link_to_the_operations_on_what_they_created(schema):
    """OpenAPI links (documentation, and the paths the stateful fuzz in tests/test_fuzz.py follows)."""
    paths = schema["paths"]

    def links(path):
        return paths[path]["post"]["responses"]["201"].get("links", {})

    address = links("/api/v1/customers/addresses/")
    assert set(address) == {"customers_addresses_retrieve", "customers_addresses_partial_update",
                            "customers_addresses_destroy"}
    assert address["customers_addresses_destroy"] == {"operationId": "customers_addresses_destroy",
                                                      "parameters": {"id": "$response.body#/data/id"}}
    assert {"carts_retrieve", "carts_items_create", "carts_checkout"} <= set(links("/api/v1/carts/"))
    assert {"orders_retrieve", "orders_cancel"} <= set(links("/api/v1/carts/{cart_id}/checkout/"))
    assert set(links("/api/v1/products/{id}/variants/")) == {"variants_retrieve", "variants_partial_update",
                                                             "variants_destroy"}
    assert links("/api/v1/carts/{cart_id}/items/") == {}  # answers the cart, not a new item
    operation_ids = {op["operationId"] for item in paths.values() for op in item.values() if "operationId" in op}
    every_link = [link for item in paths.values() for op in item.values() if isinstance(op, dict)
                  for response in op.get("responses", {}).values() for link in response.get("links", {}).values()]
    assert len(every_link) > 40
    assert {link["operationId"] for link in every_link} <= operation_ids
