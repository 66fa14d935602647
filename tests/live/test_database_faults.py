"""PostgreSQL connections killed mid-load (`pg_terminate_backend` on every backend of the test database, from a
separate connection, several times while checkouts run on both servers): answers stay in the error envelope,
the same servers and workers recover without a restart, and no order is half-written."""

import queue
import threading
import time

import psycopg
from django.db import connection
from django_tasks_db.models import DBTaskResult

from orders.models import Order
from tests.carts.factories import CartFactory, CartItemFactory
from tests.live.arrange import LIVE, stocked_variant
from tests.live.checks import assert_shop_consistent
from tests.live.harness import Answer, at_once, long_run, wait_until
from tests.orders.factories import checkout_body

pytestmark = LIVE

KILLS = 20 if long_run() else 5
CARTS = 400 if long_run() else 60
LOAD_THREADS = 8


class Killer(threading.Thread):
    """Every `every` seconds, terminate every backend of the test database except the test's own."""

    def __init__(self, *, times: int, every: float):
        super().__init__(daemon=True)
        self.times, self.every = times, every
        self.terminated: list[int] = []
        settings = connection.settings_dict
        self.database = settings["NAME"]
        self.spared = connection.connection.info.backend_pid  # the test's own connection checks the results
        self.dsn = {"host": settings["HOST"] or "127.0.0.1", "port": settings["PORT"] or 5432,
                    "user": settings["USER"], "password": settings["PASSWORD"] or None, "dbname": "postgres"}

    def run(self) -> None:
        with psycopg.connect(**self.dsn, autocommit=True) as admin:
            for _ in range(self.times):
                time.sleep(self.every)
                self.terminated.append(admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
                    (self.database, self.spared)).fetchone()[0])


def checkout_load(live, carts) -> dict:
    """Check out every cart with LOAD_THREADS shoppers at a time, alternating servers; {cart id: answer}."""
    todo: queue.Queue = queue.Queue()
    for index, cart in enumerate(carts):
        todo.put((index, cart))
    answers: dict = {}

    def shopper():
        while True:
            try:
                index, cart = todo.get_nowait()
            except queue.Empty:
                return
            answers[cart.pk] = live.send("POST", f"/carts/{cart.pk}/checkout/", server=index, json=checkout_body(),
                                         headers={"Idempotency-Key": f"checkout-{cart.pk}"})

    threads = [threading.Thread(target=shopper) for _ in range(LOAD_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_connections_killed_mid_checkout_load_leave_no_half_written_order(live, shop):
    variants = [stocked_variant(10 * CARTS), stocked_variant(10 * CARTS)]
    carts = []
    for index in range(CARTS):
        cart = CartFactory(email="guest@example.com")
        CartItemFactory(cart=cart, variant=variants[index % 2], quantity=1)
        CartItemFactory(cart=cart, variant=variants[(index + 1) % 2], quantity=2)
        carts.append(cart)
    connection.ensure_connection()
    killer = Killer(times=KILLS, every=0.6)

    killer.start()
    answers = checkout_load(live, carts)
    killer.join()

    assert len(killer.terminated) == KILLS and sum(killer.terminated) > 0
    failed = {cart_id: answer for cart_id, answer in answers.items() if answer.status != 201}
    assert failed, "no checkout was in flight when its connection was killed: the fault tested nothing"
    assert all(_is_outage_envelope(answer) for answer in failed.values()), \
        {answer.status: answer.body or answer.error for answer in failed.values()}
    ordered = set(Order.objects.values_list("cart_id", flat=True))
    assert ordered == {cart_id for cart_id, answer in answers.items() if answer.status == 201}
    # Recovery, same processes: both servers healthy, and every cart that failed checks out now, once, retried
    # with the same Idempotency-Key (a lost connection must not leave the key "in progress").
    assert all(process.alive() for process in shop.processes)
    assert [live.send("GET", "/health/", server=index).status for index in range(2)] == [200, 200]
    retried = at_once([lambda cart_id=cart_id, index=index: live.send(
        "POST", f"/carts/{cart_id}/checkout/", server=index, json=checkout_body(),
        headers={"Idempotency-Key": f"checkout-{cart_id}"}) for index, cart_id in enumerate(failed)])
    assert [answer.status for answer in retried] == [201] * len(failed), [answer.body for answer in retried]
    checked = assert_shop_consistent()
    assert checked["orders"] == CARTS
    # The workers were hit too: they still take tasks (the emails of every order) and finish them.
    wait_until(lambda: not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists(), timeout=60)
    assert all(process.alive() for process in shop.task_workers)
    shop.report("postgresql_connections_killed", requests=len(answers) + len(retried), kills=KILLS,
                backends_terminated=sum(killer.terminated), answered_503=len(failed), orders_checked=checked["orders"],
                stock_movements_checked=checked["stock_movements"], tasks_done=DBTaskResult.objects.count())


def _is_outage_envelope(answer: Answer) -> bool:
    return answer.status is not None and answer.status >= 500 and answer.is_envelope() and \
        answer.code in {"internal_error", "service_unavailable"}
