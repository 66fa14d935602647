from typing import Literal

OrderStatusEnum = Literal["cancelled", "confirmed", "delivered", "pending", "processing", "shipped"]

ORDER_STATUS_ENUM_VALUES: set[OrderStatusEnum] = {
    "cancelled",
    "confirmed",
    "delivered",
    "pending",
    "processing",
    "shipped",
}


def check_order_status_enum(value: str) -> OrderStatusEnum:
    if value in ORDER_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_STATUS_ENUM_VALUES!r}")
