from typing import Literal

ProductsListProductType = Literal[
    "accessory", "body_oil", "candle", "gift_set", "reed_diffuser", "room_spray", "soap", "wax_melt"
]

PRODUCTS_LIST_PRODUCT_TYPE_VALUES: set[ProductsListProductType] = {
    "accessory",
    "body_oil",
    "candle",
    "gift_set",
    "reed_diffuser",
    "room_spray",
    "soap",
    "wax_melt",
}


def check_products_list_product_type(value: str) -> ProductsListProductType:
    if value in PRODUCTS_LIST_PRODUCT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCTS_LIST_PRODUCT_TYPE_VALUES!r}")
