"""Demo accounts: a staff user for the admin and a customer for the storefront, with a saved address and a
loyalty welcome bonus; and the demo-login provider `seed_demo` reaches through settings.DEMO_LOGIN_PROVIDER."""

import secrets

from django.contrib.auth.models import Group

from customers import services
from customers.demo_accounts import DEMO_CUSTOMER, DEMO_ROLE_LOGINS, DEMO_STAFF
from customers.models import Customer
from moodmnky.actors import Actor
from moodmnky.roles import roles_sync

DEMO_ADDRESS = {"first_name": "Casey", "last_name": "Customer", "line1": "500 Howard Street", "line2": "Apt 4",
                "city": "San Francisco", "region": "CA", "postal_code": "94105", "country": "US",
                "phone": "+14155550142"}
WELCOME_BONUS = "Welcome to MOOD MNKY"
STAFF_DEFAULTS = {"first_name": "Mona", "last_name": "Staff", "is_staff": True, "is_superuser": True}
CUSTOMER_DEFAULTS = {"first_name": "Casey", "last_name": "Customer"}


def seed(*, stdout, products: int = 0) -> str:
    """The demo customer's data; its login (a usable password) is the provider's business below."""
    customer = _account(DEMO_CUSTOMER[0], CUSTOMER_DEFAULTS)
    if not customer.addresses.exists():
        services.address_create(customer=customer, actor=Actor.system_job("seed_demo"), **DEMO_ADDRESS)
    if not customer.loyalty_transactions.filter(description=WELCOME_BONUS).exists():
        services.loyalty_adjust(customer=customer, points=100, description=WELCOME_BONUS,
                                actor=Actor.system_job("seed_demo"))
    return f"demo customer {DEMO_CUSTOMER[0]} with an address and {WELCOME_BONUS!r} points"


# The demo-login provider (settings.DEMO_LOGIN_PROVIDER names this module): logins_exist() and
# logins_seed(mode=...) -> [(label, email, password)], what seed_demo prints.
def logins_exist() -> bool:
    return Customer.objects.filter(email=DEMO_CUSTOMER[0]).exists()


def logins_seed(*, mode: str) -> list[tuple[str, str, str]]:
    """mode "published": the documented passwords (DEBUG only); "random": new random passwords, returned
    to be printed once; "none": no demo login, and no demo account keeps a published password."""
    accounts = [("Staff login", DEMO_STAFF, STAFF_DEFAULTS), ("Customer login", DEMO_CUSTOMER, CUSTOMER_DEFAULTS),
                *_role_accounts()]
    if mode == "none":
        for _label, (email, published), _defaults in accounts:
            account = Customer.objects.filter(email=email).first()
            if account is not None and account.check_password(published):
                account.set_unusable_password()
                account.save(update_fields=["password"])
        return []
    logins = []
    for label, (email, published), defaults in accounts:
        account = _account(email, defaults)
        password = secrets.token_urlsafe(12) if mode == "random" else published
        if not account.check_password(password):
            account.set_password(password)
            account.save(update_fields=["password"])
        logins.append((label, email, password))
    _role_members_join()
    return logins


def _role_accounts() -> list[tuple[str, tuple[str, str], dict]]:
    """A staff login per role (not a superuser): what a member of that group sees and may do."""
    return [(f"{role} login", login, {"first_name": role.split()[0], "last_name": "Demo", "is_staff": True})
            for role, login in DEMO_ROLE_LOGINS.items()]


def _role_members_join() -> None:
    roles_sync()  # the groups come from a migration; this puts back any that were deleted
    groups = {group.name: group for group in Group.objects.filter(name__in=DEMO_ROLE_LOGINS)}
    for role, (email, _password) in DEMO_ROLE_LOGINS.items():
        Customer.objects.get(email=email).groups.add(groups[role])


def _account(email: str, defaults: dict) -> Customer:
    account, created = Customer.objects.get_or_create(email=email, defaults=defaults)
    if created:
        account.set_unusable_password()
        account.save(update_fields=["password"])
    return account
