from typing import Literal

DiscountsListType = Literal["fixed_amount", "free_shipping", "percentage"]

DISCOUNTS_LIST_TYPE_VALUES: set[DiscountsListType] = {
    "fixed_amount",
    "free_shipping",
    "percentage",
}


def check_discounts_list_type(value: str) -> DiscountsListType:
    if value in DISCOUNTS_LIST_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCOUNTS_LIST_TYPE_VALUES!r}")
