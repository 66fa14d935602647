"""Create the rate-limit counters' table (used when neither RATELIMIT_REDIS_URL nor REDIS_URL is set)."""

from django.core.management import call_command
from django.db import migrations


def create_counter_table(apps, schema_editor):
    call_command("createcachetable", "moodmnky_ratelimit", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("moodmnky", "0002_cache_table")]

    operations = [migrations.RunPython(create_counter_table, migrations.RunPython.noop)]
