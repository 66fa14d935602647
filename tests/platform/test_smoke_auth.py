import pytest

pytestmark = pytest.mark.django_db


def test_register_then_login_returns_enveloped_tokens(api_client):
    response = api_client.post("/api/v1/auth/register/", {"email": "Ada@Example.com", "password": "a-long-passphrase-1",
                                                          "first_name": "Ada", "last_name": "L"}, format="json")

    assert response.status_code == 201, response.content
    body = response.json()["data"]
    assert body["customer"]["email"] == "ada@example.com"
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900

    login = api_client.post("/api/v1/auth/login/", {"email": "ADA@example.com", "password": "a-long-passphrase-1"},
                            format="json")
    assert login.status_code == 200
    assert set(login.json()["data"]) == {"access_token", "refresh_token", "expires_in", "token_type"}


def test_unknown_api_url_is_enveloped_404(api_client):
    response = api_client.get("/api/v1/nope/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response["X-Request-ID"]
