from datetime import timedelta

from django.utils import timezone

from moodmnky.errors import ValidationFailedError
from moodmnky.management.base import OpsCommand, UsageError
from moodmnky.models import SCOPES
from moodmnky.services import api_key_create


class Command(OpsCommand):
    help = ("Create an admin API key for an integration (sent as X-API-Key). Only a hash is stored: the key is "
            "printed once, alone on the last line of output, so a script can capture it with `tail -n 1`.")

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True,
                            help="Who uses the key, e.g. 'warehouse sync' (shown in the admin).")
        parser.add_argument("--scopes", required=True,
                            help=f"Comma-separated scopes, or 'all'; a :write scope includes its :read. "
                                 f"Known: {', '.join(SCOPES)}.")
        parser.add_argument("--expires-in-days", type=int, default=None, metavar="DAYS",
                            help="Stop accepting the key after DAYS days (default: never expires; revoke it instead).")

    def handle(self, *args, name, scopes, expires_in_days, **options):
        if expires_in_days is not None and expires_in_days < 1:
            raise UsageError("--expires-in-days must be at least 1.")
        wanted = SCOPES if scopes.strip() == "all" else [s.strip() for s in scopes.split(",") if s.strip()]
        expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        try:
            api_key, raw_key = api_key_create(name=name, scopes=wanted, expires_at=expires_at)
        except ValidationFailedError as exc:  # an unknown scope, an empty name: the caller's input
            raise UsageError(str(exc)) from exc
        self.stdout.write(f"Created API key '{api_key.name}' (prefix {api_key.prefix}) with scopes "
                          f"{', '.join(api_key.scopes)}. Store it now: it is not shown again.")
        self.stdout.write(raw_key)
