"""Demo accounts: a staff user for the admin and a customer for the storefront (printed by `make run`)."""

DEMO_STAFF = ("staff@moodmnky.example", "mnky-staff-demo-2026")
DEMO_CUSTOMER = ("customer@moodmnky.example", "mnky-customer-demo-2026")


def seed(*, stdout, products: int = 0) -> str:
    from customers.models import Customer  # imported here: run-dev.sh reads the credentials without Django

    staff, created_staff = Customer.objects.get_or_create(
        email=DEMO_STAFF[0], defaults={"first_name": "Mona", "last_name": "Staff", "is_staff": True,
                                       "is_superuser": True})
    if created_staff:
        staff.set_password(DEMO_STAFF[1])
        staff.save(update_fields=["password"])
    customer, created_customer = Customer.objects.get_or_create(
        email=DEMO_CUSTOMER[0], defaults={"first_name": "Casey", "last_name": "Customer"})
    if created_customer:
        customer.set_password(DEMO_CUSTOMER[1])
        customer.save(update_fields=["password"])
    return f"staff {DEMO_STAFF[0]} / {DEMO_STAFF[1]}, customer {DEMO_CUSTOMER[0]} / {DEMO_CUSTOMER[1]}"
