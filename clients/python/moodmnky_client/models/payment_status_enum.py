from typing import Literal

PaymentStatusEnum = Literal["authorized", "captured", "voided"]

PAYMENT_STATUS_ENUM_VALUES: set[PaymentStatusEnum] = {
    "authorized",
    "captured",
    "voided",
}


def check_payment_status_enum(value: str) -> PaymentStatusEnum:
    if value in PAYMENT_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_STATUS_ENUM_VALUES!r}")
