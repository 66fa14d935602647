from typing import Literal

CustomersOrdersListPaymentStatus = Literal["paid", "partially_refunded", "refunded", "unpaid"]

CUSTOMERS_ORDERS_LIST_PAYMENT_STATUS_VALUES: set[CustomersOrdersListPaymentStatus] = {
    "paid",
    "partially_refunded",
    "refunded",
    "unpaid",
}


def check_customers_orders_list_payment_status(value: str) -> CustomersOrdersListPaymentStatus:
    if value in CUSTOMERS_ORDERS_LIST_PAYMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMERS_ORDERS_LIST_PAYMENT_STATUS_VALUES!r}")
