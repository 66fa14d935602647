from typing import Literal

CustomBlendsListStatus = Literal["approved", "draft", "rejected", "submitted"]

CUSTOM_BLENDS_LIST_STATUS_VALUES: set[CustomBlendsListStatus] = {
    "approved",
    "draft",
    "rejected",
    "submitted",
}


def check_custom_blends_list_status(value: str) -> CustomBlendsListStatus:
    if value in CUSTOM_BLENDS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOM_BLENDS_LIST_STATUS_VALUES!r}")
