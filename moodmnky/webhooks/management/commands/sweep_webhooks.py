from moodmnky.management.base import OpsCommand
from moodmnky.webhooks import services
from moodmnky.webhooks.tasks import webhook_sweep


class Command(OpsCommand):
    help = ("Re-enqueue webhook deliveries a lost worker or process left behind, and fan out events whose "
            "deliveries were never created. Run every minute or two from cron (or with --enqueue, which hands it "
            "to the worker).")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the sweep as a background task for db_worker and return at once.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = webhook_sweep.enqueue()
            self.stdout.write(f"Queued the webhook sweep as task {result.id}.")
            return
        self.stdout.write(f"Queued {services.deliveries_sweep()} webhook delivery(ies) left behind.")
