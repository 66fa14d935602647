"""One HTTP POST to a webhook endpoint, connected to an address the SSRF guard checked.

Standard library only (http.client): it never follows redirects, and a connection subclass can
connect to the checked IP while the Host header and TLS certificate check still use the URL's host
name. See docs/webhooks.md for why no third-party HTTP client is used.
"""

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

EXCERPT_BYTES = 2048


@dataclass
class Answer:
    status_code: int | None
    retry_after: str | None
    excerpt: str
    duration_ms: int
    error: str = ""


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, *, address: str, **kwargs):
        super().__init__(host, port, **kwargs)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address: str, **kwargs):
        super().__init__(host, port, **kwargs)
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # certificate checked for the host


def post(*, url: str, address: str, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
    """POST `body` to `url` via `address`; the whole exchange is cut off after `timeout` seconds."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https":
        connection = _PinnedHTTPSConnection(parts.hostname, port, address=address, timeout=timeout,
                                            context=ssl.create_default_context())
    else:
        connection = _PinnedHTTPConnection(parts.hostname, port, address=address, timeout=timeout)
    started = time.monotonic()
    # The socket timeout bounds each read; this watchdog bounds the whole exchange (a slow drip of bytes).
    watchdog = threading.Timer(timeout, _abort, args=(connection,))
    watchdog.start()
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        excerpt = response.read(EXCERPT_BYTES).decode("utf-8", errors="replace")
        return Answer(response.status, response.getheader("Retry-After"), excerpt, _ms(started))
    except TimeoutError:
        return Answer(None, None, "", _ms(started), f"Timed out after {timeout:g} s.")
    except (OSError, http.client.HTTPException) as exc:
        if _ms(started) >= timeout * 1000:
            return Answer(None, None, "", _ms(started), f"Timed out after {timeout:g} s.")
        return Answer(None, None, "", _ms(started), f"{type(exc).__name__}: {exc}"[:500])
    finally:
        watchdog.cancel()
        connection.close()


def _abort(connection: http.client.HTTPConnection) -> None:
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
