"""Data safety (docs/reliability.md "Data safety: backup and restore"): seed orders, stock and loyalty
ledgers, blends and media; scripts/backup.sh; scripts/restore.sh into a FRESH database and media folder;
scripts/data_snapshot.py on both sides must agree on every table's row count, the ledger sums and the
media files, and find no ledger error."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection

from catalog.models import ProductMedia, StockMovement
from customers.models import LoyaltyTransaction
from orders.models import Order
from tests.blends.factories import BlendFactory
from tests.catalog.factories import ProductMediaFactory
from tests.catalog.images import image_upload
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db(transaction=True)
SCRIPTS = django_settings.BASE_DIR / "scripts"


def run(*command, **env) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=django_settings.BASE_DIR, env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=120, check=False)


def snapshot(database_url: str, media_root) -> dict:
    done = run(sys.executable, str(SCRIPTS / "data_snapshot.py"), DATABASE_URL=database_url,
               MEDIA_ROOT=str(media_root), DJANGO_SETTINGS_MODULE="moodmnky.settings")
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def seeded(place_order, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    customer = CustomerFactory()
    orders = [place_order((2, 1), customer=customer) for _ in range(3)] + [place_order((1,))]
    BlendFactory(customer=customer)
    ProductMediaFactory(product=orders[0].lines.first().variant.product, image=image_upload("front.png"))
    assert Order.objects.count() == 4 and StockMovement.objects.count() == 7
    assert LoyaltyTransaction.objects.filter(customer=customer).count() == 3 and ProductMedia.objects.count() == 1
    return tmp_path


def backup_and_restore(source_url: str, target_url: str, tmp_path) -> tuple[dict, dict]:
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    made = run(str(SCRIPTS / "backup.sh"), "--out", str(tmp_path / "backups"), DATABASE_URL=source_url,
               MEDIA_ROOT=str(media))
    assert made.returncode == 0, made.stderr
    backup = made.stdout.strip().splitlines()[-1]
    assert {"MANIFEST", "media.tar.gz"} < set(os.listdir(backup))
    restored = run(str(SCRIPTS / "restore.sh"), backup, DATABASE_URL=target_url, MEDIA_ROOT=str(restored_media))
    assert restored.returncode == 0, restored.stderr
    again = run(str(SCRIPTS / "restore.sh"), backup, DATABASE_URL=target_url, MEDIA_ROOT=str(restored_media))
    assert again.returncode == 1, again.stderr  # never over what is there without --force
    return snapshot(source_url, media), snapshot(target_url, restored_media)


def assert_same(before: dict, after: dict) -> None:
    assert after == before
    assert before["ledger_errors"] == []
    assert before["rows"]["orders_order"] == 4 and before["rows"]["catalog_stockmovement"] == 7
    assert before["loyalty"]["balances"] == before["loyalty"]["ledger"] > 0
    assert len(before["media"]) == 1 and before["media"][0].endswith(".png")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL variant (pg_dump/pg_restore)")
def test_postgresql_backup_restores_into_a_fresh_database_with_every_row_ledger_and_file(seeded):
    db = connection.settings_dict
    base = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    fresh = f"{db['NAME']}_restored"
    admin = f"{base}/postgres"
    run("psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{fresh}"')
    assert run("psql", admin, "-qc", f'CREATE DATABASE "{fresh}"').returncode == 0
    try:
        before, after = backup_and_restore(f"{base}/{db['NAME']}", f"{base}/{fresh}", seeded)
    finally:
        run("psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')

    assert_same(before, after)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite variant (the online backup API)")
def test_sqlite_backup_restores_into_a_fresh_file_with_every_row_ledger_and_file(seeded):
    source = seeded / "shop.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(source) as copy:  # the in-memory test database as the shop's file
        connection.connection.backup(copy)

    before, after = backup_and_restore(f"sqlite:///{source}", f"sqlite:///{seeded / 'restored.sqlite3'}", seeded)

    assert_same(before, after)
