from typing import Literal

TypeEnum = Literal["adjust", "earn", "redeem", "reverse"]

TYPE_ENUM_VALUES: set[TypeEnum] = {
    "adjust",
    "earn",
    "redeem",
    "reverse",
}


def check_type_enum(value: str) -> TypeEnum:
    if value in TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TYPE_ENUM_VALUES!r}")
