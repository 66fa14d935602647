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


def test_record_events_writes_them_in_one_insert_in_order_and_dispatches_each_after_commit(
        django_assert_num_queries):
    from moodmnky.actors import Actor

    dispatched = []
    services._dispatchers.append(dispatched.append)
    types = ["order.created", "order.confirmed", "order.status_updated", "order.paid"]
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.record_events([(event_type, {"n": 1}) for event_type in types])
            raise RuntimeError("the change failed")
        assert not Event.objects.exists() and dispatched == []

        with transaction.atomic():
            with django_assert_num_queries(1):
                events = services.record_events([(event_type, {"n": n}) for n, event_type in enumerate(types)],
                                                actor=Actor(system="test"))
            assert dispatched == []  # not before the commit
    finally:
        services._dispatchers.remove(dispatched.append)

    assert dispatched == events
    stored = list(Event.objects.order_by("created_at"))
    assert [(e.pk, e.type, e.data, e.actor_label) for e in stored] == [
        (e.pk, t, {"n": n}, "test") for n, (e, t) in enumerate(zip(events, types, strict=True))]
    assert len({e.created_at for e in stored}) == len(types)  # strictly increasing, ties included


def test_record_events_refuses_an_unknown_type_before_writing_any():
    with pytest.raises(ValueError):
        services.record_events([("order.created", {}), ("order.teleported", {})])
    assert not Event.objects.exists()
    assert services.record_events([]) == []
