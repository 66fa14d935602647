import ipaddress
import socket

import pytest
from rest_framework.test import APIClient

from moodmnky.models import SCOPES
from moodmnky.services import api_key_create
from moodmnky.tokens import tokens_for
from tests.caches import clear_caches
from tests.customers.factories import CustomerFactory

# Slow tests whose outcome does not depend on the database engine: the admin in a browser, the schema fuzzer, the
# access matrix and the generated clients. `make test` runs them; .ci/run runs them in its PostgreSQL pass only.
ENGINE_AGNOSTIC = ("tests/e2e/", "tests/test_fuzz.py", "tests/test_access_matrix.py",
                   "tests/clients/test_typescript_client.py")


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.startswith(ENGINE_AGNOSTIC):
            item.add_marker(pytest.mark.engine_agnostic)


@pytest.fixture(autouse=True)
def _clean_cache(db):
    """Rate-limit counters and cached reads never leak from one test into the next."""
    clear_caches()
    yield


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def customer(db):
    return CustomerFactory()


@pytest.fixture
def staff_user(db):
    return CustomerFactory(is_staff=True)


@pytest.fixture
def customer_client(customer):
    """An APIClient signed in as `customer` with a real Bearer token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(customer)['access_token']}")
    client.customer = customer
    return client


@pytest.fixture
def make_customer_client(db):
    def make(customer=None):
        customer = customer or CustomerFactory()
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(customer)['access_token']}")
        client.customer = customer
        return client

    return make


@pytest.fixture
def make_staff_user(db):
    """make_staff_user("catalog.view_product", ...) -> an is_staff Customer holding those permissions."""
    from django.contrib.auth.models import Permission

    def make(*permissions, superuser=False, **fields):
        user = CustomerFactory(is_staff=True, is_superuser=superuser, **fields)
        for name in permissions:
            app_label, codename = name.split(".")
            user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return type(user).objects.get(pk=user.pk)  # no stale permission cache

    return make


@pytest.fixture
def make_staff_client(make_staff_user, make_customer_client):
    """make_staff_client("customers.view_customer", superuser=False) -> a Bearer client of such a staff user."""

    def make(*permissions, superuser=False):
        return make_customer_client(make_staff_user(*permissions, superuser=superuser))

    return make


@pytest.fixture
def make_member(db):
    """make_member("Customer service") -> a staff account (not a superuser) in that role group only
    (moodmnky/roles.py), email `customer-service@staff.example`, the factories' PASSWORD."""
    from django.contrib.auth.models import Group
    from django.utils.text import slugify

    from moodmnky.roles import roles_sync

    def make(role: str):
        roles_sync()  # a migration made the groups, but a transactional test's flush empties the tables
        user = CustomerFactory(is_staff=True, email=f"{slugify(role)}@staff.example")
        user.groups.add(Group.objects.get(name=role))
        return type(user).objects.get(pk=user.pk)  # no stale permission cache

    return make


@pytest.fixture
def make_admin_client(db):
    """make_admin_client("products:write", ...) -> an APIClient sending an X-API-Key with those scopes."""

    def make(*scopes):
        _, raw_key = api_key_create(name="test key", scopes=list(scopes) or SCOPES)
        client = APIClient()
        client.credentials(HTTP_X_API_KEY=raw_key)
        client.raw_key = raw_key
        return client

    return make


@pytest.fixture
def admin_client(make_admin_client):
    """An API key holding every scope."""
    return make_admin_client(*SCOPES)


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch):
    """Tests never resolve a name off this machine (webhook URLs are resolved by the SSRF guard, and the
    fuzz test invents host names): IP literals and localhost resolve as usual, names a test registers with
    fake_dns({"hooks.example.com": ["10.0.0.7"]}) resolve as given, and any other name fails to resolve."""
    real = socket.getaddrinfo
    table: dict[str, list[str]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name in table:
            return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port or 0))
                    for ip in table[name]]
        if name is None or name == "localhost" or _is_ip_literal(name):
            return real(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"tests do not resolve {name!r} (use the fake_dns fixture)")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table.update


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    return True
