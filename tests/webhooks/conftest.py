import pytest
from pytest_httpserver import HTTPServer

from moodmnky.webhooks import services


@pytest.fixture
def receiver():
    """A real HTTP receiver on 127.0.0.1 (threaded, so a stalled request does not block the next one)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def subscribe(db):
    def make(url: str, events=("product.created",), **fields):
        return services.subscription_create(url=url, events=list(events), **fields)

    return make


@pytest.fixture
def admin_site_client(client, staff_user):
    """Django's test client signed in to the admin as a superuser."""
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client.force_login(staff_user)
    return client
