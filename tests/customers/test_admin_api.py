import datetime
from decimal import Decimal
from uuid import uuid4

import pytest
from django.db.models import Count, DecimalField, IntegerField, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from customers import services
from customers.models import Customer, CustomerAuditEntry, LoyaltyTransaction
from customers.registry import OrderStats
from moodmnky.actors import SYSTEM
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/customers/"


class EarnRowsAsOrders:
    """A stand-in for the orders app's provider: every `earn` ledger row is an order of `amount`."""

    def _orders(self):
        return LoyaltyTransaction.objects.filter(customer=OuterRef("pk"), type="earn").order_by().values("customer")

    def stats_for(self, customer) -> OrderStats:
        rows = LoyaltyTransaction.objects.filter(customer=customer, type="earn")
        totals = rows.aggregate(count=Count("pk"), spent=Sum("amount"), last=Max("created_at"))
        return OrderStats(total_orders=totals["count"], total_spent=totals["spent"] or Decimal("0.00"),
                          last_order_date=totals["last"])

    def annotate(self, queryset):
        money = DecimalField(max_digits=12, decimal_places=2)
        return queryset.annotate(
            order_count=Coalesce(Subquery(self._orders().annotate(n=Count("pk")).values("n"),
                                          output_field=IntegerField()), 0),
            total_spent=Coalesce(Subquery(self._orders().annotate(s=Sum("amount")).values("s"), output_field=money),
                                 Decimal("0.00"), output_field=money),
            last_order_date=Subquery(self._orders().annotate(m=Max("created_at")).values("m")),
        )


def emails(response) -> list[str]:
    return [row["email"] for row in response.json()["data"]]


def test_list_has_the_admin_shape(admin_client, customer):
    response = admin_client.get(URL)

    assert response.status_code == 200
    row = response.json()["data"][0]
    assert set(row) >= {"id", "email", "first_name", "last_name", "phone", "birthday", "preferences", "order_stats",
                        "membership_tier", "loyalty_points", "date_joined", "is_active", "order_count",
                        "total_spent", "currency"}
    assert (row["order_count"], row["total_spent"], row["currency"]) == (0, "0.00", "USD")


def test_scopes_and_callers(make_admin_client, customer_client, api_client, make_staff_user, make_customer_client):
    assert make_admin_client("customers:read").get(URL).status_code == 200
    assert make_admin_client("customers:write").get(URL).status_code == 200
    denied = make_admin_client("orders:read").get(URL)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "insufficient_scope"
    as_customer = customer_client.get(URL)
    assert as_customer.status_code == 403 and as_customer.json()["error"]["code"] == "permission_denied"
    assert api_client.get(URL).json()["error"]["code"] == "not_authenticated"
    assert make_customer_client(make_staff_user("customers.view_customer")).get(URL).status_code == 200
    read_only = make_admin_client("customers:read").patch(f"{URL}{customer_client.customer.pk}/", {"first_name": "X"})
    assert read_only.status_code == 403


def test_search_matches_email_and_names(admin_client):
    CustomerFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace")
    CustomerFactory(email="grace@navy.example", first_name="Grace", last_name="Hopper")

    assert emails(admin_client.get(URL, {"search": "navy"})) == ["grace@navy.example"]
    assert emails(admin_client.get(URL, {"search": "lovelace"})) == ["ada@example.com"]
    assert emails(admin_client.get(URL, {"search": "Grace Hopper"})) == ["grace@navy.example"]
    assert emails(admin_client.get(URL, {"search": "Ada Hopper"})) == []


def test_filters_active_tier_and_date_joined(admin_client):
    old = CustomerFactory(email="old@example.com", date_joined=timezone.now() - datetime.timedelta(days=400))
    gold = CustomerFactory(email="gold@example.com")
    services.loyalty_adjust(customer=gold, points=2000, description="import", actor=SYSTEM)
    CustomerFactory(email="closed@example.com", is_active=False)
    last_year = (timezone.now() - datetime.timedelta(days=300)).date().isoformat()

    assert emails(admin_client.get(URL, {"is_active": "false"})) == ["closed@example.com"]
    assert emails(admin_client.get(URL, {"membership_tier": "gold"})) == ["gold@example.com"]
    assert set(emails(admin_client.get(URL, {"membership_tier": "bronze"}))) == {"old@example.com",
                                                                              "closed@example.com"}
    assert emails(admin_client.get(URL, {"date_joined_before": last_year})) == [old.email]
    assert old.email not in emails(admin_client.get(URL, {"date_joined_after": last_year}))


@pytest.mark.parametrize("params", [{"membership_tier": "diamond"}, {"date_joined_after": "yesterday"},
                                    {"is_active": "sometimes"}, {"limit": "0"}])
def test_bad_filters_are_400(admin_client, params):
    response = admin_client.get(URL, params)

    assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error"


def test_detail_and_unknown_id(admin_client, customer):
    assert admin_client.get(f"{URL}{customer.pk}/").json()["data"]["email"] == customer.email
    assert admin_client.get(f"{URL}999999/").json()["error"]["code"] == "not_found"


