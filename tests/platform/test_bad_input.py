"""Bad input that used to reach a 500 (or an HTML page): each is now a 4xx in the error envelope."""

import pytest
from django.test import Client

from tests.catalog.factories import ProductFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]


def error_of(response, status) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()["error"]


@pytest.mark.parametrize("path", ["/api/v1/products/\u00b2/", "/api/v1/products/\u0661/",
                                  "/api/v1/products/\u00b2\u00b3/variants/"])
def test_ids_written_with_non_ascii_digits_are_404(api_client, admin_client, path):
    ProductFactory()  # id 1 exists: "\u0661" (Arabic-Indic one) must not reach it

    assert error_of(api_client.get(path), 404)["code"] == "not_found"
    assert error_of(admin_client.get(path), 404)["code"] == "not_found"


def test_cart_item_with_non_ascii_digit_id_is_404(api_client):
    cart = api_client.post("/api/v1/carts/", {}, format="json").json()["data"]

    response = api_client.patch(f"/api/v1/carts/{cart['id']}/items/\u00b2/", {"quantity": 1}, format="json")

    assert error_of(response, 404)["code"] == "not_found"


@pytest.mark.parametrize("body", ["[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000,
                                  '{"email": ' + "[" * 200 + "]" * 200 + "}"])
def test_deeply_nested_json_is_a_400(api_client, body):
    response = api_client.generic("POST", "/api/v1/_test/validate/", body, content_type="application/json")

    error = error_of(response, 400)
    assert error["code"] == "validation_error"
    assert "nested" in error["message"]


def test_deeply_nested_json_is_refused_before_an_idempotent_view_runs(api_client):
    body = '{"amount": ' + "[" * 5000 + "]" * 5000 + "}"

    response = api_client.generic("POST", "/api/v1/_test/carts/c1/checkout/", body, content_type="application/json",
                                  HTTP_IDEMPOTENCY_KEY="deep-1")

    assert error_of(response, 400)["code"] == "validation_error"


@pytest.mark.parametrize("path", ["/api/v1/_test/validate/", "/api/v1/auth/login/",
                                  "/api/v1/_test/carts/c1/checkout/"])
def test_a_body_over_the_upload_limit_is_413_payload_too_large(api_client, settings, path):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"email": "' + "x" * 2000 + '@example.com", "password": "x"}'

    response = api_client.generic("POST", path, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="big")

    error = error_of(response, 413)
    assert error["code"] == "payload_too_large"


@pytest.mark.parametrize(("method", "path"), [
    ("post", "/api/v1/no-such-thing/"), ("patch", "/api/v1/no-such-thing/1/"), ("delete", "/api/v1/nope/"),
    ("post", "/api/v1/carts/not-a-uuid/items/"), ("delete", "/api/v1/customers/addresses/abc/"),
    ("patch", "/api/v1/carts/not-a-uuid/"),
])
def test_unsafe_methods_to_unknown_api_urls_are_404_envelopes_not_csrf_pages(method, path):
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "whatever"  # a browser that also holds an admin session

    response = getattr(client, method)(path, "{}", content_type="application/json")

    assert error_of(response, 404)["code"] == "not_found"
