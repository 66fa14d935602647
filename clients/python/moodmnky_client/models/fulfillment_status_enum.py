from typing import Literal

FulfillmentStatusEnum = Literal["fulfilled", "partial", "unfulfilled"]

FULFILLMENT_STATUS_ENUM_VALUES: set[FulfillmentStatusEnum] = {
    "fulfilled",
    "partial",
    "unfulfilled",
}


def check_fulfillment_status_enum(value: str) -> FulfillmentStatusEnum:
    if value in FULFILLMENT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FULFILLMENT_STATUS_ENUM_VALUES!r}")
