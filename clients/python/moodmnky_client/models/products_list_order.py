from typing import Literal

ProductsListOrder = Literal["asc", "desc"]

PRODUCTS_LIST_ORDER_VALUES: set[ProductsListOrder] = {
    "asc",
    "desc",
}


def check_products_list_order(value: str) -> ProductsListOrder:
    if value in PRODUCTS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_ORDER_VALUES!r}")
