"""Address and phone rules shared by profiles, saved addresses and checkout addresses: each checker returns
the normalised value or raises ValidationFailedError naming the field."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from customers.countries import COUNTRIES
from moodmnky.errors import ValidationFailedError

# E.164: a "+", a country code that does not start with 0, and at most 15 digits in all. We need
# the country code because numbers without one are ambiguous; "00" (the international call
# prefix) is accepted in place of "+". Spaces, dots, hyphens and parentheses are dropped.
PHONE_RE = re.compile(r"\+[1-9]\d{6,14}")
PHONE_MESSAGE = "Enter the number in international format with its country code, e.g. +14155550123."
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")

_LETTERS = "ABCEGHJ-NPRSTV-Z"  # Canadian postal codes never use D F I O Q U


def _split(separator: str, tail: int) -> Callable[[str], str]:
    return lambda code: f"{code[:-tail]}{separator}{code[-tail:]}"


@dataclass(frozen=True)
class PostalCodeRule:
    pattern: str  # full match on the code upper-cased with spaces and hyphens removed
    example: str
    canonical: Callable[[str], str] = str
    required: bool = True


POSTAL_CODE_RULES: dict[str, PostalCodeRule] = {
    "US": PostalCodeRule(r"\d{5}(\d{4})?", "94103 or 94103-1234",
                         lambda code: code if len(code) == 5 else f"{code[:5]}-{code[5:]}"),
    "CA": PostalCodeRule(rf"[ABCEGHJ-NPRSTVXY]\d[{_LETTERS}]\d[{_LETTERS}]\d", "K1A 0B1", _split(" ", 3)),
    "GB": PostalCodeRule(r"GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}", "SW1A 1AA", _split(" ", 3)),
    "DE": PostalCodeRule(r"\d{5}", "10115"),
    "FR": PostalCodeRule(r"\d{5}", "75008"),
    "AU": PostalCodeRule(r"\d{4}", "2000"),
    "NL": PostalCodeRule(r"[1-9]\d{3}[A-Z]{2}", "1012 AB", _split(" ", 2)),
    "IT": PostalCodeRule(r"\d{5}", "00184"),
    "ES": PostalCodeRule(r"(0[1-9]|[1-4]\d|5[0-2])\d{3}", "28013"),
    "BE": PostalCodeRule(r"[1-9]\d{3}", "1000"),
    "AT": PostalCodeRule(r"[1-9]\d{3}", "1010"),
    "CH": PostalCodeRule(r"[1-9]\d{3}", "8001"),
    "DK": PostalCodeRule(r"\d{4}", "1050"),
    "NO": PostalCodeRule(r"\d{4}", "0150"),
    "SE": PostalCodeRule(r"\d{5}", "114 55", _split(" ", 2)),
    "PL": PostalCodeRule(r"\d{5}", "00-950", _split("-", 3)),
    "PT": PostalCodeRule(r"\d{7}", "1100-148", _split("-", 3)),
    "JP": PostalCodeRule(r"\d{7}", "100-0001", _split("-", 4)),
    "NZ": PostalCodeRule(r"\d{4}", "6011"),
    # Eircodes are optional: many Irish addresses are still written without one.
    "IE": PostalCodeRule(r"([AC-FHKNPRTV-Y]\d{2}|D6W)[0-9AC-FHKNPRTV-Y]{4}", "D02 X285", _split(" ", 4),
                         required=False),
}
OTHER_POSTAL_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9 \-]{0,15}")

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands", "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands", "UM": "U.S. Minor Outlying Islands",
    "AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}
CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
    "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
}
AU_STATES = {
    "ACT": "Australian Capital Territory", "NSW": "New South Wales", "NT": "Northern Territory",
    "QLD": "Queensland", "SA": "South Australia", "TAS": "Tasmania", "VIC": "Victoria", "WA": "Western Australia",
}
# Countries whose addresses need a state/province, stored as its code (a full name is accepted).
REGIONS: dict[str, dict[str, str]] = {"US": US_STATES, "CA": CA_PROVINCES, "AU": AU_STATES}


def normalize_phone(value: str, *, field: str = "phone") -> str:
    """'' stays ''; anything else becomes +<digits> or is refused."""
    value = (value or "").strip()
    if not value:
        return ""
    compact = _PHONE_SEPARATORS.sub("", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not PHONE_RE.fullmatch(compact):
        raise ValidationFailedError(PHONE_MESSAGE, field=field)
    return compact


def normalize_country(value: str, *, field: str = "country") -> str:
    code = (value or "").strip().upper()
    if code not in COUNTRIES:
        raise ValidationFailedError("Enter a two-letter ISO 3166-1 country code, e.g. US or GB.", field=field)
    return code


def normalize_postal_code(value: str, country: str, *, field: str = "postal_code") -> str:
    """Checked against the country's format where we know it (POSTAL_CODE_RULES); returned canonical."""
    code = " ".join((value or "").upper().split())
    rule = POSTAL_CODE_RULES.get(country)
    if not code:
        if rule is not None and rule.required:
            raise ValidationFailedError("This field is required.", field=field)
        return ""
    if rule is None:
        if not OTHER_POSTAL_CODE_RE.fullmatch(code):
            raise ValidationFailedError("Use letters, digits, spaces and hyphens (at most 16).", field=field)
        return code
    compact = re.sub(r"[\s\-]", "", code)
    if not re.fullmatch(rule.pattern, compact):
        raise ValidationFailedError(
            f"Not a valid postal code for {COUNTRIES[country]} (for example {rule.example}).", field=field)
    return rule.canonical(compact)


def normalize_region(value: str, country: str, *, field: str = "region") -> str:
    """Required for the countries in REGIONS and stored as the region's code there; free text elsewhere."""
    region = " ".join((value or "").split())
    regions = REGIONS.get(country)
    if regions is None:
        return region
    if not region:
        raise ValidationFailedError("This field is required.", field=field)
    upper = region.upper()
    if upper in regions:
        return upper
    by_name = {name.upper(): code for code, name in regions.items()}
    if upper in by_name:
        return by_name[upper]
    raise ValidationFailedError(
        f"Not a state or province of {COUNTRIES[country]}; use its code, e.g. {next(iter(regions))}.", field=field)
