from typing import Literal

CustomersListIsActive = Literal["false", "true"]

CUSTOMERS_LIST_IS_ACTIVE_VALUES: set[CustomersListIsActive] = {
    "false",
    "true",
}


def check_customers_list_is_active(value: str) -> CustomersListIsActive:
    if value in CUSTOMERS_LIST_IS_ACTIVE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMERS_LIST_IS_ACTIVE_VALUES!r}")
