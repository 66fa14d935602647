from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from moodmnky.errors import ValidationFailedError
from moodmnky.models import SCOPES
from moodmnky.services import api_key_create


class Command(BaseCommand):
    help = "Create an admin API key; the key is printed once, alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--scopes", required=True, help=f"Comma-separated, or 'all'. Known: {','.join(SCOPES)}")
        parser.add_argument("--expires-in-days", type=int, default=None)

    def handle(self, *args, name, scopes, expires_in_days, **options):
        wanted = SCOPES if scopes.strip() == "all" else [s.strip() for s in scopes.split(",") if s.strip()]
        expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        try:
            api_key, raw_key = api_key_create(name=name, scopes=wanted, expires_at=expires_at)
        except ValidationFailedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Created API key '{api_key.name}' (prefix {api_key.prefix}) with scopes "
                          f"{', '.join(api_key.scopes)}. Store it now: it is not shown again.")
        self.stdout.write(raw_key)
