from typing import Literal

ErrorPolicyEnum = Literal["reject_everything", "reject_failed_rows"]

ERROR_POLICY_ENUM_VALUES: set[ErrorPolicyEnum] = {
    "reject_everything",
    "reject_failed_rows",
}


def check_error_policy_enum(value: str) -> ErrorPolicyEnum:
    if value in ERROR_POLICY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_POLICY_ENUM_VALUES!r}")
