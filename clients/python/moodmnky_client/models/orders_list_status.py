from typing import Literal

OrdersListStatus = Literal["cancelled", "confirmed", "delivered", "pending", "processing", "shipped"]

ORDERS_LIST_STATUS_VALUES: set[OrdersListStatus] = {
    "cancelled",
    "confirmed",
    "delivered",
    "pending",
    "processing",
    "shipped",
}


def check_orders_list_status(value: str) -> OrdersListStatus:
    if value in ORDERS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDERS_LIST_STATUS_VALUES!r}")
