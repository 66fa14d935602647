"""Order numbers: a sequence on PostgreSQL (MNKY-1001 upward), a counter row elsewhere (SQLite)."""

from django.db import migrations


class PostgresRunSQL(migrations.RunSQL):
    """RunSQL that only runs on PostgreSQL (SQLite uses the OrderNumberCounter row instead)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def seed_counter(apps, schema_editor):
    apps.get_model("orders", "OrderNumberCounter").objects.get_or_create(pk=1, defaults={"value": 1000})


class Migration(migrations.Migration):
    dependencies = [("orders", "0001_initial")]

    operations = [
        PostgresRunSQL(
            sql="CREATE SEQUENCE IF NOT EXISTS orders_order_number_seq START WITH 1001 MINVALUE 1001",
            reverse_sql="DROP SEQUENCE IF EXISTS orders_order_number_seq",
        ),
        migrations.RunPython(seed_counter, migrations.RunPython.noop),
    ]
