"""Filter pieces shared by every app's list endpoints."""

from datetime import UTC, timedelta

from django.core.exceptions import ValidationError
from django_filters import IsoDateTimeFilter
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
