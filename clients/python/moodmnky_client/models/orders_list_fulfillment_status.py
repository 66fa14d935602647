from typing import Literal

OrdersListFulfillmentStatus = Literal["fulfilled", "partial", "unfulfilled"]

ORDERS_LIST_FULFILLMENT_STATUS_VALUES: set[OrdersListFulfillmentStatus] = {
    "fulfilled",
    "partial",
    "unfulfilled",
}


def check_orders_list_fulfillment_status(value: str) -> OrdersListFulfillmentStatus:
    if value in ORDERS_LIST_FULFILLMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDERS_LIST_FULFILLMENT_STATUS_VALUES!r}")
