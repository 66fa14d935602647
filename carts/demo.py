"""Demo discount codes: WELCOME10 (10 % off) and FREESHIP (free shipping)."""

from decimal import Decimal

from carts.models import DiscountCode
from carts.services import discount_create

DEMO_CODES = [
    {"code": "WELCOME10", "type": DiscountCode.Type.PERCENTAGE, "value": Decimal("10"),
     "description": "10 % off your first order", "usage_limit_per_customer": 1},
    {"code": "FREESHIP", "type": DiscountCode.Type.FREE_SHIPPING, "description": "Free shipping",
     "combinable": True},
]


def seed(*, stdout, products: int = 0) -> str:
    created = []
    for fields in DEMO_CODES:
        if not DiscountCode.objects.filter(code__iexact=fields["code"]).exists():
            discount_create(**fields)
            created.append(fields["code"])
    codes = ", ".join(fields["code"] for fields in DEMO_CODES)
    return f"discount codes {codes} ({len(created)} new)"
