"""Filter pieces shared by every app's list endpoints."""

from datetime import UTC, timedelta

from django.core.exceptions import ValidationError
from django.forms import IntegerField
from django_filters import IsoDateTimeFilter, NumberFilter
from django_filters.fields import IsoDateTimeField

MAX_UTC_OFFSET = timedelta(hours=14)  # the widest offset in use on Earth (UTC+14, Kiribati)


class UTCDateTimeField(IsoDateTimeField):
    """ISO 8601 date-time; a real-world offset is required of it, and it is compared in UTC."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise ValidationError("Enter an ISO 8601 date-time whose UTC offset is within ±14:00.", code="invalid")
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise ValidationError("Enter a date-time between the years 1 and 9999.", code="invalid") from None


class UTCDateTimeFilter(IsoDateTimeFilter):
    field_class = UTCDateTimeField


class IdFilter(NumberFilter):
    """A database id: a whole number from 1 to 2**63 − 1, so a wrong one is a 400 naming the parameter."""

    field_class = IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)
