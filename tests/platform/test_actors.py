import pytest
from django.test import RequestFactory

from moodmnky.actors import SYSTEM, Actor, actor_of
from moodmnky.services import api_key_create
from moodmnky.webhooks.services import record_event
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def test_actor_labels_name_a_key_a_user_or_a_job():
    key, _ = api_key_create(name="erp", scopes=["products:read"])
    user = CustomerFactory(email="kim@example.com")

    assert Actor(api_key=key).label == f"API key erp ({key.prefix})"
    assert Actor(user=user).label == "kim@example.com"
    assert Actor.system_job("seed_demo").label == "seed_demo"
    assert SYSTEM.label == "system"


def test_actor_of_prefers_the_api_key_then_the_user():
    key, _ = api_key_create(name="erp", scopes=["products:read"])
    user = CustomerFactory()
    request = RequestFactory().get("/")

    request.auth, request.user = key, user
    assert actor_of(request).api_key == key
    request.auth = None
    assert actor_of(request).user == user


def test_record_event_keeps_the_actor_label():
    user = CustomerFactory(email="ana@example.com")

    event = record_event("customer.created", {"id": user.pk}, actor=Actor(user=user))

    assert event.actor_label == "ana@example.com"
