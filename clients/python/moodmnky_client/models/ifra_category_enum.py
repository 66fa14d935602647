from typing import Literal

IfraCategoryEnum = Literal[
    "1", "10A", "10B", "11A", "11B", "12", "2", "3", "4", "5A", "5B", "5C", "5D", "6", "7A", "7B", "8", "9"
]

IFRA_CATEGORY_ENUM_VALUES: set[IfraCategoryEnum] = {
    "1",
    "10A",
    "10B",
    "11A",
    "11B",
    "12",
    "2",
    "3",
    "4",
    "5A",
    "5B",
    "5C",
    "5D",
    "6",
    "7A",
    "7B",
    "8",
    "9",
}


def check_ifra_category_enum(value: str) -> IfraCategoryEnum:
    if value in IFRA_CATEGORY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IFRA_CATEGORY_ENUM_VALUES!r}")
