from typing import Literal

ProductTypeEnum = Literal[
    "accessory", "body_oil", "candle", "gift_set", "reed_diffuser", "room_spray", "soap", "wax_melt"
]

PRODUCT_TYPE_ENUM_VALUES: set[ProductTypeEnum] = {
    "accessory",
    "body_oil",
    "candle",
    "gift_set",
    "reed_diffuser",
    "room_spray",
    "soap",
    "wax_melt",
}


def check_product_type_enum(value: str) -> ProductTypeEnum:
    if value in PRODUCT_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCT_TYPE_ENUM_VALUES!r}")
