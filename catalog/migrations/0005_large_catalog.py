"""Indexes for 100,000 products (docs/performance.md "100,000 products").

- `sort=name` in both directions: (status, name, id), walked backwards for desc.
- `in_stock=`: a partial index of the sellable variants per product.
- PostgreSQL only: a stored `search_vector` column (generated from `search_text`, so PostgreSQL keeps it
  current on every write) with a GIN index; ranking reads it instead of re-parsing every match's text.
  It replaces the expression index of migration 0002. SQLite has no full-text column: it searches with LIKE.
"""

from django.db import migrations, models

VECTOR = "to_tsvector('english'::regconfig, COALESCE(search_text, ''))"


def add_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE catalog_product ADD COLUMN IF NOT EXISTS search_vector tsvector "
                          f"GENERATED ALWAYS AS ({VECTOR}) STORED")
    schema_editor.execute("CREATE INDEX IF NOT EXISTS catalog_product_search_vector ON catalog_product "
                          "USING gin (search_vector)")
    schema_editor.execute("DROP INDEX IF EXISTS catalog_product_search_gin")


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS catalog_product_search_gin ON catalog_product USING gin ({VECTOR})")
    schema_editor.execute("ALTER TABLE catalog_product DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0004_product_min_price"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="product",
            name="catalog_product_status_name",
        ),
        migrations.AddIndex(
            model_name="product",
            index=models.Index(fields=["status", "name", "id"], name="catalog_product_status_name_id"),
        ),
        migrations.AddIndex(
            model_name="variant",
            index=models.Index(condition=models.Q(("quantity__gt", 0), ("track_inventory", False),
                                                  ("allow_backorder", True), _connector="OR"),
                               fields=["product"], name="catalog_variant_sellable"),
        ),
        migrations.RunPython(add_search_vector, drop_search_vector),
    ]
