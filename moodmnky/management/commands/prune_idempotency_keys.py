from moodmnky.management.base import OpsCommand
from moodmnky.tasks import idempotency_prune


class Command(OpsCommand):
    help = ("Delete Idempotency-Key records older than IDEMPOTENCY_TTL (24 h): past it a retried request is a new "
            "request. Run hourly from cron, or with --enqueue to hand the work to db_worker.")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the pruning as a background task for db_worker and return at once.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = idempotency_prune.enqueue()
            self.stdout.write(f"Queued idempotency pruning as task {result.id}.")
            return
        self.stdout.write(f"Deleted {idempotency_prune.call()} expired idempotency record(s).")
