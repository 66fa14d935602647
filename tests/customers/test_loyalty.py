from decimal import Decimal
from uuid import uuid4

import pytest
from django.db.models import Sum

from customers import services
from customers.errors import InsufficientPointsError
from customers.models import Customer, LoyaltyTransaction
from customers.tiers import next_tier_for, tier_for
from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import ValidationFailedError
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/customers/loyalty/"


def ledger(customer) -> dict:
    rows = LoyaltyTransaction.objects.filter(customer=customer)
    return {"balance": rows.aggregate(total=Sum("points"))["total"] or 0,
            "lifetime": rows.exclude(type="redeem").aggregate(total=Sum("points"))["total"] or 0}


def assert_cache_matches_ledger(customer):
    stored = Customer.objects.get(pk=customer.pk)
    assert (stored.loyalty_points, stored.lifetime_points) == (ledger(customer)["balance"],
                                                                 ledger(customer)["lifetime"])


def test_award_gives_one_point_per_whole_unit_once_per_order():
    customer = CustomerFactory()
    order_id = uuid4()

    first = services.loyalty_award(customer=customer, order_id=order_id, amount=Decimal("89.99"))
    again = services.loyalty_award(customer=customer, order_id=order_id, amount=Decimal("89.99"))

    assert first.points == 89 and first.type == "earn" and again.pk == first.pk
    assert customer.loyalty_points == 89
    assert_cache_matches_ledger(customer)


def test_an_order_below_one_unit_earns_nothing():
    customer = CustomerFactory()

    assert services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal("0.99")) is None
    assert not LoyaltyTransaction.objects.exists()


def test_partial_refunds_take_back_points_down_to_what_stays_paid():
    customer = CustomerFactory()
    order_id = uuid4()
    services.loyalty_award(customer=customer, order_id=order_id, amount=Decimal("100.50"))  # 100 points

    small = services.loyalty_reverse(customer=customer, order_id=order_id, amount=Decimal("0.40"))  # 100.10 paid
    more = services.loyalty_reverse(customer=customer, order_id=order_id, amount=Decimal("0.40"))  # 99.70 paid
    rest = services.loyalty_reverse(customer=customer, order_id=order_id, amount=Decimal("500"))  # all of it

    assert (small.points, more.points, rest.points) == (0, -1, -99)
    assert customer.loyalty_points == 0 and customer.lifetime_points == 0
    assert_cache_matches_ledger(customer)


def test_reverse_without_an_award_does_nothing():
    customer = CustomerFactory()

    assert services.loyalty_reverse(customer=customer, order_id=uuid4(), amount=Decimal("10")) is None
    with pytest.raises(ValidationFailedError):
        services.loyalty_reverse(customer=customer, order_id=uuid4(), amount=Decimal("0"))


def test_redeem_spends_points_but_keeps_lifetime_points():
    customer = CustomerFactory()
    services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal("600"))

    services.loyalty_redeem(customer=customer, points=200)

    assert (customer.loyalty_points, customer.lifetime_points) == (400, 600)
    assert customer.membership_tier == "silver"
    with pytest.raises(InsufficientPointsError):
        services.loyalty_redeem(customer=customer, points=401)
    assert_cache_matches_ledger(customer)


def test_adjust_needs_a_reason_and_never_goes_below_zero():
    customer = CustomerFactory()
    staff = CustomerFactory(is_staff=True)

    row = services.loyalty_adjust(customer=customer, points=25, description="Apology for a late parcel",
                                  actor=Actor(user=staff))

    assert row.created_by == staff and customer.loyalty_points == 25
    with pytest.raises(InsufficientPointsError) as below_zero:
        services.loyalty_adjust(customer=customer, points=-26, description="typo", actor=SYSTEM)
    with pytest.raises(ValidationFailedError) as no_reason:
        services.loyalty_adjust(customer=customer, points=5, description="  ", actor=SYSTEM)
    with pytest.raises(ValidationFailedError) as zero:
        services.loyalty_adjust(customer=customer, points=0, description="nothing", actor=SYSTEM)
    assert [(error.value.code, error.value.field) for error in (below_zero, no_reason, zero)] == [
        ("validation_error", "points"), ("validation_error", "description"), ("validation_error", "points")]
    assert str(zero.value) == "Adjust by a non-zero number of points."
    assert LoyaltyTransaction.objects.filter(customer=customer).count() == 1
    assert_cache_matches_ledger(customer)


