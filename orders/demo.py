"""Demo orders for `manage.py seed_demo`: a handful in different states, so the admin and the history are not empty."""

from decimal import Decimal

from django.conf import settings

from catalog.models import Product, Variant
from customers.demo_accounts import DEMO_CUSTOMER
from customers.models import Address, Customer
from moodmnky.actors import Actor
from orders import services
from orders.demo_history import NOTE as HISTORY_NOTE
from orders.demo_history import seed_history
from orders.models import Order

ACTOR = Actor.system_job("seed_demo")
# (what happens after the order is placed and paid, lines as (variant index, quantity))
STORIES = [
    ("delivered", [(0, 2), (1, 1)]),
    ("shipped", [(2, 1)]),
    ("processing", [(3, 1), (4, 2)]),
    ("confirmed", [(5, 1)]),
    ("pending", [(6, 1)]),
    ("cancelled", [(7, 1)]),
    ("partially_refunded", [(8, 3)]),
]


def seed(*, stdout, products: int = 0) -> str:
    return f"{_seed_stories()}; {seed_history(days=settings.DEMO_ORDER_HISTORY_DAYS)}"


def _seed_stories() -> str:
    stories = Order.objects.filter(source=Order.Source.DEMO).exclude(note=HISTORY_NOTE)
    if stories.exists():
        return f"{stories.count()} demo orders (already there)"
    customer = Customer.objects.filter(email=DEMO_CUSTOMER[0]).first()
    variants = list(Variant.objects.filter(product__status=Product.Status.ACTIVE, track_inventory=True,
                                           quantity__gte=10).order_by("id")[:len(STORIES) + 2])
    if customer is None or len(variants) < len(STORIES) + 2:
        return "no demo orders (the demo customer or enough stocked variants are missing)"
    address = Address.objects.filter(customer=customer).first()
    shipping = {name: getattr(address, name) for name in ("first_name", "last_name", "company", "line1", "line2",
                                                           "city", "region", "postal_code", "country", "phone")} \
        if address else {"first_name": "Casey", "last_name": "Customer", "company": "", "line1": "1 Market Street",
                         "line2": "", "city": "San Francisco", "region": "CA", "postal_code": "94103",
                         "country": "US", "phone": ""}
    for story, lines in STORIES:
        _tell(story, customer, shipping, [{"variant_id": variants[i].pk, "quantity": q} for i, q in lines])
    return f"{len(STORIES)} demo orders for {customer.email}"


def _tell(story: str, customer, shipping: dict, lines: list[dict]) -> None:
    payment = None if story == "pending" else {"gateway": "manual"}
    order = services.order_admin_create(lines=lines, shipping_address=shipping, customer=customer, actor=ACTOR,
                                        payment=payment, source=Order.Source.DEMO)
    quiet = {"actor": ACTOR, "notify_customer": False}
    if story in ("processing", "shipped", "delivered"):
        services.order_status_update(order_id=order.pk, status=Order.Status.PROCESSING, **quiet)
    if story in ("shipped", "delivered"):
        services.order_fulfill(order_id=order.pk, carrier="USPS", tracking_number=f"9400{order.number[5:]}00", **quiet)
    if story == "delivered":
        services.order_status_update(order_id=order.pk, status=Order.Status.DELIVERED, **quiet)
    if story == "cancelled":
        services.order_cancel(order_id=order.pk, reason="Changed their mind", **quiet)
    if story == "partially_refunded":
        services.order_refund(order_id=order.pk, amount=Decimal("10.00"), reason="Dented lid", **quiet)
