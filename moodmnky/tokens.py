"""Bearer JWTs: every token of one login session carries the session id `sid`, kept across rotation.

The platform knows users only as AUTH_USER_MODEL with two methods (customers.models.Customer has them):
- `token_claims() -> dict`: extra claims written into every token issued to the user;
- `token_is_current(payload) -> bool`: False once the user's own cut-off (a password reset, for
  example) refuses a token with those claims.
A single session ends through `session_end(sid)` (logout, refresh-token reuse), kept in EndedSession.
"""

from django.conf import settings
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken, Token

from moodmnky.models import EndedSession


class SessionRefreshToken(RefreshToken):
    """A refresh token of one login session. verify() checks signature, expiry and type only: whether it
    was already rotated is decided under a lock by the rotation service (reuse ends the session)."""

    def verify(self, *args, **kwargs) -> None:
        Token.verify(self, *args, **kwargs)

    @classmethod
    def for_user(cls, user) -> "SessionRefreshToken":
        token = super().for_user(user)  # also recorded as an outstanding token
        token["sid"] = token["jti"]  # copied into every access token and kept when the refresh rotates
        for claim, value in user.token_claims().items():
            token[claim] = value
        return token


def token_pair(*, access: str, refresh: str) -> dict:
    """The body of login, register and refresh."""
    return {
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
        "token_type": "Bearer",
    }


def tokens_for(user) -> dict:
    """A new login session for `user`: its first token pair."""
    refresh = SessionRefreshToken.for_user(user)
    return token_pair(access=str(refresh.access_token), refresh=str(refresh))


def token_is_current(user, payload) -> bool:
    """False when the user's cut-off refuses the token or its session has ended.

    `user.session_ended` may be pre-computed by the query that loaded the user (JWTAuthentication does).
    """
    if not user.token_is_current(payload):
        return False
    ended = getattr(user, "session_ended", None)
    if ended is None:
        ended = session_is_ended(payload.get("sid", ""))
    return not ended


def session_is_ended(sid: str) -> bool:
    return bool(sid) and EndedSession.objects.filter(sid=sid).exists()


def session_end(sid: str) -> None:
    """Refuse every token of the login session `sid` from now on (idempotent); rows whose tokens have all
    expired anyway are deleted on the way (indexed, so cheap)."""
    if sid:
        now = timezone.now()
        EndedSession.objects.filter(expires_at__lt=now).delete()
        EndedSession.objects.get_or_create(
            sid=sid, defaults={"expires_at": now + settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"]})
