from typing import Literal

DiscountStateEnum = Literal["active", "exhausted", "expired", "inactive", "scheduled"]

DISCOUNT_STATE_ENUM_VALUES: set[DiscountStateEnum] = {
    "active",
    "exhausted",
    "expired",
    "inactive",
    "scheduled",
}


def check_discount_state_enum(value: str) -> DiscountStateEnum:
    if value in DISCOUNT_STATE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCOUNT_STATE_ENUM_VALUES!r}")
