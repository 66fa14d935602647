"""Platform background work."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from moodmnky import services
from moodmnky.models import IdempotencyRecord


@task()
def idempotency_prune() -> int:
    """Delete idempotency records older than IDEMPOTENCY_TTL; returns how many went."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - settings.IDEMPOTENCY_TTL).delete()
    return deleted


@task()
def worker_heartbeat() -> str:
    """Does nothing but finish: `check_setup --wait-for-worker N` queues it to see a worker take it."""
    return timezone.now().isoformat()


@task()
def tasks_recover() -> list[int]:
    """Requeue the tasks lost workers left RUNNING; see services.tasks_requeue_lost."""
    return list(services.tasks_requeue_lost())
