from typing import Literal

ReminderFrequencyEnum = Literal["monthly", "never", "quarterly", "weekly"]

REMINDER_FREQUENCY_ENUM_VALUES: set[ReminderFrequencyEnum] = {
    "monthly",
    "never",
    "quarterly",
    "weekly",
}


def check_reminder_frequency_enum(value: str) -> ReminderFrequencyEnum:
    if value in REMINDER_FREQUENCY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REMINDER_FREQUENCY_ENUM_VALUES!r}")
