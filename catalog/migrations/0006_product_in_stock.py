"""`Product.in_stock`: a product has a sellable variant, kept by the services (docs/performance.md).

The backfill is one UPDATE … SET in_stock = EXISTS(sellable variant) on SQLite and PostgreSQL; it runs
before the index is built. Reversing drops the index and the column (the backfill has nothing to undo).
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q


def backfill_in_stock(apps, schema_editor):
    Product, Variant = apps.get_model("catalog", "Product"), apps.get_model("catalog", "Variant")
    sellable = Q(quantity__gt=0) | Q(track_inventory=False) | Q(allow_backorder=True)
    Product.objects.update(in_stock=Exists(Variant.objects.filter(sellable, product=OuterRef("pk"))))


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0005_large_catalog"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="in_stock",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(backfill_in_stock, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="product",
            index=models.Index(fields=["status", "in_stock", "-created_at", "-id"],
                               name="catalog_product_stock_newest"),
        ),
    ]
