"""customer.created carries customers.events.customer_payload, which is the admin API's Customer body."""

import datetime

import pytest
from django.utils import timezone

from customers import services
from customers.api.serializers import AdminCustomerSerializer
from customers.events import customer_payload
from customers.selectors import customer_admin_queryset
from moodmnky.actors import SYSTEM
from moodmnky.webhooks.models import Event
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def test_payload_equals_the_admin_serializer_for_a_plain_customer():
    customer = CustomerFactory()

    assert customer_payload(customer) == AdminCustomerSerializer(customer).data


def test_payload_equals_the_admin_serializer_with_every_optional_field_set():
    customer = CustomerFactory(birthday=datetime.date(1990, 5, 17), phone="+14155550123", sms_marketing=True,
                               preferred_currency="EUR", reminder_frequency="monthly", is_staff=True)
    services.loyalty_adjust(customer=customer, points=1600, description="import", actor=SYSTEM)
    customer.anonymized_at = timezone.now()
    customer.save(update_fields=["anonymized_at"])
    annotated = customer_admin_queryset().get(pk=customer.pk)

    assert customer_payload(annotated) == AdminCustomerSerializer(annotated).data
    assert customer_payload(annotated)["membership_tier"] == "gold"


def test_customer_created_event_data_is_the_payload():
    customer = services.customer_register(email="pay@example.com", password="a-long-pass-42")

    event = Event.objects.get(type="customer.created")

    assert event.data == customer_payload(customer)
    assert event.actor_label == "pay@example.com"
