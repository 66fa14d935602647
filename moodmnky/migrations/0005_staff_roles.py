"""The staff roles (moodmnky/roles.py): one group per job with its permissions.

On a fresh database Django creates permissions only after every migration has run (post_migrate), so
roles_migrate first creates the content types and permissions of every app itself; both steps are idempotent.
Reversing it deletes the five groups.
"""

from django.db import migrations

from moodmnky.roles import ROLES, roles_migrate


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moodmnky", "0004_endedsession"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0001_initial"),
        ("webhooks", "0003_subscriptions_deliveries"),
        ("customers", "0003_session_generation"),
        ("catalog", "0005_large_catalog"),
        ("blends", "0002_note_low_stock_grams"),
        ("carts", "0002_cartitem_blend_lines"),
        ("orders", "0004_desk_permissions_and_email_log"),
    ]

    operations = [migrations.RunPython(roles_migrate, delete_roles)]