def test_profile_paths_are_not_taken_for_ids(admin_client):
    assert admin_client.get(f"{URL}profile/").status_code == 403  # the customer-only view, not a detail


def test_staff_patch_updates_and_audits_with_the_key_as_actor(make_admin_client, customer):
    client = make_admin_client("customers:write")

    response = client.patch(f"{URL}{customer.pk}/", {"first_name": "Renamed", "phone": "+44 20 7123 4567"})

    assert response.status_code == 200, response.content
    assert response.json()["data"]["first_name"] == "Renamed" and response.json()["data"]["phone"] == "+442071234567"
    entry = CustomerAuditEntry.objects.get(customer=customer)
    assert entry.actor is None and entry.actor_label.startswith("API key test key")
    assert entry.changes["first_name"][1] == "Renamed"


def test_staff_deactivation_ends_sessions_and_anonymised_accounts_stay_closed(admin_client, customer_client):
    customer = customer_client.customer

    response = admin_client.patch(f"{URL}{customer.pk}/", {"is_active": False})

    assert response.status_code == 200 and response.json()["data"]["is_active"] is False
    assert customer_client.get("/api/v1/customers/profile/").status_code == 401
    services.customer_anonymize(customer=customer, actor=SYSTEM)
    reopen = admin_client.patch(f"{URL}{customer.pk}/", {"is_active": True})
    assert reopen.status_code == 400 and reopen.json()["error"]["details"][0]["field"] == "is_active"
    assert reopen.json()["error"]["code"] == "validation_error"
    assert Customer.objects.get(pk=customer.pk).is_active is False


def test_staff_patch_validates(admin_client, customer):
    response = admin_client.patch(f"{URL}{customer.pk}/", {"phone": "12"})

    assert response.status_code == 400 and response.json()["error"]["details"][0]["field"] == "phone"
    assert response.json()["error"]["code"] == "validation_error"
    assert Customer.objects.get(pk=customer.pk).phone == customer.phone
    assert not CustomerAuditEntry.objects.exists()


def test_list_query_count_is_the_same_for_any_page_size(admin_client, django_assert_num_queries):
    CustomerFactory.create_batch(30)
    admin_client.get(URL)  # the key's last_used_at is written at most once a minute: not inside the count

    # API key, COUNT(*), the page of customers with the order annotations
    with django_assert_num_queries(3):
        small = admin_client.get(URL, {"limit": 1})
    with django_assert_num_queries(3):
        large = admin_client.get(URL, {"limit": 100})

    assert len(small.json()["data"]) == 1 and len(large.json()["data"]) == 30


def test_registered_order_stats_reach_list_detail_and_profile(admin_client, customer_client, clean_registry,
                                                              django_assert_num_queries):
    clean_registry.register_order_stats(EarnRowsAsOrders())
    customer = customer_client.customer
    for amount in ("40.00", "60.50"):
        services.loyalty_award(customer=customer, order_id=uuid4(), amount=Decimal(amount))
    for other in CustomerFactory.create_batch(10):
        services.loyalty_award(customer=other, order_id=uuid4(), amount=Decimal("5"))
    admin_client.get(URL)

    with django_assert_num_queries(3):
        rows = admin_client.get(URL, {"limit": 1, "ordering": "-total_spent"}).json()["data"]
    with django_assert_num_queries(3):
        admin_client.get(URL, {"limit": 100})

    assert rows[0]["email"] == customer.email
    assert (rows[0]["order_count"], rows[0]["total_spent"]) == (2, "100.50")
    assert rows[0]["order_stats"]["average_order_value"] == "50.25"
    assert rows[0]["order_stats"]["last_order_date"] is not None
    detail = admin_client.get(f"{URL}{customer.pk}/").json()["data"]
    assert detail["order_count"] == 2
    profile = customer_client.get("/api/v1/customers/profile/").json()["data"]
    assert profile["order_stats"]["total_orders"] == 2 and profile["order_stats"]["total_spent"] == "100.50"


def test_default_order_stats_annotate_without_a_query_per_row():
    from customers.selectors import customer_admin_queryset

    CustomerFactory.create_batch(3)

    rows = list(customer_admin_queryset())

    assert {(row.order_count, row.total_spent, row.last_order_date) for row in rows} == {(0, Decimal("0.00"), None)}
    assert Customer.objects.count() == 3


def test_order_stats_are_asked_once_per_customer_when_not_annotated(clean_registry):
    from customers.api.serializers import AdminCustomerSerializer

    calls = []

    class Counting(EarnRowsAsOrders):
        def stats_for(self, customer):
            calls.append(customer.pk)
            return super().stats_for(customer)

    clean_registry.register_order_stats(Counting())
    customer = CustomerFactory()

    data = AdminCustomerSerializer(customer).data

    assert (data["order_count"], data["total_spent"], data["order_stats"]["total_orders"]) == (0, "0.00", 0)
    assert calls == [customer.pk]
