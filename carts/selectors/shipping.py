"""Shipping estimates: every method's cost for a cart and its delivery window."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from carts.business_days import business_days_add
from carts.models import Cart
from carts.pricing import money
from carts.selectors.prices import cart_price
from moodmnky.money import store_currency


@dataclass
class ShippingEstimate:
    method: str
    carrier: str
    cost: Decimal
    currency: str
    estimated_delivery_min: date
    estimated_delivery_max: date
    selected: bool


def cart_shipping_estimates(cart: Cart, *, today: date | None = None) -> dict:
    """Every method's cost for this cart (codes and the free-shipping threshold included) and its
    delivery window in business days from today. An empty cart shows the flat rates."""
    today = today or timezone.now().date()
    estimates = []
    spent = Decimal("0.00")  # merchandise after discounts: the same whatever the method
    for method, rate in settings.SHIPPING_RATES.items():
        priced = cart_price(cart, shipping_method=method)
        spent = priced.totals.subtotal - priced.totals.discount_total
        cost = priced.totals.shipping_total if priced.lines else money(rate["cost"])
        low, high = rate["days"]
        estimates.append(ShippingEstimate(
            method=method, carrier=rate["carrier"], cost=cost, currency=store_currency(),
            estimated_delivery_min=business_days_add(today, low),
            estimated_delivery_max=business_days_add(today, high), selected=method == cart.shipping_method,
        ))
    threshold = money(settings.FREE_SHIPPING_THRESHOLD)
    return {
        "estimates": estimates,
        "free_shipping_threshold": threshold,
        "amount_to_free_shipping": max(threshold - spent, Decimal("0.00")),
        "currency": store_currency(),
    }
