from typing import Literal

InventoryListLowStock = Literal["false", "true"]

INVENTORY_LIST_LOW_STOCK_VALUES: set[InventoryListLowStock] = {
    "false",
    "true",
}


def check_inventory_list_low_stock(value: str) -> InventoryListLowStock:
    if value in INVENTORY_LIST_LOW_STOCK_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVENTORY_LIST_LOW_STOCK_VALUES!r}")
