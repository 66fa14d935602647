from typing import Literal

StatusEnum = Literal["degraded", "down", "ok"]

STATUS_ENUM_VALUES: set[StatusEnum] = {
    "degraded",
    "down",
    "ok",
}


def check_status_enum(value: str) -> StatusEnum:
    if value in STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_ENUM_VALUES!r}")
