"""Customer JWTs: every token of one login session carries the session id `sid`, kept across rotation."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken


class SessionRefreshToken(RefreshToken):
    @classmethod
    def for_user(cls, user) -> "SessionRefreshToken":
        token = super().for_user(user)
        token["sid"] = token["jti"]  # copied into every access token and kept when the refresh rotates
        return token


def token_pair(refresh: RefreshToken) -> dict:
    return {
        "access_token": str(refresh.access_token),
        "refresh_token": str(refresh),
        "expires_in": int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
        "token_type": "Bearer",
    }


def tokens_for(user) -> dict:
    return token_pair(SessionRefreshToken.for_user(user))


def token_is_current(user, payload) -> bool:
    """False when the token predates the user's last session cut-off (password reset/change, deletion)."""
    cutoff: datetime | None = user.tokens_valid_after
    if cutoff is None:
        return True
    if user.kept_session_id and payload.get("sid") == user.kept_session_id:
        return True
    return int(payload.get("iat", 0)) >= int(cutoff.timestamp())


def end_sessions(user, *, keep_session_id: str = "") -> None:
    """Refuse every token issued so far, except those of `keep_session_id` (the caller's own session)."""
    # The cut-off is rounded up to the next second: `iat` has whole seconds, and a token issued in
    # the same second as the cut-off must not survive it.
    now = timezone.now()
    user.tokens_valid_after = now.replace(microsecond=0) + timezone.timedelta(seconds=1)
    user.kept_session_id = keep_session_id
    user.save(update_fields=["tokens_valid_after", "kept_session_id"])
