from typing import Literal

CustomersOrdersListStatus = Literal["cancelled", "confirmed", "delivered", "pending", "processing", "shipped"]

CUSTOMERS_ORDERS_LIST_STATUS_VALUES: set[CustomersOrdersListStatus] = {
    "cancelled",
    "confirmed",
    "delivered",
    "pending",
    "processing",
    "shipped",
}


def check_customers_orders_list_status(value: str) -> CustomersOrdersListStatus:
    if value in CUSTOMERS_ORDERS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMERS_ORDERS_LIST_STATUS_VALUES!r}")
