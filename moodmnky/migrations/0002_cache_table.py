"""Create the database cache table (used when REDIS_URL is unset) with every migrate, test databases included.

The table is named explicitly (settings.py uses the same name), so it exists whatever cache the
current settings select."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", "moodmnky_cache", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("moodmnky", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
