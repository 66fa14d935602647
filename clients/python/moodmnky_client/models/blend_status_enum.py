from typing import Literal

BlendStatusEnum = Literal["approved", "draft", "rejected", "submitted"]

BLEND_STATUS_ENUM_VALUES: set[BlendStatusEnum] = {
    "approved",
    "draft",
    "rejected",
    "submitted",
}


def check_blend_status_enum(value: str) -> BlendStatusEnum:
    if value in BLEND_STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BLEND_STATUS_ENUM_VALUES!r}")
