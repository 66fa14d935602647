"""Request ids on every response; JSON errors for anything that escapes a view under /api/."""

import logging
import re
import uuid

from django.core.exceptions import RequestDataTooBig

from moodmnky.api.exceptions import DATABASE_UNAVAILABLE, DEFAULT_MESSAGES, json_error, unavailable_error
from moodmnky.logging import request_id_var

logger = logging.getLogger("moodmnky.api")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


def is_api_path(path: str) -> bool:
    return path.startswith("/api/")


class RequestIdMiddleware:
    """Echo a well-formed X-Request-ID or make one; it also tags every log line of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        # Left set after the response: Django logs the request's outcome after this middleware returns.
        request_id_var.set(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


class NotModifiedMiddleware:
    """A 304 goes out without Content-Length. Django's CommonMiddleware, inside this one, writes the empty body's
    `0`, which RFC 9110 (8.6) forbids unless it is the 200's length: a cache refreshing its stored response from
    the 304's headers could take the `0` as that response's length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 304:
            del response["Content-Length"]
        return response


class ApiErrorMiddleware:
    """A crash outside DRF's handler (or in another middleware) is still an enveloped 500, never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_api_path(request.path):
            return None
        if isinstance(exception, RequestDataTooBig):
            return json_error(request, 413, "payload_too_large", DEFAULT_MESSAGES[413])
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return unavailable_error(request, exception)
        logger.exception("Unhandled error in %s", request.path, exc_info=exception)
        return json_error(request, 500, "internal_error")
