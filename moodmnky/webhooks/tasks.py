"""Webhook background work, run by `manage.py db_worker`."""

from django_tasks import task

from moodmnky.webhooks import services


@task()
def webhook_deliver(delivery_id: int) -> str:
    """One attempt of one delivery (a no-op when another worker has it or it is not due)."""
    attempt = services.delivery_attempt(delivery_id=delivery_id)
    return "skipped" if attempt is None else f"attempt {attempt.number}: {attempt.status_code or attempt.error}"


@task()
def webhook_sweep() -> int:
    """Re-enqueue deliveries a lost worker left behind; see services.deliveries_sweep."""
    return services.deliveries_sweep()
