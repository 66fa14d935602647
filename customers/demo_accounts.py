"""The demo logins, importable without Django (scripts/run-dev.sh prints them before the server starts)."""

DEMO_STAFF = ("staff@moodmnky.example", "mnky-staff-demo-2026")
DEMO_CUSTOMER = ("customer@moodmnky.example", "mnky-customer-demo-2026")
