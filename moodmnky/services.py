"""Writes to platform tables: API keys, and the task queue's recovery from lost workers."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from moodmnky.errors import ValidationFailedError
from moodmnky.models import SCOPES, ApiKey, hash_key

REQUEUE_BATCH = 500  # task rows per UPDATE in tasks_requeue_lost


def validate_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ValidationFailedError(f"Unknown scopes: {', '.join(unknown)}. Known: {', '.join(SCOPES)}.",
                                    field="scopes")
    return sorted(set(scopes), key=SCOPES.index)


@transaction.atomic
def api_key_create(*, name: str, scopes: list[str], expires_at: datetime | None = None,
                   created_by=None) -> tuple[ApiKey, str]:
    """Create a key; returns it with the full secret, which is never stored and never shown again."""
    prefix, raw_key = ApiKey.generate()
    api_key = ApiKey.objects.create(
        name=name, prefix=prefix, hashed_key=hash_key(raw_key), scopes=validate_scopes(scopes),
        expires_at=expires_at, created_by=created_by,
    )
    return api_key, raw_key


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


@transaction.atomic
def tasks_requeue_lost(*, now: datetime | None = None) -> tuple[int, int]:
    """Put back in the queue the tasks a lost worker left RUNNING; returns (requeued, failed).

    django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a worker
    killed mid-task (SIGKILL, out of memory, machine lost) leaves it RUNNING for ever. A task RUNNING for
    longer than TASK_LEASE_SECONDS (well above the longest task: mail and webhook calls time out much
    sooner) is presumed lost and made READY again, so the next worker runs it again (at-least-once: the
    lost run may have done part or all of its work). One that already took TASK_MAX_CLAIMS workers down
    is failed instead, so a task that kills its worker cannot do so for ever.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lost = list(DBTaskResult.objects.select_for_update(skip_locked=True).filter(
        status="RUNNING", started_at__lt=now - timedelta(seconds=settings.TASK_LEASE_SECONDS)).only("worker_ids"))
    failing = [task for task in lost if len(task.worker_ids) >= settings.TASK_MAX_CLAIMS]
    requeue_ids = [task.pk for task in lost if len(task.worker_ids) < settings.TASK_MAX_CLAIMS]
    for start in range(0, len(requeue_ids), REQUEUE_BATCH):  # one UPDATE per batch, however many were lost
        DBTaskResult.objects.filter(pk__in=requeue_ids[start:start + REQUEUE_BATCH]).update(
            status="READY", started_at=None)
    for task in failing:
        task.status, task.finished_at = "FAILED", now
        task.exception_class_path = "moodmnky.services.WorkerLost"
        task.traceback = (f"Claimed by {len(task.worker_ids)} workers ({', '.join(task.worker_ids)}); "
                          f"none finished it within {settings.TASK_LEASE_SECONDS} s.")
    DBTaskResult.objects.bulk_update(failing, ["status", "finished_at", "exception_class_path", "traceback"],
                                     batch_size=REQUEUE_BATCH)
    return len(requeue_ids), len(failing)
