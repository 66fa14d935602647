import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo data exposes `<app>.demo.seed(*, stdout, products: int) -> str` (a summary
# line), idempotent; they run in dependency order.
DEMO_APPS = ["customers", "catalog", "blends", "carts", "orders"]


class Command(BaseCommand):
    help = "Load a believable demo shop (idempotent); --products N adds N generated products for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=0, help="Extra generated products (benchmarks).")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when demo data is already loaded.")

    def handle(self, *args, products, if_empty, **options):
        from customers.demo_accounts import DEMO_STAFF
        from customers.models import Customer

        if if_empty and Customer.objects.filter(email=DEMO_STAFF[0]).exists():
            self.stdout.write("Demo data already loaded; skipping (run `manage.py seed_demo` to top it up).")
            return
        for app in DEMO_APPS:
            try:
                demo = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            with transaction.atomic():
                summary = demo.seed(stdout=self.stdout, products=products)
            if summary:
                self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
