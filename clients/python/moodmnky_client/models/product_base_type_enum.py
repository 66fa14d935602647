from typing import Literal

ProductBaseTypeEnum = Literal["body_oil", "candle", "reed_diffuser", "room_spray", "soap", "wax_melt"]

PRODUCT_BASE_TYPE_ENUM_VALUES: set[ProductBaseTypeEnum] = {
    "body_oil",
    "candle",
    "reed_diffuser",
    "room_spray",
    "soap",
    "wax_melt",
}


def check_product_base_type_enum(value: str) -> ProductBaseTypeEnum:
    if value in PRODUCT_BASE_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCT_BASE_TYPE_ENUM_VALUES!r}")
