"""Idempotency-Key support: claim, replay and mismatch, switched on per view with @idempotent.

The same key with the same body from the same caller within IDEMPOTENCY_TTL replays the stored
status and body (with `Idempotent-Replayed: true`); another body is 422 `idempotency_key_reused`;
a request still running is 409 `idempotency_in_progress`. Validation failures (400) and server or
gateway failures (5xx) are not stored, so the client may fix and retry with the same key.
"""

import functools
import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from moodmnky.api.exceptions import DATABASE_UNAVAILABLE, error_body, request_id_of
from moodmnky.models import ApiKey, IdempotencyRecord

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255


def default_caller(request, **kwargs) -> str | None:
    if isinstance(request.auth, ApiKey):
        return f"key:{request.auth.pk}"
    if request.user and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return None


def _fingerprint(request) -> str:
    # A malformed, too deep or too large body is refused here (400/413/415), before a key is claimed:
    # after a failed parse DRF would hand the view an empty body.
    data = request.data
    try:
        body = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    except (TypeError, ValueError):  # not JSON-serialisable (an upload): the raw body still fingerprints it
        body = request.body.decode("utf-8", "replace") if hasattr(request, "body") else ""
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def _error(request, http_status: int, code: str, message: str) -> Response:
    return Response(error_body(http_status, code, message, [], request_id_of(request)), status=http_status)


def _claim(caller: str, key: str, request_hash: str) -> tuple[IdempotencyRecord | None, IdempotencyRecord | None]:
    """(claimed record, existing record): exactly one is set."""
    expired_before = timezone.now() - settings.IDEMPOTENCY_TTL
    IdempotencyRecord.objects.filter(caller=caller, key=key, created_at__lt=expired_before).delete()
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(caller=caller, key=key, request_hash=request_hash), None
    except IntegrityError:
        return None, IdempotencyRecord.objects.filter(caller=caller, key=key).first()


def idempotent(caller: Callable[..., str | None] | None = None, *, guest: Callable[..., str | None] | None = None):
    """Decorate a DRF view method; `caller(request, **kwargs)` names whose keys these are (default: the API
    key or the signed-in user). `guest(request, **kwargs)` scopes an anonymous caller's keys, e.g. to the
    cart of a guest checkout (`cart:<id>`); an anonymous request with no scope runs without a key."""
    caller = caller or default_caller

    def decorator(view_method):
        @functools.wraps(view_method)
        def wrapper(self, request, *args, **kwargs):
            key = request.headers.get(HEADER)
            if not key:
                return view_method(self, request, *args, **kwargs)
            if len(key) > MAX_KEY_LENGTH:
                return _error(request, 400, "validation_error",
                              f"{HEADER} must be at most {MAX_KEY_LENGTH} characters.")
            who = caller(request, **kwargs) or default_caller(request)
            if who is None and guest is not None:
                who = guest(request, **kwargs)
            if who is None:
                return view_method(self, request, *args, **kwargs)
            request_hash = _fingerprint(request)
            record, existing = _claim(who, key, request_hash)
            if record is None:
                if existing is None:  # it expired and was removed between our two queries: run it
                    return view_method(self, request, *args, **kwargs)
                if existing.request_hash != request_hash:
                    return _error(request, 422, "idempotency_key_reused",
                                  f"This {HEADER} was already used with a different request body.")
                if existing.state == IdempotencyRecord.State.IN_PROGRESS:
                    return _error(request, 409, "idempotency_in_progress",
                                  f"A request with this {HEADER} is still being processed.")
                body = json.loads(bytes(existing.response_body)) if existing.response_body else None
                response = Response(body, status=existing.response_status)
                response["Idempotent-Replayed"] = "true"
                return response
            try:
                try:
                    response = view_method(self, request, *args, **kwargs)
                except Exception as exc:  # a refusal (402, 409) is an outcome to replay, like a success
                    response = self.handle_exception(exc)
            except Exception:
                _on_a_live_connection(record.delete)
                raise
            return _store(record, response)

        return wrapper

    return decorator


def _store(record: IdempotencyRecord, response: Response) -> Response:
    if response.status_code == 400 or response.status_code >= 500:
        _on_a_live_connection(record.delete)
        return response
    # The data as the view gave it: on replay the renderer wraps it in the envelope again.
    record.state = IdempotencyRecord.State.COMPLETED
    record.response_status = response.status_code
    record.response_body = json.dumps(response.data, cls=JSONEncoder).encode() if response.data is not None else b""
    _on_a_live_connection(lambda: record.save(update_fields=["state", "response_status", "response_body"]))
    return response


def _on_a_live_connection(write: Callable[[], object]) -> None:
    """Write the key's outcome; if the request's connection died (what failed the request, often), once more on
    a fresh one. Otherwise a lost connection would leave the key `in progress` for IDEMPOTENCY_TTL, and every
    retry with it a 409."""
    try:
        write()
    except DATABASE_UNAVAILABLE:
        if connection.in_atomic_block:  # inside someone's transaction: nothing to reconnect to
            raise
        connection.close()
        write()
