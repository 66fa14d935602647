from typing import Literal

ProductsListInStock = Literal["false", "true"]

PRODUCTS_LIST_IN_STOCK_VALUES: set[ProductsListInStock] = {
    "false",
    "true",
}


def check_products_list_in_stock(value: str) -> ProductsListInStock:
    if value in PRODUCTS_LIST_IN_STOCK_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_IN_STOCK_VALUES!r}")
