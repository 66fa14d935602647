from typing import Literal

ProductsListSort = Literal["created_at", "name", "price"]

PRODUCTS_LIST_SORT_VALUES: set[ProductsListSort] = {
    "created_at",
    "name",
    "price",
}


def check_products_list_sort(value: str) -> ProductsListSort:
    if value in PRODUCTS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_SORT_VALUES!r}")
