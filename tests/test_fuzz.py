"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

Whatever a client sends — odd types, huge numbers, unknown ids, broken bodies — the answer is
never a 5xx: bad input gets a 4xx in the error envelope.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from moodmnky.models import SCOPES
from moodmnky.services import api_key_create

# Loaded at collection: generating the schema touches no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_open():
    """Requests go through the real WSGI handler, whose request signals close "old" database
    connections; inside a test's transaction that would drop it (as Django's test client knows)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_key(db):
    return api_key_create(name="fuzz", scopes=SCOPES)[1]


@schema.parametrize()
@hypothesis_settings(max_examples=8, deadline=None, derandomize=True,
                     suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_never_answers_5xx(case, admin_key):
    case.call_and_validate(headers={"X-API-Key": admin_key}, checks=[not_a_server_error, status_code_conformance,
                                                                          response_schema_conformance])
