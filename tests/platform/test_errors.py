import json

import pytest
from django.db import InterfaceError

from moodmnky.urls import server_error

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]


def error_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) >= {"status", "code", "message", "details", "request_id"}
    assert body["error"]["status"] == status
    assert body["error"]["request_id"] == response["X-Request-ID"]
    return body["error"]


def test_success_body_is_wrapped_in_data(api_client):
    response = api_client.post("/api/v1/_test/validate/", {
        "email": "a@example.com", "shipping_address": {"postal_code": "10001", "country": "US"},
        "items": [{"quantity": 2}]}, format="json")

    assert response.status_code == 200
    assert response.json() == {"data": {"email": "a@example.com",
                                        "shipping_address": {"postal_code": "10001", "country": "US"},
                                        "items": [{"quantity": 2}]}}


def test_validation_error_names_nested_fields_and_list_indexes(api_client):
    response = api_client.post("/api/v1/_test/validate/", {
        "email": "not-an-email", "shipping_address": {"country": "USA"},
        "items": [{"quantity": 1}, {"quantity": 1}, {"quantity": 0}]}, format="json")

    error = error_of(response, 400)
    assert error["code"] == "validation_error"
    fields = {detail["field"] for detail in error["details"]}
    assert fields == {"email", "shipping_address.postal_code", "shipping_address.country", "items.2.quantity"}
    required = next(d for d in error["details"] if d["field"] == "shipping_address.postal_code")
    assert required["message"] == "This field is required."


def test_malformed_json_is_a_validation_error(api_client):
    response = api_client.generic("POST", "/api/v1/_test/validate/", '{"email": ', content_type="application/json")

    error = error_of(response, 400)
    assert error["code"] == "validation_error"
    assert "JSON" in error["message"]


def test_unsupported_media_type_is_415(api_client):
    response = api_client.generic("POST", "/api/v1/_test/validate/", "email=a@example.com",
                                  content_type="application/x-www-form-urlencoded")

    assert error_of(response, 415)["code"] == "unsupported_media_type"


def test_wrong_method_is_405(api_client):
    response = api_client.delete("/api/v1/_test/validate/")

    assert error_of(response, 405)["code"] == "method_not_allowed"


def test_unknown_api_url_is_404_in_the_envelope(api_client):
    response = api_client.get("/api/v1/no-such-thing/")

    error = error_of(response, 404)
    assert error["code"] == "not_found"
    assert error["details"] == []


def test_unknown_url_outside_the_api_keeps_djangos_page(api_client):
    response = api_client.get("/no-such-page/")

    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_crash_is_an_enveloped_500_without_traceback(api_client):
    response = api_client.get("/api/v1/_test/boom/")

    error = error_of(response, 500)
    assert error["code"] == "internal_error"
    assert "secret internals" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_lost_database_is_an_enveloped_503_to_retry(api_client):
    response = api_client.get("/api/v1/_test/boom/?database=lost")

    assert error_of(response, 503)["code"] == "service_unavailable"
    assert response["Retry-After"] == "1"
    assert "administrator command" not in response.content.decode()


def test_lost_database_outside_a_view_is_a_503_too(rf):
    request = rf.get("/api/v1/products/")
    request.request_id = "req-1"

    try:
        raise InterfaceError("connection already closed")  # e.g. in a middleware, before any view
    except InterfaceError:
        response = server_error(request)

    assert response.status_code == 503 and response["Retry-After"] == "1"
    assert json.loads(response.content)["error"]["code"] == "service_unavailable"


def test_missing_credentials_is_401_not_authenticated(api_client):
    response = api_client.get("/api/v1/_test/admin/")

    assert error_of(response, 401)["code"] == "not_authenticated"


def test_garbage_bearer_token_is_401_invalid_token(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.jwt")

    response = api_client.get("/api/v1/_test/admin/")

    assert error_of(response, 401)["code"] == "invalid_token"


def test_customer_token_on_admin_endpoint_is_403_permission_denied(customer_client):
    response = customer_client.get("/api/v1/_test/admin/")

    assert error_of(response, 403)["code"] == "permission_denied"


def test_api_key_without_scope_is_403_insufficient_scope(make_admin_client):
    client = make_admin_client("orders:read")

    assert client.get("/api/v1/_test/admin/").status_code == 200
    error = error_of(client.post("/api/v1/_test/admin/", {}, format="json"), 403)
    assert error["code"] == "insufficient_scope"
    assert "orders:write" in error["message"]


def test_write_scope_includes_read(make_admin_client):
    client = make_admin_client("orders:write")

    assert client.get("/api/v1/_test/admin/").status_code == 200


def test_request_id_is_echoed_or_generated(api_client):
    echoed = api_client.get("/api/v1/health/", HTTP_X_REQUEST_ID="req-abc.123")
    generated = api_client.get("/api/v1/health/")
    unsafe = api_client.get("/api/v1/health/", HTTP_X_REQUEST_ID="bad id\nwith newline")

    assert echoed["X-Request-ID"] == "req-abc.123"
    assert len(generated["X-Request-ID"]) == 32
    assert unsafe["X-Request-ID"] != "bad id\nwith newline"


def test_value_out_of_database_range_is_400_not_500(api_client, monkeypatch):
    from tests.platform import views

    def overflow(self, request):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(views.BoomView, "get", overflow)

    error = error_of(api_client.get("/api/v1/_test/boom/"), 400)
    assert error["code"] == "validation_error"
    assert error["message"] == "A value in the request is out of range."


@pytest.mark.parametrize("value, ok", [
    ("2026-11-27T10:00:00Z", True), ("2026-11-27T10:00:00+14:00", True), ("2026-11-27T10:00:00-11:30", True),
    ("6671-11-19T10:27:03.7+17:22", False), ("2026-13-01T00:00:00Z", False), ("0001-01-01T00:00:00+01:00", False),
])
def test_datetime_filters_accept_real_offsets_only(value, ok):
    from django.core.exceptions import ValidationError

    from moodmnky.api.filters import UTCDateTimeField

    field = UTCDateTimeField()
    if ok:
        assert field.clean(value).utcoffset().total_seconds() == 0
    else:
        with pytest.raises(ValidationError):
            field.clean(value)


def test_movement_filter_with_impossible_offset_is_400(admin_client):
    response = admin_client.get("/api/v1/inventory/movements/", {"created_before": "6671-11-19T10:27:03.7+17:22"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "created_before"


def test_unsupported_method_is_405_even_without_credentials(api_client):
    assert error_of(api_client.put("/api/v1/products/", {}), 405)["code"] == "method_not_allowed"
    assert error_of(api_client.put("/api/v1/_test/admin/", {}), 405)["code"] == "method_not_allowed"
    assert error_of(api_client.get("/api/v1/_test/admin/"), 401)["code"] == "not_authenticated"


@pytest.mark.parametrize("value", ["99999999999999999999", "0", "1.5", "-3"])
def test_id_filters_refuse_impossible_ids_naming_the_parameter(admin_client, value):
    response = admin_client.get("/api/v1/inventory/movements/", {"variant_id": value})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "variant_id"
