from typing import Literal

ShippingMethodEnum = Literal["express", "standard"]

SHIPPING_METHOD_ENUM_VALUES: set[ShippingMethodEnum] = {
    "express",
    "standard",
}


def check_shipping_method_enum(value: str) -> ShippingMethodEnum:
    if value in SHIPPING_METHOD_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHIPPING_METHOD_ENUM_VALUES!r}")
