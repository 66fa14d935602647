from moodmnky import services
from moodmnky.management.base import OpsCommand
from moodmnky.tasks import tasks_recover


class Command(OpsCommand):
    help = ("Requeue background tasks left RUNNING by a worker that died mid-task (past TASK_LEASE_SECONDS); run "
            "every few minutes from cron, or --enqueue to hand it to the worker.")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the sweep as a background task for db_worker and return at once.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = tasks_recover.enqueue()
            self.stdout.write(f"Queued the lost-task sweep as task {result.id}.")
            return
        requeued, failed = services.tasks_requeue_lost()
        self.stdout.write(f"Requeued {requeued} task(s) a lost worker left running; failed {failed} that took "
                          f"down too many workers.")
