from typing import Literal

StockMovementReasonEnum = Literal["adjustment", "cancel", "damage", "receive", "refund", "return", "sale"]

STOCK_MOVEMENT_REASON_ENUM_VALUES: set[StockMovementReasonEnum] = {
    "adjustment",
    "cancel",
    "damage",
    "receive",
    "refund",
    "return",
    "sale",
}


def check_stock_movement_reason_enum(value: str) -> StockMovementReasonEnum:
    if value in STOCK_MOVEMENT_REASON_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STOCK_MOVEMENT_REASON_ENUM_VALUES!r}")
