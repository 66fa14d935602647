import pytest

from tests.carts.factories import VariantFactory


@pytest.fixture
def variant(db):
    return VariantFactory()


@pytest.fixture
def guest_cart_id(api_client):
    response = api_client.post("/api/v1/carts/", {}, format="json")
    assert response.status_code == 201, response.content
    return response.json()["data"]["id"]
