from typing import Literal

VolatilityEnum = Literal["base", "middle", "top"]

VOLATILITY_ENUM_VALUES: set[VolatilityEnum] = {
    "base",
    "middle",
    "top",
}


def check_volatility_enum(value: str) -> VolatilityEnum:
    if value in VOLATILITY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VOLATILITY_ENUM_VALUES!r}")
