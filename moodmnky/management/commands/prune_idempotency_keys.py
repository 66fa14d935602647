from django.core.management.base import BaseCommand

from moodmnky.tasks import idempotency_prune


class Command(BaseCommand):
    help = "Delete idempotency records older than IDEMPOTENCY_TTL (run from cron, or --enqueue for the worker)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the work for db_worker instead.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = idempotency_prune.enqueue()
            self.stdout.write(f"Queued idempotency pruning as task {result.id}.")
            return
        self.stdout.write(f"Deleted {idempotency_prune.call()} expired idempotency record(s).")
