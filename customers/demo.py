"""Demo accounts: a staff user for the admin and a customer for the storefront (printed by `make run`),
with a saved address and a loyalty welcome bonus."""

from customers import services
from customers.demo_accounts import DEMO_CUSTOMER, DEMO_STAFF
from customers.models import Customer
from moodmnky.actors import Actor

DEMO_ADDRESS = {"first_name": "Casey", "last_name": "Customer", "line1": "500 Howard Street", "line2": "Apt 4",
                "city": "San Francisco", "region": "CA", "postal_code": "94105", "country": "US",
                "phone": "+14155550142"}
WELCOME_BONUS = "Welcome to MOOD MNKY"


def seed(*, stdout, products: int = 0) -> str:
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
    if not customer.addresses.exists():
        services.address_create(customer=customer, actor=Actor.system_job("seed_demo"), **DEMO_ADDRESS)
    if not customer.loyalty_transactions.filter(description=WELCOME_BONUS).exists():
        services.loyalty_adjust(customer=customer, points=100, description=WELCOME_BONUS,
                                actor=Actor.system_job("seed_demo"))
    return f"staff {DEMO_STAFF[0]} / {DEMO_STAFF[1]}, customer {DEMO_CUSTOMER[0]} / {DEMO_CUSTOMER[1]}"
