from carts.services import carts_expire
from moodmnky.management.base import OpsCommand, UsageError


class Command(OpsCommand):
    help = ("Delete abandoned guest carts (no activity for --days days), in batches. Customers' carts and "
            "checked-out carts are kept. Safe to re-run; run daily from cron.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="Days without activity (default 30, at least 1).")
        parser.add_argument("--batch-size", type=int, default=500,
                            help="Carts deleted per transaction (default 500): smaller holds locks for less time.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days, batch_size, dry_run, **options):
        if days < 1:
            raise UsageError("--days must be at least 1.")
        if batch_size < 1:
            raise UsageError("--batch-size must be at least 1.")
        count = carts_expire(days=days, dry_run=dry_run, batch_size=batch_size)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} abandoned guest cart(s) with no activity for {days} day(s).")
