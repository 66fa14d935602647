from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from moodmnky.models import IdempotencyRecord
from moodmnky.tasks import idempotency_prune

pytestmark = pytest.mark.django_db(transaction=True)


def test_task_is_queued_in_the_database_and_run_by_db_worker():
    IdempotencyRecord.objects.create(caller="c", key="old", request_hash="x",
                                     created_at=timezone.now() - timedelta(days=2))
    IdempotencyRecord.objects.create(caller="c", key="new", request_hash="x")

    result = idempotency_prune.using(backend="database").enqueue()
    assert result.status == "READY"
    assert IdempotencyRecord.objects.count() == 2  # nothing ran yet: the worker does it

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", "--backend", "database",
                 verbosity=0)

    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


def test_prune_command_deletes_only_expired_records(capsys):
    IdempotencyRecord.objects.create(caller="c", key="old", request_hash="x",
                                     created_at=timezone.now() - timedelta(hours=25))
    IdempotencyRecord.objects.create(caller="c", key="fresh", request_hash="x")

    call_command("prune_idempotency_keys")

    assert "Deleted 1 expired" in capsys.readouterr().out
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["fresh"]
