"""Who is calling: customers with a Bearer JWT, admin integrations with an X-API-Key."""

import hmac
from datetime import timedelta

from django.db.models import Exists
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication as jwt_authentication
from rest_framework_simplejwt.exceptions import InvalidToken as JwtInvalidToken
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from moodmnky.api.exceptions import InvalidToken
from moodmnky.models import KEY_PREFIX, ApiKey, EndedSession, hash_key
from moodmnky.tokens import token_is_current

LAST_USED_PRECISION = timedelta(minutes=1)  # write last_used_at at most once a minute per key
_UNSET = object()


class JWTAuthentication(jwt_authentication.JWTAuthentication):
    """simplejwt's Bearer auth, plus refusal of tokens whose session has ended (logout, password reset
    or change, deletion). The outcome is remembered on the request: the rate limiter asks first."""

    def authenticate(self, request):
        django_request = getattr(request, "_request", request)
        cached = getattr(django_request, "_moodmnky_jwt", _UNSET)
        if cached is _UNSET:
            try:
                cached = self._authenticate(request)
            except InvalidToken as exc:
                cached = exc
            django_request._moodmnky_jwt = cached
        if isinstance(cached, InvalidToken):
            raise InvalidToken()
        return cached

    def _authenticate(self, request):
        try:
            result = super().authenticate(request)
        except (JwtInvalidToken, TokenError, AuthenticationFailed) as exc:  # bad token, unknown or inactive user
            raise InvalidToken() from exc
        if result is None:
            return None
        user, token = result
        if not token_is_current(user, token.payload):
            raise InvalidToken()
        return user, token

    def get_user(self, validated_token):
        """The token's user in one query, with whether its session has ended (`session_ended`)."""
        claim = jwt_settings.USER_ID_CLAIM
        if claim not in validated_token:
            raise InvalidToken()
        ended = EndedSession.objects.filter(sid=validated_token.get("sid") or "")
        user = (self.user_model.objects.annotate(session_ended=Exists(ended))
                .filter(**{jwt_settings.USER_ID_FIELD: validated_token[claim]}).first())
        if user is None or not user.is_active:
            raise InvalidToken()
        return user


def resolve_bearer(request):
    """(user, token) of a fully valid Bearer token (signature, expiry, active user, session not ended),
    else None; never raises."""
    try:
        return JWTAuthentication().authenticate(request)
    except InvalidToken:
        return None


class ApiKeyUser:
    """The principal of an API-key request: an admin integration, not a person."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = True
    is_superuser = False
    pk = id = None

    def __init__(self, api_key: ApiKey):
        self.api_key = api_key

    def __str__(self) -> str:
        return f"API key {self.api_key.prefix}"


def resolve_api_key(request, raw_key: str) -> ApiKey | None:
    """The usable key for `raw_key`, or None; remembered on the request (the rate limiter asks first)."""
    request = getattr(request, "_request", request)
    cached = getattr(request, "_moodmnky_api_key", _UNSET)
    if cached is not _UNSET:
        return cached
    api_key = None
    if raw_key.startswith(KEY_PREFIX) and raw_key.count("_") >= 2:
        prefix = raw_key[len(KEY_PREFIX):].split("_", 1)[0]
        candidate = ApiKey.objects.usable().filter(prefix=prefix).first()
        if candidate and hmac.compare_digest(candidate.hashed_key, hash_key(raw_key)):
            api_key = candidate
    request._moodmnky_api_key = api_key
    return api_key


class ApiKeyAuthentication(BaseAuthentication):
    header = "X-API-Key"

    def authenticate(self, request):
        raw_key = request.headers.get(self.header)
        if not raw_key:
            return None
        api_key = resolve_api_key(request, raw_key.strip())
        if api_key is None:
            raise InvalidToken()
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_PRECISION:
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
        return ApiKeyUser(api_key), api_key

    def authenticate_header(self, request):
        return self.header
