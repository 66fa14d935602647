"""Which scopes a staff user's Bearer token carries: implied by Django model permissions, one table."""

from moodmnky.models import SCOPES

# Resource of a scope -> the models ("app_label.model") whose permissions grant it. On any one of
# them, "view" grants `<resource>:read`; "add", "change" or "delete" grants `<resource>:write` (which
# includes `:read`) and, for webhooks, `webhooks:manage`. A model that does not exist yet has no
# permission rows, so it grants nothing. docs/api.md ("Staff scopes") shows this same table.
SCOPE_MODELS: dict[str, tuple[str, ...]] = {
    "products": ("catalog.product", "catalog.variant", "catalog.productmedia", "catalog.category",
                 "catalog.collection"),
    "inventory": ("catalog.stockmovement",),
    "orders": ("orders.order", "orders.orderline", "orders.payment", "orders.refund", "orders.fulfillment"),
    "customers": ("customers.customer", "customers.address", "customers.loyaltytransaction"),
    "blends": ("blends.note", "blends.fragrancecategory", "blends.productbase", "blends.blend"),
    "discounts": ("carts.discountcode",),
    "webhooks": ("webhooks.webhooksubscription",),
}
WRITE_ACTIONS = ("add", "change", "delete")


def scopes_for_user(user) -> frozenset[str]:
    """Every scope of an active staff user (a superuser: all of them); nothing for anyone else."""
    if not (user and user.is_authenticated and user.is_active and getattr(user, "is_staff", False)):
        return frozenset()
    if user.is_superuser:
        return frozenset(SCOPES)
    held = user.get_all_permissions()  # cached on the user object for the rest of the request
    granted = set()
    for resource, labels in SCOPE_MODELS.items():
        writes = any(_perm(label, action) in held for label in labels for action in WRITE_ACTIONS)
        reads = writes or any(_perm(label, "view") in held for label in labels)
        if writes:
            granted.update({f"{resource}:write", f"{resource}:manage"})
        if reads:
            granted.add(f"{resource}:read")
    return frozenset(granted & set(SCOPES))


def user_has_scope(user, scope: str) -> bool:
    return scope in scopes_for_user(user)


def _perm(label: str, action: str) -> str:
    app_label, model = label.split(".")
    return f"{app_label}.{action}_{model}"
