from typing import Literal

LoyaltyTransactionTypeEnum = Literal["adjust", "earn", "redeem", "reverse"]

LOYALTY_TRANSACTION_TYPE_ENUM_VALUES: set[LoyaltyTransactionTypeEnum] = {
    "adjust",
    "earn",
    "redeem",
    "reverse",
}


def check_loyalty_transaction_type_enum(value: str) -> LoyaltyTransactionTypeEnum:
    if value in LOYALTY_TRANSACTION_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOYALTY_TRANSACTION_TYPE_ENUM_VALUES!r}")
