from typing import Literal

BulkItemStatus = Literal["error", "ok"]

BULK_ITEM_STATUS_VALUES: set[BulkItemStatus] = {
    "error",
    "ok",
}


def check_bulk_item_status(value: str) -> BulkItemStatus:
    if value in BULK_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BULK_ITEM_STATUS_VALUES!r}")
