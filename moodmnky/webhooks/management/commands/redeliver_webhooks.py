import re
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from moodmnky.management.base import OpsCommand, UsageError
from moodmnky.webhooks import services

UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_since(value: str) -> datetime:
    """`24h`, `30m`, `7d`, an ISO date (midnight UTC) or an ISO datetime (UTC when it names no zone)."""
    match = re.fullmatch(r"(\d+)([mhd])", value.strip())
    if match:
        return timezone.now() - timedelta(**{UNITS[match[2]]: int(match[1])})
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime(day.year, day.month, day.day)
    except ValueError:  # well formed but impossible, e.g. 2026-13-40
        moment = None
    if moment is None:
        raise UsageError(f"--since {value!r}: give an ISO date or datetime, or an age such as 30m, 24h or 7d.")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


class Command(OpsCommand):
    help = ("Redeliver failed webhook deliveries of active subscriptions created since a moment: each gets a fresh "
            "round of attempts (the worker sends them). Use after fixing a receiver that was down.")

    def add_arguments(self, parser):
        parser.add_argument("--failed", action="store_true", required=True,
                            help="Redeliver failed deliveries (the only kind this command touches).")
        parser.add_argument("--since", required=True,
                            help="Deliveries created since: an ISO date (midnight UTC) or datetime, or an age such "
                                 "as 30m, 24h or 7d.")
        parser.add_argument("--subscription", type=int, metavar="ID", help="Only this subscription's deliveries.")
        parser.add_argument("--dry-run", action="store_true", help="List what would be redelivered; change nothing.")

    def handle(self, *args, since, subscription, dry_run, **options):
        moment = parse_since(since)
        with self.progress("Redelivering") as bar:
            ids = services.deliveries_redeliver_failed(since=moment, subscription_id=subscription, dry_run=dry_run,
                                                       progress=bar.update)
        verb = "Would redeliver" if dry_run else "Redelivering"
        self.stdout.write(f"{verb} {len(ids)} failed delivery(ies) since {moment.isoformat()}"
                          + (f": {', '.join(map(str, ids))}." if ids else "."))
