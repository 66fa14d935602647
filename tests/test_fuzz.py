"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

Whatever a client sends — odd types, huge numbers, unknown ids, broken bodies — the answer is
never a 5xx: bad input gets a 4xx in the error envelope.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from moodmnky.models import SCOPES
from moodmnky.services import api_key_create

# Loaded at collection: generating the schema touches no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


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
