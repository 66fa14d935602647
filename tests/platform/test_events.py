import pytest
from django.db import transaction

from moodmnky.webhooks import services
from moodmnky.webhooks.models import Event

pytestmark = pytest.mark.django_db(transaction=True)


def test_event_is_recorded_with_json_safe_data():
    from decimal import Decimal

    event = services.record_event("webhook.ping", {"price": Decimal("24.00")})

    assert Event.objects.get(pk=event.pk).data == {"price": "24.00"}
    assert event.id.startswith("evt_")
    payload = event.payload()
    assert payload["version"] == "1.0" and payload["type"] == "webhook.ping"


def test_rolled_back_change_records_no_event_and_dispatches_nothing():
    dispatched = []
    services._dispatchers.append(dispatched.append)
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.record_event("webhook.ping", {})
            raise RuntimeError("the change failed")
        assert not Event.objects.exists()
        assert dispatched == []

        with transaction.atomic():
            event = services.record_event("webhook.ping", {})
        assert dispatched == [event]
    finally:
        services._dispatchers.remove(dispatched.append)


def test_unknown_event_type_is_refused():
    with pytest.raises(ValueError):
        services.record_event("order.teleported", {})
