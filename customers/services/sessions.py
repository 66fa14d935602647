"""Login sessions: start, rotate (once, with reuse detection), log out, and end all of a customer's."""

from django.db import transaction
from django.db.models import F
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from customers.models import Customer
from moodmnky.errors import InvalidTokenError
from moodmnky.tokens import SessionRefreshToken, session_end, token_is_current, token_pair, tokens_for

_REUSED = object()


def session_start(*, customer: Customer) -> dict:
    """A new login session: its first access and refresh tokens."""
    return tokens_for(customer)


def session_refresh(*, refresh_token: str) -> dict:
    """Rotate a refresh token: a new pair, and the old token stops working.

    Of concurrent rotations of one token exactly one succeeds (the outstanding token's row is locked).
    A token that was already rotated ends its whole session (reuse detection) and is refused.
    Raises InvalidTokenError.
    """
    token = _decode(refresh_token)
    outcome = _rotate(token)
    if outcome is _REUSED or outcome is None:  # _REUSED: the session's end is committed before refusing
        raise InvalidTokenError()
    return outcome


def session_logout(*, refresh_token: str) -> None:
    """End the login session of `refresh_token`: its refresh and access tokens are refused at once."""
    token = _decode(refresh_token)
    with transaction.atomic():
        outstanding = OutstandingToken.objects.filter(jti=token["jti"]).first()
        if outstanding is not None:
            BlacklistedToken.objects.get_or_create(token=outstanding)
        session_end(token.get("sid", ""))


@transaction.atomic
def customer_sessions_end(*, customer: Customer, keep_session_id: str = "") -> None:
    """Refuse every token issued so far, except those of `keep_session_id` (the caller's own session)."""
    Customer.objects.filter(pk=customer.pk).update(
        session_generation=F("session_generation") + 1, kept_session_id=keep_session_id
    )
    customer.refresh_from_db(fields=["session_generation", "kept_session_id"])


def _decode(raw: str) -> SessionRefreshToken:
    try:
        token = SessionRefreshToken(raw)  # the one decode: signature, expiry and token type
    except TokenError:
        raise InvalidTokenError() from None
    if "jti" not in token.payload or "sid" not in token.payload:
        raise InvalidTokenError()
    return token


@transaction.atomic
def _rotate(token: SessionRefreshToken):
    """The new pair; _REUSED when the token was rotated before (its session is ended); None when invalid."""
    outstanding = OutstandingToken.objects.select_for_update(of=("self",)).filter(jti=token["jti"]).first()
    customer = Customer.objects.filter(pk=token.get("user_id"), is_active=True).first()
    if outstanding is None or customer is None or not token_is_current(customer, token.payload):
        return None
    if BlacklistedToken.objects.filter(token=outstanding).exists():
        session_end(token["sid"])
        return _REUSED
    BlacklistedToken.objects.create(token=outstanding)
    token.set_jti()
    token.set_exp()
    token.set_iat()
    token.outstand()
    return token_pair(access=str(token.access_token), refresh=str(token))
