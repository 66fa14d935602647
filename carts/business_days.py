"""The delivery calendar: business days are Monday to Friday."""

from datetime import date, timedelta


def business_days_add(start: date, days: int) -> date:
    """`days` working days (Monday–Friday) after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
