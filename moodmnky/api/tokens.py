"""Customer JWTs: every token of one login session carries the session id `sid`, kept across rotation."""

from django.conf import settings
from django.db.models import F
from rest_framework_simplejwt.tokens import RefreshToken


class SessionRefreshToken(RefreshToken):
    @classmethod
    def for_user(cls, user) -> "SessionRefreshToken":
        token = super().for_user(user)
        token["sid"] = token["jti"]  # copied into every access token and kept when the refresh rotates
        token["gen"] = user.session_generation
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
    refresh = SessionRefreshToken.for_user(user)
    return token_pair(access=str(refresh.access_token), refresh=str(refresh))


def token_is_current(user, payload) -> bool:
    """False when the token predates the user's last session cut-off (password reset/change, deletion)."""
    if payload.get("gen", 0) == user.session_generation:
        return True
    return bool(user.kept_session_id) and payload.get("sid") == user.kept_session_id


def end_sessions(user, *, keep_session_id: str = "") -> None:
    """Refuse every token issued so far, except those of `keep_session_id` (the caller's own session)."""
    type(user).objects.filter(pk=user.pk).update(
        session_generation=F("session_generation") + 1, kept_session_id=keep_session_id
    )
    user.refresh_from_db(fields=["session_generation", "kept_session_id"])
