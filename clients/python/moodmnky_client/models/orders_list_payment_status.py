from typing import Literal

OrdersListPaymentStatus = Literal["paid", "partially_refunded", "refunded", "unpaid"]

ORDERS_LIST_PAYMENT_STATUS_VALUES: set[OrdersListPaymentStatus] = {
    "paid",
    "partially_refunded",
    "refunded",
    "unpaid",
}


def check_orders_list_payment_status(value: str) -> OrdersListPaymentStatus:
    if value in ORDERS_LIST_PAYMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDERS_LIST_PAYMENT_STATUS_VALUES!r}")
