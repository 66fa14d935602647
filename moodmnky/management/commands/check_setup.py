from django.core.management.base import CommandError

from moodmnky.management.base import OpsCommand, UsageError
from moodmnky.setup_checks import FAIL, OK, WARN, setup_checks


class Command(OpsCommand):
    help = ("Report what is misconfigured for production, one line per check (OK, WARN or FAIL) with the fix: "
            "placeholder keys, Django's deployment checks (check --deploy: DEBUG, ALLOWED_HOSTS, HTTPS, HSTS, "
            "cookies, SECRET_KEY strength), wildcard or local-only hosts, the proxy, PostgreSQL "
            "reachable and migrated, Redis reachable, a background worker alive, mail, the payment gateway, media "
            "and static files. Exit status 1 when anything FAILs (with --strict, also on a WARN).")

    # Django's system checks are part of the report (check_deploy): not run again before it, where an error
    # would stop the command before it printed anything.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--wait-for-worker", type=float, default=0, metavar="SECONDS",
                            help="Queue a heartbeat task and wait up to SECONDS for a worker to run it (default: "
                                 "judge from the task table alone, without waiting).")
        parser.add_argument("--strict", action="store_true", help="Exit with status 1 on a WARN too (for CI).")

    def handle(self, *args, wait_for_worker, strict, **options):
        if wait_for_worker < 0:
            raise UsageError("--wait-for-worker must be 0 or more seconds.")
        checks = setup_checks(wait_for_worker=wait_for_worker)
        for check in checks:
            style = {OK: self.style.SUCCESS, WARN: self.style.WARNING, FAIL: self.style.ERROR}[check.status]
            line = f"{style(f'{check.status:<4}')} {check.name:<16} {check.message}"
            self.stdout.write(line + (f" — fix: {check.fix}" if check.fix else ""))
        counts = {status: sum(check.status == status for check in checks) for status in (OK, WARN, FAIL)}
        self.stdout.write(f"{len(checks)} checks: {counts[OK]} OK, {counts[WARN]} WARN, {counts[FAIL]} FAIL.")
        if counts[FAIL] or (strict and counts[WARN]):
            raise CommandError("Not ready for production: fix the lines marked FAIL"
                               + (" and WARN." if strict and counts[WARN] else "."))
