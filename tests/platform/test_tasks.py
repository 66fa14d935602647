from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as library_db_worker

from moodmnky.management.commands import db_worker as our_db_worker
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


def test_db_worker_survives_a_lost_connection_and_runs_the_interrupted_task_again(monkeypatch):
    IdempotencyRecord.objects.create(caller="c", key="old", request_hash="x",
                                     created_at=timezone.now() - timedelta(days=2))
    result = idempotency_prune.using(backend="database").enqueue()
    library_run_task, cut = library_db_worker.Worker.run_task, []

    def run_task_losing_the_first_connection(worker, db_task_result):
        if not cut:  # the connection dies mid-task: not even the failure can be written
            cut.append(str(db_task_result.pk))
            raise OperationalError("terminating connection due to administrator command")
        library_run_task(worker, db_task_result)

    monkeypatch.setattr(library_db_worker.Worker, "run_task", run_task_losing_the_first_connection)
    monkeypatch.setattr(our_db_worker.time, "sleep", lambda seconds: None)

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", "--backend", "database",
                 verbosity=0)

    result.refresh()
    assert cut == [result.id]
    assert result.status == "SUCCESSFUL" and result.return_value == 1
    assert result.worker_ids == [result.worker_ids[0]] * 2  # claimed, cut off, queued again, claimed again
    assert library_db_worker.Worker is not our_db_worker.Worker  # the swap ends with the command


def test_prune_command_deletes_only_expired_records(capsys):
    IdempotencyRecord.objects.create(caller="c", key="old", request_hash="x",
                                     created_at=timezone.now() - timedelta(hours=25))
    IdempotencyRecord.objects.create(caller="c", key="fresh", request_hash="x")

    call_command("prune_idempotency_keys")

    assert "Deleted 1 expired" in capsys.readouterr().out
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["fresh"]
