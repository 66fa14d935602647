from typing import Literal

ProductsListStatus = Literal["active", "archived", "draft"]

PRODUCTS_LIST_STATUS_VALUES: set[ProductsListStatus] = {
    "active",
    "archived",
    "draft",
}


def check_products_list_status(value: str) -> ProductsListStatus:
    if value in PRODUCTS_LIST_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_STATUS_VALUES!r}")
