import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moodmnky.management.base import OpsCommand, UsageError
from moodmnky.webhooks import signing


class Command(OpsCommand):
    help = ("A small local webhook receiver for development: prints each delivery and whether both signatures "
            "verify with the given secret. Subscribe http://127.0.0.1:PORT/ to it (with WEBHOOK_ALLOW_PRIVATE_URLS).")

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765, help="Port to listen on (default 8765; 0 picks one).")
        parser.add_argument("--host", default="127.0.0.1", help="Listen address (default 127.0.0.1).")
        parser.add_argument("--secret", required=True, help="The subscription's whsec_… secret.")
        parser.add_argument("--status", type=int, default=200, help="Status code to answer (try 500 or 410).")
        parser.add_argument("--max-requests", type=int, default=0, help="Stop after this many (0: run until Ctrl-C).")

    def handle(self, *args, port, host, secret, status, max_requests, **options):
        try:
            signing.secret_key(secret)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        server = ThreadingHTTPServer((host, port), _handler(self, secret, status))
        self.stdout.write(f"Listening on http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", ending="\n")
        self.stdout.flush()
        try:
            if max_requests:
                for _ in range(max_requests):
                    server.handle_request()
            else:
                server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()

    def report(self, headers: dict, body: bytes, secret: str) -> None:
        brand = signing.verify_brand(secret=secret, headers=headers, body=body)
        standard = signing.verify_standard(secret=secret, headers=headers, body=body)
        try:
            pretty = json.dumps(json.loads(body), indent=2)
        except ValueError:
            pretty = body.decode(errors="replace")
        lines = [
            f"--- {headers.get('X-Mood-Mnky-Event', '?')}  event {headers.get('webhook-id', '?')}  "
            f"delivery {headers.get('X-Mood-Mnky-Delivery', '?')}",
            f"X-Mood-Mnky-Signature: {'OK' if brand else 'INVALID'}",
            f"webhook-signature (Standard Webhooks): {'OK' if standard else 'INVALID'}",
            pretty,
        ]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()


def _handler(command: Command, secret: str, status: int):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            command.report(dict(self.headers.items()), body, secret)
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"received\n")

        def log_message(self, format, *args):  # the report above says it all
            pass

    return Handler
