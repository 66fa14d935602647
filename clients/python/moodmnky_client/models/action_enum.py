from typing import Literal

ActionEnum = Literal[
    "address_created",
    "address_deleted",
    "address_updated",
    "anonymized",
    "password_changed",
    "password_reset",
    "profile_updated",
]

ACTION_ENUM_VALUES: set[ActionEnum] = {
    "address_created",
    "address_deleted",
    "address_updated",
    "anonymized",
    "password_changed",
    "password_reset",
    "profile_updated",
}


def check_action_enum(value: str) -> ActionEnum:
    if value in ACTION_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTION_ENUM_VALUES!r}")
