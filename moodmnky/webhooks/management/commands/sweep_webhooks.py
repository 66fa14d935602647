from django.core.management.base import BaseCommand

from moodmnky.webhooks import services
from moodmnky.webhooks.tasks import webhook_sweep


class Command(BaseCommand):
    help = ("Re-enqueue webhook deliveries a lost worker or process left behind (run every minute or two from "
            "cron, or --enqueue to hand it to the worker).")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the sweep for db_worker instead.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = webhook_sweep.enqueue()
            self.stdout.write(f"Queued the webhook sweep as task {result.id}.")
            return
        self.stdout.write(f"Queued {services.deliveries_sweep()} webhook delivery(ies) left behind.")
