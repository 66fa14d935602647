"""What a customer looks like to integrations: the data of `customer.*` webhook events."""

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from customers.models import Customer
from customers.selectors import customer_order_stats
from moodmnky.money import store_currency


def customer_payload(customer: Customer) -> dict:
    """The Customer as the admin API shows it (AdminCustomerSerializer agrees, tested), in its JSON form."""
    stats = customer_order_stats(customer)
    return {
        "id": customer.pk,
        "email": customer.email,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "phone": customer.phone,
        "birthday": _date(customer.birthday),
        "preferences": {
            "email_marketing": customer.email_marketing,
            "sms_marketing": customer.sms_marketing,
            "preferred_currency": customer.preferred_currency,
            "reminder_frequency": customer.reminder_frequency,
        },
        "order_stats": {
            "total_orders": stats.total_orders,
            "total_spent": _money(stats.total_spent),
            "average_order_value": _money(stats.average_order_value),
            "last_order_date": _datetime(stats.last_order_date),
            "currency": store_currency(),
        },
        "membership_tier": customer.membership_tier,
        "loyalty_points": customer.loyalty_points,
        "date_joined": _datetime(customer.date_joined),
        "is_active": customer.is_active,
        "is_staff": customer.is_staff,
        "lifetime_points": customer.lifetime_points,
        "anonymized_at": _datetime(customer.anonymized_at),
        "order_count": stats.total_orders,
        "total_spent": _money(stats.total_spent),
        "currency": store_currency(),
    }


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _datetime(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a `Z`, microseconds kept (as the API renders date-times)."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _money(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
