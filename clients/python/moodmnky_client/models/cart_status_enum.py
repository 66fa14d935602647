from typing import Literal

CartStatusEnum = Literal["checked_out", "merged", "open"]

CART_STATUS_ENUM_VALUES: set[CartStatusEnum] = {
    "checked_out",
    "merged",
    "open",
}


def check_cart_status_enum(value: str) -> CartStatusEnum:
    if value in CART_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CART_STATUS_ENUM_VALUES!r}")
