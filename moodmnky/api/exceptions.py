"""One exception handler: every API error is rendered as the contract's error envelope."""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from moodmnky.errors import (
    ConflictError,
    DomainError,
    InvalidTokenError,
    NotFoundError,
    PaymentDeclinedError,
    PaymentGatewayError,
    ValidationFailedError,
)

logger = logging.getLogger("moodmnky.api")

DOMAIN_STATUS = [
    (ValidationFailedError, 400),
    (InvalidTokenError, 401),
    (NotFoundError, 404),
    (ConflictError, 409),
    (PaymentDeclinedError, 402),
    (PaymentGatewayError, 502),
    (DomainError, 422),
]
DEFAULT_MESSAGES = {
    400: "Invalid input.",
    401: "Authentication credentials were not provided.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "The request body is larger than this API accepts.",
    415: "Unsupported media type.",
    429: "Too many requests.",
    500: "An unexpected error occurred.",
    503: "The service is briefly unavailable; retry in a moment.",
}
# The database went away (a restart, a failover, a killed connection) or refused the transaction (a deadlock, a
# serialization failure): nothing was committed, and the same request may succeed a second later.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_UNAVAILABLE = "1"


class InvalidCredentials(exceptions.AuthenticationFailed):
    default_detail = "The email or password is incorrect."
    default_code = "invalid_credentials"


class InvalidToken(exceptions.AuthenticationFailed):
    default_detail = "The token or API key is invalid, expired or revoked."
    default_code = "invalid_token"


class PayloadTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = DEFAULT_MESSAGES[413]
    default_code = "payload_too_large"


class InsufficientScope(exceptions.PermissionDenied):
    default_detail = "The API key lacks the scope this endpoint needs."
    default_code = "insufficient_scope"

    def __init__(self, scope: str):
        super().__init__(f"This endpoint needs the `{scope}` scope.")
        self.scope = scope


def error_body(http_status: int, code: str, message: str, details: list | None, request_id: str) -> dict:
    return {"error": {"status": http_status, "code": code, "message": message,
                      "details": details or [], "request_id": request_id}}


def request_id_of(request) -> str:
    request = getattr(request, "_request", request)
    return getattr(request, "request_id", "")


def json_error(request, http_status: int, code: str, message: str | None = None,
               details: list | None = None) -> JsonResponse:
    """An error envelope outside DRF (middleware, Django's URL resolver)."""
    message = message or DEFAULT_MESSAGES.get(http_status, "Error.")
    return JsonResponse(error_body(http_status, code, message, details, request_id_of(request)),
                        status=http_status)


def unavailable_error(request, exc: BaseException) -> JsonResponse:
    """503 `service_unavailable` with Retry-After for a database outage; logged with its traceback."""
    logger.error("Database unavailable in %s", getattr(request, "path", "?"), exc_info=exc)
    response = json_error(request, 503, "service_unavailable")
    response["Retry-After"] = RETRY_AFTER_UNAVAILABLE
    return response


def flatten_errors(detail, prefix: str = "") -> list[dict]:
    """DRF's nested error dicts/lists -> [{"field": "items.2.quantity", "message": ...}]."""
    out = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            field = prefix if key in (api_settings.NON_FIELD_ERRORS_KEY, "__all__") else (
                f"{prefix}.{key}" if prefix else str(key))
            out.extend(flatten_errors(value, field))
    elif isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            out.extend({"field": prefix or None, "message": str(item)} for item in detail)
        else:
            for index, item in enumerate(detail):
                if item in ({}, [], None, ""):
                    continue
                out.extend(flatten_errors(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out.append({"field": prefix or None, "message": str(detail)})
    return out


def _code_for(exc: exceptions.APIException, http_status: int) -> str:
    if isinstance(exc, (InvalidCredentials, InvalidToken, InsufficientScope, PayloadTooLarge)):
        return exc.default_code
    if isinstance(exc, exceptions.NotAuthenticated):
        return "not_authenticated"
    if isinstance(exc, exceptions.AuthenticationFailed):
        return "invalid_token"
    return {
        400: "validation_error", 403: "permission_denied", 404: "not_found", 405: "method_not_allowed",
        406: "not_acceptable", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
        429: "rate_limited",
    }.get(http_status, "internal_error" if http_status >= 500 else "error")


def _message_for(exc: exceptions.APIException, http_status: int, details: list) -> str:
    if isinstance(exc, exceptions.ValidationError):
        if len(details) == 1 and details[0]["field"] is None:
            return details[0]["message"]
        return "Invalid input."
    if isinstance(exc, exceptions.ParseError):
        return f"Malformed request body: {exc.detail}" if "JSON" in str(exc.detail) else str(exc.detail)
    if isinstance(exc.detail, str):
        return str(exc.detail)
    return DEFAULT_MESSAGES.get(http_status, "Error.")


def _as_drf_error(exc):
    if isinstance(exc, (OverflowError, DataError)):
        # Input the validators let through but the database cannot hold (an id past 2**63, a
        # value past a column's range): the client's mistake, so a 400, never a 500.
        logger.warning("Input out of the database's range: %s", exc)
        return exceptions.ValidationError("A value in the request is out of range.")
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError(exc.messages)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def api_exception_handler(exc, context):
    """Render every error of a DRF view in the contract's one error envelope."""
    request = context.get("request")
    request_id = request_id_of(request)
    if isinstance(exc, DomainError):
        http_status = next(code for cls, code in DOMAIN_STATUS if isinstance(exc, cls))
        details = [{"field": exc.field, "message": exc.message}] if exc.field else []
        extra = {k: v for k, v in exc.details.items() if k != "errors"}
        details.extend(exc.details.get("errors", []))
        body = error_body(http_status, exc.code, exc.message, details, request_id)
        if extra:
            body["error"]["context"] = extra
        return Response(body, status=http_status)

    if isinstance(exc, DATABASE_UNAVAILABLE):
        return unavailable_error(request, exc)

    from rest_framework.views import exception_handler as drf_exception_handler  # avoids an import cycle

    exc = _as_drf_error(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in %s", getattr(request, "path", "?"), exc_info=exc)
        return Response(error_body(500, "internal_error", DEFAULT_MESSAGES[500], [], request_id),
                        status=status.HTTP_500_INTERNAL_SERVER_ERROR)

    http_status = response.status_code
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)) and http_status == 403:
        # DRF answers 403 when the view has no authenticator to name; the contract says 401.
        http_status = response.status_code = 401
        response["WWW-Authenticate"] = 'Bearer realm="api"'

    details = flatten_errors(exc.detail) if isinstance(exc, exceptions.ValidationError) else []
    code = _code_for(exc, http_status)
    body = error_body(http_status, code, _message_for(exc, http_status, details), details, request_id)
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        response["Retry-After"] = str(int(exc.wait))
    response.data = body
    return response
