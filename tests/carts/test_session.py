"""A whole storefront session against the API: guest cart, codes, estimates, login, merge."""

from decimal import Decimal

import pytest

from tests.carts.factories import DiscountCodeFactory, VariantFactory
from tests.customers.factories import PASSWORD, CustomerFactory

pytestmark = pytest.mark.django_db


def _money_identity_holds(cart):
    total = (Decimal(cart["subtotal"]) - Decimal(cart["discount_total"]) + Decimal(cart["shipping_total"])
             + Decimal(cart["tax_total"]))
    return total == Decimal(cart["total"])


def test_guest_session_then_login_and_merge(api_client, settings):
    settings.TAX_RATE = Decimal("0.08")
    candle = VariantFactory(price=Decimal("32.00"), quantity=10)
    melt = VariantFactory(price=Decimal("9.50"), quantity=10)
    DiscountCodeFactory(code="WELCOME10", value=Decimal("10"))
    customer = CustomerFactory(email="casey@example.com")

    cart_id = api_client.post("/api/v1/carts/", {}, format="json").json()["data"]["id"]
    api_client.post(f"/api/v1/carts/{cart_id}/items/", {"variant_id": candle.pk, "quantity": 2}, format="json")
    api_client.post(f"/api/v1/carts/{cart_id}/items/", {"variant_id": melt.pk, "quantity": 1}, format="json")
    guest = api_client.post(f"/api/v1/carts/{cart_id}/discounts/", {"code": "welcome10"}, format="json")
    estimates = api_client.post(f"/api/v1/carts/{cart_id}/shipping-estimates/",
                                {"address": {"country": "US", "postal_code": "10001"}}, format="json")

    guest_cart = guest.json()["data"]
    # 64.00 + 9.50 = 73.50; 10 % = 7.35; 66.15 < 75 so standard shipping 6.95;
    # tax 8 % per line: candle 57.60 → 4.61 (4.608), melt 8.55 → 0.68 (0.684) = 5.29
    assert (guest_cart["subtotal"], guest_cart["discount_total"], guest_cart["shipping_total"],
            guest_cart["tax_total"], guest_cart["total"]) == ("73.50", "7.35", "6.95", "5.29", "78.39")
    assert _money_identity_holds(guest_cart)
    assert estimates.json()["data"]["amount_to_free_shipping"] == "8.85"

    login = api_client.post("/api/v1/auth/login/", {"email": customer.email, "password": PASSWORD},
                            format="json")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {login.json()['data']['access_token']}")
    merged = api_client.post(f"/api/v1/carts/{cart_id}/merge/", {}, format="json").json()["data"]
    api_client.post(f"/api/v1/carts/{merged['id']}/items/", {"variant_id": melt.pk, "quantity": 1}, format="json")
    final = api_client.get(f"/api/v1/carts/{merged['id']}/").json()["data"]

    assert merged["customer"] == customer.pk and merged["id"] != cart_id
    # 64.00 + 19.00 = 83.00; −8.30 = 74.70 still under 75.00: shipping stays
    assert (final["subtotal"], final["discount_total"], final["shipping_total"]) == ("83.00", "8.30", "6.95")
    assert [code["code"] for code in final["discount_codes"]] == ["WELCOME10"]
    assert _money_identity_holds(final)
    anonymous = api_client.__class__()
    assert anonymous.get(f"/api/v1/carts/{merged['id']}/").status_code == 404
