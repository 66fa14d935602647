from typing import Literal

ShippingMethod = Literal["express", "standard"]

SHIPPING_METHOD_VALUES: set[ShippingMethod] = {
    "express",
    "standard",
}


def check_shipping_method(value: str) -> ShippingMethod:
    if value in SHIPPING_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHIPPING_METHOD_VALUES!r}")