def test_balance_equals_the_ledger_sum_after_a_mix_of_changes():
    customer = CustomerFactory()
    orders = [uuid4() for _ in range(4)]
    for index, order_id in enumerate(orders):
        services.loyalty_award(customer=customer, order_id=order_id, amount=Decimal("75.25") * (index + 1))
    services.loyalty_reverse(customer=customer, order_id=orders[1], amount=Decimal("20.10"))
    services.loyalty_redeem(customer=customer, points=100)
    services.loyalty_adjust(customer=customer, points=-7, description="correction", actor=SYSTEM)
    services.loyalty_reverse(customer=customer, order_id=orders[3], amount=Decimal("301"))

    assert_cache_matches_ledger(customer)
    assert Customer.objects.get(pk=customer.pk).loyalty_points == ledger(customer)["balance"] > 0


@pytest.mark.parametrize(("lifetime", "tier", "next_tier"), [
    (0, "bronze", ("silver", 500, 500)),
    (499, "bronze", ("silver", 500, 1)),
    (500, "silver", ("gold", 1500, 1000)),
    (1499, "silver", ("gold", 1500, 1)),
    (1500, "gold", ("platinum", 5000, 3500)),
    (5000, "platinum", None),
    (-10, "bronze", ("silver", 500, 510)),
])
def test_tiers_follow_the_settings(lifetime, tier, next_tier):
    upcoming = next_tier_for(lifetime)

    assert tier_for(lifetime)[0] == tier
    assert (None if upcoming is None else (upcoming.name, upcoming.threshold, upcoming.points_needed)) == next_tier


def test_tiers_come_from_settings(settings):
    settings.LOYALTY_TIERS = [("member", 0), ("insider", 100)]

    assert tier_for(150)[0] == "insider"
    assert next_tier_for(150) is None


def test_loyalty_endpoint_shape(customer_client):
    customer = customer_client.customer
    order_id = uuid4()
    services.loyalty_award(customer=customer, order_id=order_id, amount=Decimal("520"))
    services.loyalty_redeem(customer=customer, points=20, description="Discount on order")

    response = customer_client.get(URL)

    assert response.status_code == 200
    body = response.json()["data"]
    assert body["membership_tier"] == "silver" and body["points"] == 500 and body["lifetime_points"] == 520
    assert body["next_tier"] == {"name": "gold", "threshold": 1500, "points_needed": 980}
    assert [t["type"] for t in body["transactions"]] == ["redeem", "earn"]
    assert body["transactions"][1]["order_id"] == str(order_id)
    assert set(body["transactions"][0]) >= {"type", "points", "description", "order_id", "created_at"}


def test_loyalty_at_the_top_tier_has_no_next_tier(customer_client):
    services.loyalty_adjust(customer=customer_client.customer, points=6000, description="VIP", actor=SYSTEM)

    body = customer_client.get(URL).json()["data"]

    assert body["membership_tier"] == "platinum" and body["next_tier"] is None


def test_profile_shows_tier_and_points(customer_client):
    services.loyalty_adjust(customer=customer_client.customer, points=1600, description="migration", actor=SYSTEM)

    body = customer_client.get("/api/v1/customers/profile/").json()["data"]

    assert body["membership_tier"] == "gold" and body["loyalty_points"] == 1600


def test_loyalty_needs_a_customer(api_client, admin_client):
    assert api_client.get(URL).status_code == 401
    assert admin_client.get(URL).status_code == 403
