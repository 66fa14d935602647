"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

Whatever a client sends — odd types, huge numbers, unknown ids, broken bodies — the answer is never a 5xx,
its status is one the schema documents for the operation, its content type is the documented one and its
body matches the documented schema. Three callers and three ways of generating:

- every operation with an admin API key holding every scope, and every operation a customer may call with
  a customer's token (schemathesis' examples and fuzzing phases, 8 derandomised examples each);
- stateful: the OpenAPI links of each creation's 201 (moodmnky/api/schema.py `postprocess_links`) are followed,
  create → read → update → delete, with the caller each resource belongs to;
- boundaries (schemathesis' coverage phase: every documented limit, enum and type, just inside and just
  outside), on PostgreSQL only: it is five times the calls of the fuzzing above, and PostgreSQL is where
  out-of-range values fail (integers past 64 bits, NUL characters in text), where SQLite stores anything.
"""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection, transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ensure_resource_availability,
    response_schema_conformance,
    status_code_conformance,
    use_after_free,
)

from moodmnky.models import SCOPES
from moodmnky.services import api_key_create
from moodmnky.tokens import tokens_for
from tests.blends.factories import NoteFactory, ProductBaseFactory
from tests.caches import clear_caches
from tests.carts.factories import VariantFactory
from tests.customers.factories import CustomerFactory
from tests.orders.factories import ADDRESS, checkout_body

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Stateful, also: a created resource can be read at once; a deleted one is gone.
STATEFUL_CHECKS = [*CHECKS, ensure_resource_availability, use_after_free]
# DELETE /products/{id}/ archives the product (docs/catalog.md: orders point at it), and a caller holding
# products:read still reads it with status "archived": by design, not a use after free.
ARCHIVED_NOT_DELETED = "/api/v1/products/{id}/"
EXAMPLES = 8
STATEFUL_SCENARIOS, STATEFUL_STEPS = 25, 8
APP = get_wsgi_application()


def load(**phases):
    """The schema, loaded at collection (generating it touches no database), with these phase settings."""
    return schemathesis.openapi.from_wsgi("/api/schema/", APP, config=SchemathesisConfig.from_dict({"phases": phases}))


# Stateful: schema-valid data only (the stateless tests send the broken kind) along the schema's own links.
schema = load(coverage={"enabled": False}, stateful={"max-steps": STATEFUL_STEPS, "generation": {"mode": "positive"},
                                                     "inference": {"algorithms": []}})
boundaries = load(examples={"enabled": False}, fuzzing={"enabled": False})

# A customer's token is for the operations without an admin scope, and for their own orders and blends.
CUSTOMER_OWN = re.compile(r"(GET|POST|PATCH|DELETE) /api/v1/custom-blends/.*|GET /api/v1/orders/.*"
                          r"|POST /api/v1/orders/\{id\}/cancel/")


def customer_may_call(ctx) -> bool:
    operation = ctx.operation
    return ("x-required-scope" not in operation.definition.raw
            or bool(CUSTOMER_OWN.fullmatch(f"{operation.method.upper()} {operation.path}")))


def customer_owns(path: str) -> bool:
    """In the stateful run: carts, checkout, addresses and blends are the customer's; the rest the admin's."""
    return path.startswith(("/api/v1/carts/", "/api/v1/customers/addresses/", "/api/v1/custom-blends/"))


def as_the_caller(case):
    """Drop the credentials schemathesis invents for the documented security schemes: a made-up Bearer token
    next to the test's API key would make every call a 401 `invalid_token`, and nothing behind it be fuzzed."""
    case.headers = {name: value for name, value in (case.headers or {}).items()
                    if name.lower() not in ("authorization", "x-api-key")}
    return case


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
def admin_headers(db):
    return {"X-API-Key": api_key_create(name="fuzz", scopes=SCOPES)[1]}


@pytest.fixture
def customer_headers(db):
    return {"Authorization": f"Bearer {tokens_for(CustomerFactory())['access_token']}"}


