from typing import Literal

OrderPaymentStatusEnum = Literal["paid", "partially_refunded", "refunded", "unpaid"]

ORDER_PAYMENT_STATUS_ENUM_VALUES: set[OrderPaymentStatusEnum] = {
    "paid",
    "partially_refunded",
    "refunded",
    "unpaid",
}


def check_order_payment_status_enum(value: str) -> OrderPaymentStatusEnum:
    if value in ORDER_PAYMENT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_PAYMENT_STATUS_ENUM_VALUES!r}")
