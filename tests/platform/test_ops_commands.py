"""The ops commands agree: `--help` explains each option, exit status 0 done / 1 failed / 2 usage error (through
call_command and in a shell), and long work shows a progress bar on a terminal only."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from moodmnky.management.base import EPILOG, OpsCommand
from moodmnky.management.progress import Progress

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
OPS_COMMANDS = ["seed_demo", "create_api_key", "expire_carts", "import_catalog", "low_stock_report",
                "prune_idempotency_keys", "redeliver_webhooks", "sweep_webhooks", "check_setup", "webhook_receiver",
                "requeue_lost_tasks"]
DJANGO_OPTIONS = {"help", "version", "verbosity", "settings", "pythonpath", "traceback", "no_color", "force_color",
                  "skip_checks"}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", OPS_COMMANDS)
def test_help_describes_the_command_every_option_and_the_exit_status(name):
    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("manage.py", name)

    text = parser.format_help()

    assert isinstance(command, OpsCommand) and len(command.help) > 60
    assert " ".join(EPILOG.split()) in " ".join(text.split())
    own = [action for action in parser._actions if action.dest not in DJANGO_OPTIONS]
    assert own and all(action.help and len(action.help) >= 15 for action in own), name


@pytest.mark.parametrize(("name", "args"), [
    ("expire_carts", ["--days", "0"]),
    ("expire_carts", ["--no-such-option"]),
    ("create_api_key", ["--name", "ops", "--scopes", "nonsense:read"]),
    ("create_api_key", ["--name", "ops", "--scopes", "all", "--expires-in-days", "0"]),
    ("import_catalog", ["/no/such/file.csv"]),
    ("low_stock_report", ["--product-type", "spaceship"]),
    ("redeliver_webhooks", ["--failed", "--since", "the other day"]),
    ("seed_demo", ["--products", "-1"]),
    ("check_setup", ["--wait-for-worker", "-1"]),
    ("sweep_webhooks", ["extra-argument"]),
])
def test_bad_options_are_a_usage_error_with_status_2(name, args):
    with pytest.raises(CommandError) as raised:
        call_command(name, *args, stdout=io.StringIO(), stderr=io.StringIO())

    assert raised.value.returncode == 2


def test_work_that_fails_exits_with_status_1(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("product_slug,product_name,sku,variant_name,price,quantity\nx,X,SKU-1,8 oz,not-a-price,1\n")

    with pytest.raises(CommandError) as raised:
        call_command("import_catalog", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    assert raised.value.returncode == 1


def test_in_a_shell_usage_errors_exit_2_and_failures_exit_1(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "moodmnky.settings", "DEBUG": "0", "HTTPS_ONLY": "0",
           "SECRET_KEY": "s" * 10, "JWT_SIGNING_KEY": "j" * 10, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "REDIS_URL": ""}

    def start(*args):
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    usage, failed = start("expire_carts", "--days", "0"), start("check_setup")  # side by side: half the wait
    (_, usage_err), (failed_out, failed_err) = usage.communicate(timeout=120), failed.communicate(timeout=120)

    assert usage.returncode == 2 and "--days must be at least 1" in usage_err
    assert failed.returncode == 1 and "FAIL security.W009" in failed_out and "FAIL migrations" in failed_out
    assert "Not ready for production" in failed_err


def test_progress_draws_on_a_terminal_and_stays_quiet_elsewhere():
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with Progress(stream, "Working") as bar:
            for done in range(1, 5):
                bar.update(done, 4)

    assert pipe.getvalue() == ""
    assert terminal.getvalue().startswith("\rWorking [") and terminal.getvalue().endswith("4/4 (100 %)\n")


def test_import_catalog_shows_its_progress_on_a_terminal(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("product_slug,product_name,product_type,sku,variant_name,price,quantity\n"
                    "a,A,candle,SKU-A,8 oz,10.00,1\nb,B,candle,SKU-B,8 oz,12.00,1\n")
    terminal, out = Terminal(), io.StringIO()

    call_command("import_catalog", str(path), stdout=out, stderr=terminal)

    assert "Importing products [" in terminal.getvalue() and "2/2 (100 %)" in terminal.getvalue()
    assert "\r" not in out.getvalue() and "Imported" in out.getvalue()
