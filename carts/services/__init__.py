"""Every write of the carts app: carts and lines, codes on carts, discount codes, checkout hooks."""

from carts.services.blend_lines import cart_add_blend_item
from carts.services.cart_codes import cart_apply_discount, cart_remove_discount
from carts.services.carts import (
    MAX_LINE_QUANTITY,
    MAX_LINES,
    cart_add_item,
    cart_create,
    cart_remove_item,
    cart_update,
    cart_update_item,
    carts_expire,
)
from carts.services.checkout import (
    CheckoutDiscounts,
    cart_lock_for_checkout,
    cart_mark_checked_out,
    discount_record_usage,
    discount_validate_for_checkout,
)
from carts.services.discount_admin import (
    discount_create,
    discount_deactivate,
    discount_delete,
    discount_update,
    discount_validate,
)
from carts.services.merge import cart_merge

__all__ = [
    "MAX_LINES",
    "MAX_LINE_QUANTITY",
    "CheckoutDiscounts",
    "cart_add_blend_item",
    "cart_add_item",
    "cart_apply_discount",
    "cart_create",
    "cart_lock_for_checkout",
    "cart_mark_checked_out",
    "cart_merge",
    "cart_remove_discount",
    "cart_remove_item",
    "cart_update",
    "cart_update_item",
    "carts_expire",
    "discount_create",
    "discount_deactivate",
    "discount_delete",
    "discount_record_usage",
    "discount_update",
    "discount_validate",
    "discount_validate_for_checkout",
]
