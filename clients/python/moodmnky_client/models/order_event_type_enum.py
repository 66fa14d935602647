from typing import Literal

OrderEventTypeEnum = Literal[
    "cancelled", "confirmed", "created", "delivered", "fulfilled", "note", "paid", "processing", "refunded", "shipped"
]

ORDER_EVENT_TYPE_ENUM_VALUES: set[OrderEventTypeEnum] = {
    "cancelled",
    "confirmed",
    "created",
    "delivered",
    "fulfilled",
    "note",
    "paid",
    "processing",
    "refunded",
    "shipped",
}


def check_order_event_type_enum(value: str) -> OrderEventTypeEnum:
    if value in ORDER_EVENT_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_EVENT_TYPE_ENUM_VALUES!r}")
