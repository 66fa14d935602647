from typing import Literal

PaymentStatusEnum = Literal["paid", "partially_refunded", "refunded", "unpaid"]

PAYMENT_STATUS_ENUM_VALUES: set[PaymentStatusEnum] = {
    "paid",
    "partially_refunded",
    "refunded",
    "unpaid",
}


def check_payment_status_enum(value: str) -> PaymentStatusEnum:
    if value in PAYMENT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_STATUS_ENUM_VALUES!r}")
