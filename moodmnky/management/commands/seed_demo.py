import importlib

from django.conf import settings
from django.db import transaction

from moodmnky.management.base import OpsCommand, UsageError


class Command(OpsCommand):
    help = ("Load a believable demo shop: catalog, notes and blends, discount codes, orders in every state and "
            "30 days of order history (idempotent: a second run only tops it up). Demo logins: with DEBUG on, "
            "the published ones; with DEBUG off, none unless --demo-logins, which sets random passwords and "
            "prints them once.")

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=0, metavar="N",
                            help="Also generate N extra products (with variants) for benchmarks (default 0).")
        parser.add_argument("--if-empty", action="store_true",
                            help="Load nothing when the demo logins already exist (what `make run` uses).")
        parser.add_argument("--demo-logins", action="store_true",
                            help="With DEBUG off: create the demo staff and customer logins with random passwords.")

    def handle(self, *args, products, if_empty, demo_logins, **options):
        if products < 0:
            raise UsageError("--products must be 0 or more.")
        # Apps are reached through settings: DEMO_DATA_APPS (each `<app>.demo.seed(*, stdout, products) -> str`,
        # idempotent, run in dependency order) and DEMO_LOGIN_PROVIDER (a module with logins_exist() and
        # logins_seed(mode=...)).
        provider = importlib.import_module(settings.DEMO_LOGIN_PROVIDER)
        mode = "published" if settings.DEBUG else ("random" if demo_logins else "none")
        if not (if_empty and provider.logins_exist()):
            self._seed_apps(products)
        else:
            self.stdout.write("Demo data already loaded; skipping (run `manage.py seed_demo` to top it up).")
        with transaction.atomic():
            logins = provider.logins_seed(mode=mode)
        for label, email, password in logins:
            self.stdout.write(f"{label}: {email} / {password}")
        if mode == "random":
            self.stdout.write(self.style.WARNING("These passwords are shown once; change them or remove the "
                                                 "accounts before the shop opens."))
        elif mode == "none":
            self.stdout.write("No demo logins (DEBUG is off; --demo-logins creates them with random passwords).")

    def _seed_apps(self, products: int) -> None:
        apps, summaries = settings.DEMO_DATA_APPS, []
        with self.progress("Seeding demo data", total=len(apps)) as bar:
            for done, app in enumerate(apps, start=1):
                try:
                    demo = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                with transaction.atomic():
                    summary = demo.seed(stdout=self.stdout, products=products)
                bar.update(done)
                if summary:
                    summaries.append(f"{app}: {summary}")
        for line in summaries:  # after the bar, which shares the terminal
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
