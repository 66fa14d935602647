"""Every read of the carts app. Import from here: `from carts import selectors`."""

from carts.selectors.carts import (
    cart_abandoned,
    cart_accessible,
    cart_get,
    cart_load,
    cart_loaded_with,
    cart_queryset,
    cart_row,
)
from carts.selectors.discounts import discount_list, discount_state_q, discount_with_usage_counts
from carts.selectors.prices import (
    PricedCart,
    PricedCode,
    PricedLine,
    cart_item_line_input,
    cart_line_inputs,
    cart_price,
    shipping_method_input,
)
from carts.selectors.shipping import ShippingEstimate, cart_shipping_estimates

__all__ = [
    "PricedCart", "PricedCode", "PricedLine", "ShippingEstimate", "cart_abandoned", "cart_accessible", "cart_get",
    "cart_item_line_input", "cart_line_inputs",
    "cart_load", "cart_loaded_with", "cart_price", "cart_queryset", "cart_row", "cart_shipping_estimates",
    "discount_list", "discount_state_q", "discount_with_usage_counts", "shipping_method_input",
]
