"""Print, as JSON, what a backup must preserve in the database DATABASE_URL names: rows per table, the
ledger checks, and the media files on disk. Run it before a backup and after a restore, and compare:

    .venv/bin/python scripts/data_snapshot.py > before.json      # and after the restore: > after.json

Ledgers: every variant's quantity equals the `quantity_after` of its latest stock movement, and every
customer's loyalty balance equals the sum of their loyalty ledger; `ledger_errors` lists any that do not
(a damaged restore), and the exit code is 1 then.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moodmnky.settings")


def snapshot() -> dict:
    from django.apps import apps
    from django.conf import settings
    from django.db import connection
    from django.db.models import OuterRef, Subquery, Sum

    Variant, StockMovement = apps.get_model("catalog", "Variant"), apps.get_model("catalog", "StockMovement")
    Customer = apps.get_model("customers", "Customer")
    ProductMedia = apps.get_model("catalog", "ProductMedia")
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        rows = {}
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608  (names from the database itself)
            rows[table] = cursor.fetchone()[0]
    latest = StockMovement.objects.filter(variant=OuterRef("pk")).order_by("-created_at", "-pk")
    stock = Variant.objects.annotate(after=Subquery(latest.values("quantity_after")[:1]),
                                     moved=Sum("stock_movements__delta")).order_by("pk")
    ledger = Customer.objects.annotate(ledger=Sum("loyalty_transactions__points")).order_by("pk")
    media = sorted(str(path.relative_to(settings.MEDIA_ROOT)) for path in Path(settings.MEDIA_ROOT).rglob("*")
                   if path.is_file()) if Path(settings.MEDIA_ROOT).is_dir() else []
    errors = [f"variant {v.pk}: quantity {v.quantity} but its last movement left {v.after}"
              for v in stock if v.after is not None and v.after != v.quantity]
    errors += [f"customer {c.pk}: balance {c.loyalty_points} but ledger {c.ledger or 0}"
               for c in ledger if c.loyalty_points != (c.ledger or 0)]
    errors += [f"media {name} missing" for name in ProductMedia.objects.values_list("image", flat=True)
               if name and name not in media]
    return {
        "rows": rows,
        "stock": {"units": sum(v.quantity for v in stock), "movements": sum(v.moved or 0 for v in stock)},
        "loyalty": {"balances": sum(c.loyalty_points for c in ledger), "ledger": sum(c.ledger or 0 for c in ledger)},
        "media": media,
        "ledger_errors": errors,
    }


if __name__ == "__main__":
    import django

    django.setup()
    result = snapshot()
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    sys.exit(1 if result["ledger_errors"] else 0)
