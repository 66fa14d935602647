import pytest

from moodmnky.webhooks import services
from moodmnky.webhooks.errors import UnsafeWebhookUrlError
from moodmnky.webhooks.models import WebhookSubscription
from tests.webhooks.helpers import make_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_urls_refused(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False


@pytest.mark.usefixtures("private_urls_refused")
@pytest.mark.parametrize("url", [
    "http://127.0.0.1/hook",
    "http://127.8.9.10:8080/hook",
    "http://10.0.0.5/hook",
    "http://172.16.4.1/hook",
    "http://192.168.1.20/hook",
    "https://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[fe80::1]/hook",
    "http://[fd00::1]/hook",
    "http://0.0.0.0/hook",
    "http://224.0.0.1/hook",
    "http://240.0.0.1/hook",
    "http://100.64.0.1/hook",
])
def test_subscription_to_a_non_public_address_is_refused(url):
    with pytest.raises(UnsafeWebhookUrlError):
        services.subscription_create(url=url, events=["product.created"])

    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("url", ["ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://hooks.example.com/",
                                 "http:///no-host", "http://user:pass@hooks.example.com/"])
def test_only_plain_http_and_https_urls_are_accepted(url, fake_dns):
    fake_dns({"hooks.example.com": ["93.184.216.34"]})

    with pytest.raises(UnsafeWebhookUrlError):
        services.subscription_create(url=url, events=["product.created"])


@pytest.mark.usefixtures("private_urls_refused")
def test_a_host_name_resolving_to_a_private_address_is_refused(fake_dns):
    fake_dns({"hooks.example.com": ["10.1.2.3"], "mixed.example.com": ["93.184.216.34", "127.0.0.1"]})

    with pytest.raises(UnsafeWebhookUrlError, match="10.1.2.3"):
        services.subscription_create(url="https://hooks.example.com/in", events=["product.created"])
    with pytest.raises(UnsafeWebhookUrlError, match="127.0.0.1"):
        services.subscription_create(url="https://mixed.example.com/in", events=["product.created"])


@pytest.mark.usefixtures("private_urls_refused")
def test_a_host_name_resolving_to_public_addresses_is_accepted(fake_dns):
    fake_dns({"hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]})

    subscription = services.subscription_create(url="https://hooks.example.com/in", events=["product.created"])

    assert subscription.pk


def test_dns_rebinding_after_subscribing_is_caught_at_delivery(settings, fake_dns, django_capture_on_commit_callbacks,
                                                               receiver):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    fake_dns({"hooks.example.com": ["93.184.216.34"]})
    port = receiver.port
    subscription = services.subscription_create(url=f"http://hooks.example.com:{port}/hook",
                                                events=["product.created"])
    fake_dns({"hooks.example.com": ["127.0.0.1"]})  # the name now points at this machine

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("product.created", {"id": 1})

    delivery = subscription.deliveries.get()
    attempt = delivery.attempts.get()
    assert attempt.status_code is None and attempt.error.startswith("Not sent:") and "127.0.0.1" in attempt.error
    assert delivery.status == "pending"  # retried later, checked again then
    assert receiver.log == []


def test_the_sender_connects_to_the_checked_address_with_the_url_host_name(
        fake_dns, receiver, django_capture_on_commit_callbacks):
    # hooks.test exists only in the fake resolver: the request can only arrive if the sender connected to
    # the address the guard returned instead of resolving the name a second time.
    fake_dns({"hooks.test": ["127.0.0.1"]})
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = services.subscription_create(url=f"http://hooks.test:{receiver.port}/hook",
                                                events=["product.created"])

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("product.created", {"id": 1})

    (request, _), = receiver.log
    assert request.headers["Host"] == f"hooks.test:{receiver.port}"
    assert subscription.deliveries.get().status == "succeeded"


def test_a_subscription_whose_url_turned_private_is_retried_not_sent(settings, subscribe, receiver,
                                                                     django_capture_on_commit_callbacks):
    subscription = subscribe(receiver.url_for("/hook"))  # allowed while private URLs are on (development)
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("product.created", {"id": 1})
    delivery = subscription.deliveries.get()
    make_due(delivery.pk)
    services.delivery_attempt(delivery_id=delivery.pk)

    assert receiver.log == []
    assert list(delivery.attempts.values_list("status_code", flat=True)) == [None, None]
