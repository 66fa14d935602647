"""`manage.py db_worker`: django-tasks-db's worker, made to outlive a lost database connection.

django-tasks-db's own worker exits on any database error that is not a lock (a PostgreSQL restart, a failover,
a backend killed by `pg_terminate_backend`), and the task it was running stays RUNNING forever. This one waits
and reconnects instead, and puts the task the outage interrupted back in the queue (at-least-once: a task cut
off after its side effect, an email sent say, runs again). Options are the library's (`--queue-name`, …).
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

DATABASE_LOST = (OperationalError, InterfaceError)
RECONNECT_PAUSE_SECONDS = 1.0


class Worker(db_worker.Worker):
    interrupted = None  # the id of the task a lost connection cut off, until it is back in the queue

    def run(self) -> None:
        while True:
            try:
                self._requeue_interrupted()
                return super().run()
            except DATABASE_LOST as exc:
                logger.warning("Database connection lost (%s); reconnecting in %ss", exc, RECONNECT_PAUSE_SECONDS)
                connections.close_all()
                time.sleep(RECONNECT_PAUSE_SECONDS)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
        except DATABASE_LOST:  # not even the task's outcome could be written: run it again once reconnected
            self.interrupted = db_task_result.pk
            raise

    def _requeue_interrupted(self) -> None:
        if self.interrupted is None:
            return
        DBTaskResult.objects.filter(pk=self.interrupted, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY)
        logger.warning("Task id=%s was interrupted by the lost connection and is queued again", self.interrupted)
        self.interrupted = None


class Command(db_worker.Command):
    def handle(self, *args, **options) -> None:
        library_worker, db_worker.Worker = db_worker.Worker, Worker  # the library's handle() builds it by this name
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = library_worker
