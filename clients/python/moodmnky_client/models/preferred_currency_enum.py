from typing import Literal

PreferredCurrencyEnum = Literal["AUD", "CAD", "CHF", "DKK", "EUR", "GBP", "JPY", "NOK", "NZD", "SEK", "USD"]

PREFERRED_CURRENCY_ENUM_VALUES: set[PreferredCurrencyEnum] = {
    "AUD",
    "CAD",
    "CHF",
    "DKK",
    "EUR",
    "GBP",
    "JPY",
    "NOK",
    "NZD",
    "SEK",
    "USD",
}


def check_preferred_currency_enum(value: str) -> PreferredCurrencyEnum:
    if value in PREFERRED_CURRENCY_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PREFERRED_CURRENCY_ENUM_VALUES!r}")
