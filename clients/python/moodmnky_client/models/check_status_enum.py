from typing import Literal

CheckStatusEnum = Literal["down", "ok"]

CHECK_STATUS_ENUM_VALUES: set[CheckStatusEnum] = {
    "down",
    "ok",
}


def check_check_status_enum(value: str) -> CheckStatusEnum:
    if value in CHECK_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECK_STATUS_ENUM_VALUES!r}")
