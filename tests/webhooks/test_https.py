"""HTTPS deliveries connect to the checked address while the certificate is checked for the URL's host name."""

import shutil
import ssl
import subprocess

import pytest
from pytest_httpserver import HTTPServer

from moodmnky.webhooks import services

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate"),
]


@pytest.fixture
def tls_receiver(tmp_path, monkeypatch):
    """make(cert_name) -> an HTTPS receiver on 127.0.0.1 whose self-signed certificate names `cert_name`,
    trusted by the sender for this test only."""
    servers = []

    def make(cert_name: str) -> HTTPServer:
        cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                        str(cert), "-days", "1", "-subj", f"/CN={cert_name}",
                        "-addext", f"subjectAltName=DNS:{cert_name}"], check=True, capture_output=True)
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(cert, key)
        real = ssl.create_default_context
        monkeypatch.setattr(ssl, "create_default_context", lambda *args, **kwargs: real(cafile=str(cert)))
        server = HTTPServer(host="127.0.0.1", port=0, ssl_context=server_context, threaded=True)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


def test_https_delivery_checks_the_certificate_for_the_url_host(tls_receiver, fake_dns,
                                                                 django_capture_on_commit_callbacks):
    fake_dns({"hooks.test": ["127.0.0.1"]})
    receiver = tls_receiver("hooks.test")
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = services.subscription_create(url=f"https://hooks.test:{receiver.port}/hook",
                                                events=["product.created"])

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("product.created", {"id": 1})

    assert len(receiver.log) == 1
    assert subscription.deliveries.get().status == "succeeded"


def test_https_delivery_refuses_a_certificate_for_another_name(tls_receiver, fake_dns,
                                                               django_capture_on_commit_callbacks):
    fake_dns({"hooks.test": ["127.0.0.1"]})
    receiver = tls_receiver("someone-else.test")
    receiver.expect_request("/hook").respond_with_data("ok")
    subscription = services.subscription_create(url=f"https://hooks.test:{receiver.port}/hook",
                                                events=["product.created"])

    with django_capture_on_commit_callbacks(execute=True):
        services.record_event("product.created", {"id": 1})

    delivery = subscription.deliveries.get()
    assert receiver.log == [] and delivery.status == "pending"
    assert "CERTIFICATE_VERIFY_FAILED" in delivery.attempts.get().error
