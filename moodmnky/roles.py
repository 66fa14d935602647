"""Staff roles: one Django group per job, with just the permissions that job needs (docs/admin.md "Staff roles").

The same permissions decide what the admin shows a member and which API scopes the member's Bearer token
carries (moodmnky/api/scopes.py). Migration moodmnky.0005 creates the groups with `roles_migrate`; it is
additive and idempotent, so a migration that later grants a role a new permission (a new model, a custom
permission) adds it to ROLES below and runs `migrations.RunPython(roles_migrate, migrations.RunPython.noop)`
again, depending on the migration that creates the permission.

Importable without Django set up (customers/demo_accounts.py names the roles for scripts/run-dev.sh).
"""

CATALOG_MANAGERS = "Catalog managers"
FULFILMENT = "Fulfilment"
CUSTOMER_SERVICE = "Customer service"
BLEND_FORMULATORS = "Blend formulators"
DEVELOPERS = "Developers"

# The order's page and its read-only tables (lines, payments, parcels, refunds, timeline): an inline
# shows only to users who may view its model.
# `change_order` is what grants a member's token `orders:write`; the desk's buttons each need their own
# permission on top (pay, fulfil, cancel, refund: orders.Order's Meta, docs/orders.md).
_ORDER_DESK = ("orders.view_order", "orders.change_order", "orders.view_orderline", "orders.view_payment",
               "orders.view_fulfillment", "orders.view_refund", "orders.view_orderevent", "orders.view_orderemail")

# Role -> "app_label.codename" permissions. Products are archived, never deleted, so nobody gets
# delete_product; the ledgers (stock, notes, loyalty) take rows from services only ("add" = adjust).
ROLES: dict[str, tuple[str, ...]] = {
    CATALOG_MANAGERS: (
        "catalog.add_product", "catalog.change_product", "catalog.view_product",
        "catalog.add_variant", "catalog.change_variant", "catalog.delete_variant", "catalog.view_variant",
        "catalog.add_productmedia", "catalog.change_productmedia", "catalog.delete_productmedia",
        "catalog.view_productmedia",
        "catalog.add_category", "catalog.change_category", "catalog.delete_category", "catalog.view_category",
        "catalog.add_collection", "catalog.change_collection", "catalog.delete_collection",
        "catalog.view_collection",
        "catalog.add_stockmovement", "catalog.view_stockmovement",
        "carts.add_discountcode", "carts.change_discountcode", "carts.view_discountcode",
        "carts.view_discountusage",
    ),
    FULFILMENT: (
        *_ORDER_DESK, "orders.fulfil_order",
        "catalog.view_product", "catalog.view_variant", "catalog.view_stockmovement",
        "blends.view_blend",
    ),
    CUSTOMER_SERVICE: (
        *_ORDER_DESK, "orders.pay_order", "orders.cancel_order", "orders.refund_order",
        "customers.view_customer", "customers.change_customer", "customers.view_address",
        "customers.add_loyaltytransaction", "customers.view_loyaltytransaction",
        "customers.view_customerauditentry",
        "carts.view_cart", "carts.view_cartitem", "carts.view_cartdiscount",
        "carts.view_discountcode", "carts.view_discountusage",
    ),
    BLEND_FORMULATORS: (
        "blends.view_blend", "blends.change_blend",
        "blends.add_note", "blends.change_note", "blends.view_note",
        "blends.add_noteifralimit", "blends.change_noteifralimit", "blends.delete_noteifralimit",
        "blends.view_noteifralimit",
        "blends.view_notestockmovement",
        "blends.add_fragrancecategory", "blends.change_fragrancecategory", "blends.view_fragrancecategory",
        "blends.add_productbase", "blends.change_productbase", "blends.view_productbase",
    ),
    DEVELOPERS: (
        "moodmnky.add_apikey", "moodmnky.change_apikey", "moodmnky.view_apikey",
        "webhooks.add_webhooksubscription", "webhooks.change_webhooksubscription",
        "webhooks.delete_webhooksubscription", "webhooks.view_webhooksubscription",
        "webhooks.view_webhookdelivery", "webhooks.view_webhookattempt",
        "django_tasks_database.view_dbtaskresult",
        "catalog.view_product", "catalog.view_variant", "catalog.view_category", "catalog.view_collection",
        "catalog.view_stockmovement",
    ),
}


def roles_migrate(apps, schema_editor) -> None:
    """A data migration's step: the permissions of every app, then the groups (roles_sync). On a fresh database
    Django creates permissions only after all migrations have run (post_migrate), so they are created here."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        # The installed app (its models module is loaded) against the historical models of this state.
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    roles_sync(group_model=apps.get_model("auth", "Group"), permission_model=apps.get_model("auth", "Permission"))


def roles_sync(*, group_model=None, permission_model=None) -> dict[str, list[str]]:
    """Create the missing role groups and add each one's permissions; never removes a permission an owner
    added, never duplicates a group. A permission whose model does not exist yet is skipped (returned
    per role), so the migration that adds the model can grant it by calling this again."""
    if group_model is None or permission_model is None:
        from django.contrib.auth.models import Group, Permission

        group_model, permission_model = group_model or Group, permission_model or Permission
    missing = {}
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        found = {f"{app_label}.{codename}": pk for pk, app_label, codename in permission_model.objects.filter(
            content_type__app_label__in={label.split(".")[0] for label in wanted},
            codename__in={label.split(".")[1] for label in wanted},
        ).values_list("pk", "content_type__app_label", "codename")}
        group.permissions.add(*(found[label] for label in wanted if label in found))
        missing[name] = [label for label in wanted if label not in found]
    return missing
