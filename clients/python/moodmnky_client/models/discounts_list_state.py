from typing import Literal

DiscountsListState = Literal["active", "exhausted", "expired", "inactive", "scheduled"]

DISCOUNTS_LIST_STATE_VALUES: set[DiscountsListState] = {
    "active",
    "exhausted",
    "expired",
    "inactive",
    "scheduled",
}


def check_discounts_list_state(value: str) -> DiscountsListState:
    if value in DISCOUNTS_LIST_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCOUNTS_LIST_STATE_VALUES!r}")
