"""Who made a change: a user, an API key or a named system job, for ledgers, audit rows and events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from moodmnky.models import ApiKey


@dataclass(frozen=True)
class Actor:
    """Exactly one of `user`, `api_key` or `system` says who acted; `Actor.system_job("seed_demo")`."""

    user: Any = None  # the AUTH_USER_MODEL instance (customer or staff)
    api_key: ApiKey | None = None
    system: str = ""

    @classmethod
    def system_job(cls, name: str) -> Actor:
        return cls(system=name)

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "pk", None)

    @property
    def label(self) -> str:
        """How ledgers and audit trails name this actor: `API key <name> (<prefix>)`, the user's email, or the job."""
        if self.api_key is not None:
            return f"API key {self.api_key.name} ({self.api_key.prefix})"
        if self.user is not None:
            return self.user.email
        return self.system or "system"


SYSTEM = Actor(system="system")


def actor_of(request) -> Actor:
    """The actor of an API or admin request: its API key, else its signed-in user, else anonymous `system`."""
    from moodmnky.models import ApiKey

    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiKey):
        return Actor(api_key=auth)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Actor(user=user)
    return Actor(system="anonymous")
