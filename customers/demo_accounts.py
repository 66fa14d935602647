"""The demo logins, importable without Django (scripts/run-dev.sh prints them before the server starts)."""

from moodmnky.roles import BLEND_FORMULATORS, CATALOG_MANAGERS, CUSTOMER_SERVICE, DEVELOPERS, FULFILMENT

DEMO_STAFF = ("staff@moodmnky.example", "mnky-staff-demo-2026")
DEMO_CUSTOMER = ("customer@moodmnky.example", "mnky-customer-demo-2026")
# One staff login per role (moodmnky/roles.py): a member of that group only, not a superuser.
DEMO_ROLE_LOGINS = {
    CATALOG_MANAGERS: ("catalog@moodmnky.example", "mnky-catalog-demo-2026"),
    FULFILMENT: ("fulfilment@moodmnky.example", "mnky-fulfilment-demo-2026"),
    CUSTOMER_SERVICE: ("support@moodmnky.example", "mnky-support-demo-2026"),
    BLEND_FORMULATORS: ("formulator@moodmnky.example", "mnky-formulator-demo-2026"),
    DEVELOPERS: ("developer@moodmnky.example", "mnky-developer-demo-2026"),
}
