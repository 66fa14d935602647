from typing import Literal

CustomersOrdersListFulfillmentStatus = Literal["fulfilled", "partial", "unfulfilled"]

CUSTOMERS_ORDERS_LIST_FULFILLMENT_STATUS_VALUES: set[CustomersOrdersListFulfillmentStatus] = {
    "fulfilled",
    "partial",
    "unfulfilled",
}


def check_customers_orders_list_fulfillment_status(value: str) -> CustomersOrdersListFulfillmentStatus:
    if value in CUSTOMERS_ORDERS_LIST_FULFILLMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMERS_ORDERS_LIST_FULFILLMENT_STATUS_VALUES!r}")