@pytest.fixture
def creations(db):
    """Bodies the stateful run's creations (and its cart item and checkout) send, so that their links lead to a
    real resource: random bodies rarely pass the business rules (a composition summing to 100, a known variant,
    a resolvable webhook URL), and the stateless tests above fuzz these bodies already. Every other step is
    generated."""
    variant, note = VariantFactory(), NoteFactory()
    ProductBaseFactory()
    return {
        "/api/v1/customers/addresses/": dict(ADDRESS),
        "/api/v1/custom-blends/": {"name": "Fuzz", "components": [{"note_id": note.pk, "percentage": "100.00"}]},
        "/api/v1/discounts/": {"code": "FUZZ10", "type": "percentage", "value": "10.00"},
        "/api/v1/webhooks/": {"url": "http://127.0.0.1:9/hook", "events": ["order.created"]},
        "/api/v1/orders/": {"email": "fuzz@example.com", "lines": [{"variant_id": variant.pk, "quantity": 1}],
                            "shipping_address": dict(ADDRESS), "shipping_method": "standard"},
        "/api/v1/carts/{cart_id}/items/": {"variant_id": variant.pk, "quantity": 1},
        "/api/v1/carts/{cart_id}/checkout/": checkout_body(),
    }


FUZZ_SETTINGS = hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                                    suppress_health_check=list(HealthCheck))


@schema.parametrize()
@FUZZ_SETTINGS
@pytest.mark.django_db
def test_every_operation_as_an_admin(case, admin_headers):
    as_the_caller(case).call_and_validate(headers=admin_headers, checks=CHECKS)


@schema.include(customer_may_call).parametrize()
@FUZZ_SETTINGS
@pytest.mark.django_db
def test_every_customer_operation_as_a_customer(case, customer_headers):
    as_the_caller(case).call_and_validate(headers=customer_headers, checks=CHECKS)


def table_sizes() -> dict[str, int]:
    from django.apps import apps

    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_stateful_links_create_read_update_delete(creations, admin_headers, customer_headers):
    answers = []
    before = table_sizes()

    class Workflow(schema.as_state_machine()):
        def setup(self):
            # Each scenario starts from the same server state: which rules the machine may take next depends on
            # what the server answered (a link needs a 201), and Hypothesis replays a scenario's choices expecting
            # the same rules on offer. A discount code created in one scenario, say, would be a 409 in the next.
            self.scenario = transaction.atomic()
            self.scenario.__enter__()
            clear_caches()

        def teardown(self):
            transaction.set_rollback(True)
            self.scenario.__exit__(None, None, None)

        def before_call(self, case):
            as_the_caller(case)
            if case.method == "POST" and case.operation.path in creations:
                case.body = creations[case.operation.path]

        def get_call_kwargs(self, case):
            return {"headers": customer_headers if customer_owns(case.operation.path) else admin_headers}

        def after_call(self, response, case):
            super().after_call(response, case)
            answers.append((f"{case.method} {case.operation.path}", response.status_code))

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            checks = STATEFUL_CHECKS
            if case.operation.path.startswith(ARCHIVED_NOT_DELETED):
                checks = [check for check in STATEFUL_CHECKS if check is not use_after_free]
            case.validate_response(response, checks=checks, transport_kwargs=kwargs or None, recorder=self.recorder)

    Workflow.run(settings=hypothesis_settings(max_examples=STATEFUL_SCENARIOS, stateful_step_count=STATEFUL_STEPS,
                                              deadline=None, derandomize=True,
                                              suppress_health_check=list(HealthCheck)))

    assert table_sizes() == before  # every scenario's writes were undone
    # Links followed to a real resource: read, changed, acted on or deleted after its creation, with no failure.
    reached = {operation for operation, status in answers if "{" in operation and 200 <= status < 300}
    # Which ones depends on the path the state machine takes.
    assert len(reached) >= 10, sorted(reached)
    # Along the links: something created was read, something changed, something deleted (issue 15's create →
    # read → update → delete), whichever resources the path took.
    assert {operation.split()[0] for operation in reached} >= {"GET", "PATCH", "DELETE"}, sorted(reached)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="boundary values run on PostgreSQL only: it refuses what SQLite stores (see the docstring)")
@boundaries.parametrize()
@FUZZ_SETTINGS
@pytest.mark.django_db
def test_boundaries_of_every_operation_as_an_admin(case, admin_headers):
    as_the_caller(case).call_and_validate(headers=admin_headers, checks=CHECKS)
