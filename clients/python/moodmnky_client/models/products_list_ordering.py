from typing import Literal

ProductsListOrdering = Literal["-created_at", "-name", "-price", "created_at", "name", "price"]

PRODUCTS_LIST_ORDERING_VALUES: set[ProductsListOrdering] = {
    "-created_at",
    "-name",
    "-price",
    "created_at",
    "name",
    "price",
}


def check_products_list_ordering(value: str) -> ProductsListOrdering:
    if value in PRODUCTS_LIST_ORDERING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_ORDERING_VALUES!r}")
