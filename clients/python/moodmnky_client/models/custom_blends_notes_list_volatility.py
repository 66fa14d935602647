from typing import Literal

CustomBlendsNotesListVolatility = Literal["base", "middle", "top"]

CUSTOM_BLENDS_NOTES_LIST_VOLATILITY_VALUES: set[CustomBlendsNotesListVolatility] = {
    "base",
    "middle",
    "top",
}


def check_custom_blends_notes_list_volatility(value: str) -> CustomBlendsNotesListVolatility:
    if value in CUSTOM_BLENDS_NOTES_LIST_VOLATILITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOM_BLENDS_NOTES_LIST_VOLATILITY_VALUES!r}")
