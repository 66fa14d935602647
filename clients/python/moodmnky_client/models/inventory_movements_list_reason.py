from typing import Literal

InventoryMovementsListReason = Literal["adjustment", "cancel", "damage", "receive", "refund", "return", "sale"]

INVENTORY_MOVEMENTS_LIST_REASON_VALUES: set[InventoryMovementsListReason] = {
    "adjustment",
    "cancel",
    "damage",
    "receive",
    "refund",
    "return",
    "sale",
}


def check_inventory_movements_list_reason(value: str) -> InventoryMovementsListReason:
    if value in INVENTORY_MOVEMENTS_LIST_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVENTORY_MOVEMENTS_LIST_REASON_VALUES!r}")
