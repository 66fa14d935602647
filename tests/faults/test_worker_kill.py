"""A worker killed mid-task (SIGKILL) (docs/reliability.md "Faults" → "A worker killed mid-task").

django-tasks-db leaves the task of a killed worker RUNNING for ever; `manage.py requeue_lost_tasks` puts it
back once its lease (TASK_LEASE_SECONDS) is over and the next worker runs it. Webhook deliveries have their
own lease and sweep (tests/webhooks/test_worker.py); here an order email, on PostgreSQL with the real
`manage.py db_worker` in subprocesses.
"""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from moodmnky import services
from moodmnky.services import tasks_requeue_lost
from orders.tasks import order_email_send
from tests.webhooks.test_worker import db_worker

pytestmark = pytest.mark.django_db(transaction=True)


def _running(**fields) -> DBTaskResult:
    return DBTaskResult.objects.create(args_kwargs={"args": [], "kwargs": {}}, task_path="moodmnky.tasks.tasks_recover",
                                       backend_name="database", run_after=timezone.now(), status="RUNNING", **fields)


def test_a_task_running_past_its_lease_is_requeued_and_one_that_took_down_every_worker_is_failed(settings):
    settings.TASK_LEASE_SECONDS = 600
    old = timezone.now() - timedelta(seconds=601)
    lost = _running(started_at=old, worker_ids=["w1"])
    recent = _running(started_at=timezone.now() - timedelta(seconds=60), worker_ids=["w2"])
    poisonous = _running(started_at=old, worker_ids=["w1", "w2", "w3"])

    assert tasks_requeue_lost() == (1, 1)

    lost.refresh_from_db(), recent.refresh_from_db(), poisonous.refresh_from_db()
    assert (lost.status, lost.started_at) == ("READY", None)
    assert recent.status == "RUNNING"  # its worker may well be alive
    assert (poisonous.status, poisonous.exception_class_path) == ("FAILED", "moodmnky.services.WorkerLost")
    assert tasks_requeue_lost() == (0, 0)


def test_requeueing_lost_tasks_takes_one_update_per_batch_however_many_were_lost(settings, monkeypatch):
    settings.TASK_LEASE_SECONDS = 600
    monkeypatch.setattr(services, "REQUEUE_BATCH", 5)
    old = timezone.now() - timedelta(seconds=601)
    lost = [_running(started_at=old, worker_ids=["w1"]) for _ in range(12)]
    poisonous = [_running(started_at=old, worker_ids=["w1", "w2", "w3"]) for _ in range(5)]

    with CaptureQueriesContext(connection) as queries:
        assert tasks_requeue_lost() == (12, 5)

    requeues = [query["sql"].replace("-", "") for query in queries.captured_queries
                if query["sql"].startswith("UPDATE") and "'READY'" in query["sql"]]
    # 12 tasks in batches of 5: three UPDATEs of 5, 5 and 2 tasks, each task in exactly one of them.
    assert [sum(task.pk.hex in sql for task in lost) for sql in requeues] == [5, 5, 2]
    assert all(sum(task.pk.hex in sql for sql in requeues) == 1 for task in lost)
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert {statuses[task.pk] for task in lost} == {"READY"} and {statuses[task.pk] for task in poisonous} == {"FAILED"}
    assert DBTaskResult.objects.filter(started_at__isnull=True).count() == 12
    assert all("Claimed by 3 workers (w1, w2, w3)" in traceback for traceback in
               DBTaskResult.objects.filter(status="FAILED").values_list("traceback", flat=True))


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: worker subprocesses share the "
                                                              "test database")
def test_an_order_email_whose_worker_was_killed_mid_send_is_sent_by_the_next_worker(place_order, tmp_path, settings):
    order = place_order((1,))
    (tmp_path / "hold").touch()
    result = order_email_send.using(backend="database").enqueue(str(order.pk), "confirmation", {})
    env = {"DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings", "FAULTS_MAIL_DIR": str(tmp_path)}

    first = db_worker(**env)
    try:
        for _ in range(600):
            if (tmp_path / "sending").exists() or first.poll() is not None:
                break
            time.sleep(0.05)
        assert (tmp_path / "sending").exists(), "the worker never started sending"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "RUNNING" and len(task.worker_ids) == 1  # what django-tasks-db leaves behind
    assert tasks_requeue_lost() == (0, 0)  # within its lease the worker may be alive: nothing is touched
    assert not list(tmp_path.glob("*.log"))  # and nothing was sent

    (tmp_path / "hold").unlink()
    call_command("requeue_lost_tasks", stdout=open(os.devnull, "w"))  # noqa: SIM115  (still within the lease)
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
    lease_over = timezone.now() + timedelta(seconds=settings.TASK_LEASE_SECONDS + 1)
    assert tasks_requeue_lost(now=lease_over) == (1, 0)
    second = db_worker("--batch", **env)
    _, stderr = second.communicate(timeout=60)

    assert second.returncode == 0, stderr.decode()[-2000:]
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == order.email
    assert len(task.worker_ids) == 2 and task.worker_ids[0] != task.worker_ids[1]
    sent = [path.read_text() for path in tmp_path.glob("*.log")]
    assert len(sent) == 1 and f"Your order {order.number} is confirmed" in sent[0]
