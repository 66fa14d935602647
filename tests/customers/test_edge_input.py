import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("method", "path", "body"), [
    ("get", "/api/v1/customers/addresses/99999999999999999999999/", None),
    ("patch", "/api/v1/customers/addresses/99999999999999999999999/", {"city": "X"}),
    ("patch", "/api/v1/customers/profile/", {"email": None}),
    ("patch", "/api/v1/customers/profile/", {"phone": None}),
    ("patch", "/api/v1/customers/profile/", {"preferences": None}),
    ("patch", "/api/v1/customers/profile/", {"first_name": "a\x00b"}),
    ("patch", "/api/v1/customers/profile/", ["not", "an", "object"]),
    ("post", "/api/v1/customers/addresses/", {"country": None, "first_name": 5}),
    ("post", "/api/v1/customers/addresses/", {"country": "U\x00"}),
    ("post", "/api/v1/customers/addresses/", []),
    ("delete", "/api/v1/customers/profile/", {"password": None}),
    ("post", "/api/v1/customers/profile/password/", {"current_password": ["x"], "new_password": {}}),
])
def test_bad_input_is_a_4xx_never_a_500(customer_client, method, path, body):
    response = getattr(customer_client, method)(path, body, format="json")

    assert 400 <= response.status_code < 500, response.content
    assert "error" in response.json()


def test_huge_customer_id_is_404_for_admins(admin_client):
    assert admin_client.get("/api/v1/customers/99999999999999999999999/").status_code == 404
