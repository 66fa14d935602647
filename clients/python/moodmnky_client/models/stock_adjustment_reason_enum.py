from typing import Literal

StockAdjustmentReasonEnum = Literal["adjustment", "damage", "receive", "return"]

STOCK_ADJUSTMENT_REASON_ENUM_VALUES: set[StockAdjustmentReasonEnum] = {
    "adjustment",
    "damage",
    "receive",
    "return",
}


def check_stock_adjustment_reason_enum(value: str) -> StockAdjustmentReasonEnum:
    if value in STOCK_ADJUSTMENT_REASON_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STOCK_ADJUSTMENT_REASON_ENUM_VALUES!r}")
