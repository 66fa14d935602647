"""The admin home's dashboard: figures (orders/dashboard.py), card links to filtered lists, the chart, query count."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from blends.models import Blend
from catalog.models import Product
from moodmnky.webhooks.models import WebhookSubscription
from orders import dashboard
from orders.admin_dashboard import change_text, chart, nice_ceiling
from orders.models import Order, Refund
from tests.blends.factories import BlendFactory, NoteFactory
from tests.catalog.factories import VariantFactory
from tests.orders.factories import OrderFactory, OrderLineFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # a Wednesday; the week began Monday 30 November
PAID = Order.PaymentStatus.PAID


def placed(at: datetime, subtotal="40.00", payment_status=PAID, **fields) -> Order:
    return OrderFactory(customer=None, created_at=at, subtotal=Decimal(subtotal), total=Decimal(subtotal),
                        shipping_total=0, payment_status=payment_status, **fields)


def test_sales_summary_compares_with_the_previous_period_up_to_the_same_time():
    placed(NOW - timedelta(hours=2), "40.00", discount_total=Decimal("10.00"))  # today: 30 net
    placed(NOW - timedelta(hours=1), "99.00", payment_status="unpaid")  # an order, but no sale yet
    yesterday = placed(NOW - timedelta(days=1, hours=1), "20.00")  # yesterday before this time
    placed(NOW - timedelta(days=1) + timedelta(hours=1), "500.00")  # yesterday after this time: not compared
    placed(datetime(2026, 11, 24, 9, tzinfo=UTC), "50.00")  # last week (Tuesday)
    yesterday.total, yesterday.shipping_total = Decimal("25.00"), Decimal("5.00")
    yesterday.save()
    # refunded today: its merchandise share (10 × 20/25 = 8) comes off today's net sales
    Refund.objects.create(order=yesterday, amount=Decimal("10.00"), created_at=NOW - timedelta(minutes=5))

    summary = dashboard.sales_summary(now=NOW)

    today, week = summary["today"], summary["week"]
    assert (today.orders, today.net_sales) == (2, Decimal("22.00"))
    assert (today.previous_orders, today.previous_net_sales) == (1, Decimal("20.00"))
    assert (today.orders_change, today.net_sales_change) == (100, 10)
    assert (week.orders, week.net_sales) == (4, Decimal("542.00"))  # Monday 00:00 until now
    assert (week.previous_orders, week.previous_net_sales) == (1, Decimal("50.00"))


def test_sales_by_day_fills_30_utc_days_and_takes_refunds_on_their_day():
    first_day = NOW - timedelta(days=29)
    placed(first_day.replace(hour=0, minute=1), "10.00")
    placed(first_day - timedelta(days=1), "999.00")  # 30 days ago: outside the chart
    order = placed(NOW - timedelta(days=3), "30.00")
    placed(NOW - timedelta(days=3), "70.00", status="cancelled", payment_status="unpaid")
    Refund.objects.create(order=order, amount=Decimal("12.00"), created_at=NOW - timedelta(days=1))

    days = dashboard.sales_by_day(now=NOW)

    assert len(days) == 30 and days[0].day == date(2026, 11, 3) and days[-1].day == date(2026, 12, 2)
    assert (days[0].orders, days[0].net_sales) == (1, Decimal("10.00"))
    assert (days[-4].orders, days[-4].net_sales) == (2, Decimal("30.00"))
    assert days[-2].net_sales == Decimal("-12.00")
    assert sum(day.orders for day in days) == 3


@pytest.fixture
def queue_orders():
    """One order in each interesting state; returns {queue: orders expected in it}."""
    today = timezone.localdate()
    unpaid = OrderFactory(customer=None, status="pending", payment_status="unpaid")
    OrderFactory(customer=None, status="cancelled", payment_status="unpaid")
    ready_made = OrderFactory(customer=None, status="confirmed", payment_status="paid")
    partly_shipped = OrderFactory(customer=None, status="processing", payment_status="partially_refunded",
                                  fulfillment_status="partial")
    OrderFactory(customer=None, status="shipped", payment_status="paid", fulfillment_status="fulfilled")
    curing = OrderFactory(customer=None, status="processing", payment_status="paid",
                          ready_by=today + timedelta(days=5))
    OrderLineFactory(order=curing, is_made_to_order=True)
    cured = OrderFactory(customer=None, status="processing", payment_status="paid", ready_by=today)
    OrderLineFactory(order=cured, is_made_to_order=True)
    waiting_confirmed = OrderFactory(customer=None, status="confirmed", payment_status="paid",
                                     ready_by=today + timedelta(days=3))
    OrderLineFactory(order=waiting_confirmed, is_made_to_order=True)  # to pour, then processing, then ship
    return {"awaiting_payment": {unpaid}, "to_pour": {waiting_confirmed, curing, cured},
            "to_ship": {ready_made, partly_shipped, cured}}


@pytest.mark.parametrize("queue", list(dashboard.ORDER_QUEUES))
def test_each_order_queue_card_links_to_a_list_of_exactly_its_orders(queue, queue_orders, admin_site_client):
    home = admin_site_client.get("/admin/")
    card = next(card for card in home.context["dashboard"]["cards"] if card["url"].endswith(f"queue={queue}"))

    listed = admin_site_client.get(card["url"]).context["cl"]

    assert card["count"] == len(queue_orders[queue])
    assert set(listed.queryset) == queue_orders[queue]


def test_orders_to_pour_lists_the_soonest_ready_first(queue_orders):
    assert [order.ready_by for order in dashboard.orders_to_pour()] == sorted(
        order.ready_by for order in queue_orders["to_pour"])


def test_stock_review_and_webhook_cards_link_to_lists_of_exactly_their_rows(admin_site_client):
    low = VariantFactory(quantity=2, low_stock_threshold=5)
    VariantFactory(quantity=9, low_stock_threshold=5)
    VariantFactory(quantity=0, low_stock_threshold=5, track_inventory=False)
    VariantFactory(quantity=1, low_stock_threshold=5, product__status=Product.Status.ARCHIVED)
    low_note = NoteFactory(stock_grams=Decimal("100.00"))
    NoteFactory(stock_grams=Decimal("100.00"), is_active=False)
    NoteFactory(stock_grams=Decimal("900.00"))
    submitted = BlendFactory()
    Blend.objects.filter(pk=submitted.pk).update(status="submitted")
    BlendFactory()
    failing = WebhookSubscription.objects.create(url="https://a.example/", events=["*"], failure_count=2)
    disabled = WebhookSubscription.objects.create(url="https://b.example/", events=["*"], is_active=False,
                                                  disabled_reason="410 Gone")
    WebhookSubscription.objects.create(url="https://c.example/", events=["*"], is_active=False)  # turned off by staff
    WebhookSubscription.objects.create(url="https://d.example/", events=["*"])
    expected = {"Low-stock variants": {low}, "Low-stock notes": {low_note},
                "Blends awaiting review": {submitted}, "Failing webhook subscriptions": {failing, disabled}}

    cards = {card["label"]: card for card in admin_site_client.get("/admin/").context["dashboard"]["cards"]}

    for label, rows in expected.items():
        listed = admin_site_client.get(cards[label]["url"]).context["cl"]
        assert (cards[label]["count"], set(listed.queryset)) == (len(rows), rows), label


def test_admin_home_query_count_does_not_grow_with_orders(admin_site_client, django_assert_max_num_queries):
    placed(timezone.now(), "10.00")
    with django_assert_max_num_queries(16) as few:
        admin_site_client.get("/admin/")
    start = timezone.now() - timedelta(days=40)
    Order.objects.bulk_create(
        Order(number=f"BULK-{n}", email="bulk@example.com", subtotal=Decimal("12.00"), total=Decimal("12.00"),
              payment_status=PAID if n % 3 else "unpaid", status="confirmed", created_at=start + timedelta(hours=n))
        for n in range(40 * 24))

    with django_assert_max_num_queries(16) as many:
        response = admin_site_client.get("/admin/")

    assert len(many.captured_queries) == len(few.captured_queries)
    in_chart = 1 + 30 * 24 - (24 - timezone.now().hour)  # the first order, and one an hour over the 30 days
    assert response.context["dashboard"]["chart"]["summary"].startswith(f"{in_chart} orders and")


def test_admin_home_shows_only_the_parts_the_staff_member_may_see(client, make_staff_user):
    client.force_login(make_staff_user("blends.view_blend"))

    page = client.get("/admin/")

    assert [card["label"] for card in page.context["dashboard"]["cards"]] == ["Blends awaiting review"]
    assert b"sales-chart" not in page.content


def test_admin_home_draws_the_chart_accessibly(admin_site_client):
    placed(timezone.now(), "80.00")

    page = admin_site_client.get("/admin/").content.decode()

    assert page.count('<rect class="bar"') == 30 and page.count('<circle class="orders-point"') == 30
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert "1 order and 80.00 USD net sales" in page
    assert "Days run midnight to midnight UTC" in page


def test_chart_scales_the_best_day_to_the_full_height():
    days = [dashboard.Day(day=date(2026, 12, 1) + timedelta(days=n), orders=n, net_sales=Decimal(n * 10))
            for n in range(3)]

    drawn = chart(days, "USD")

    assert drawn["sales_top"] == 20 and drawn["orders_top"] == 4
    heights = [float(bar["height"]) for bar in drawn["bars"]]
    assert heights[0] == 0 and heights[1] * 2 == heights[2] == drawn["baseline"] - drawn["top"]
    assert drawn["bars"][2]["title"] == "Thu 3 Dec: 20 USD net sales, 2 orders"
    assert drawn["points"][1]["title"] == "Wed 2 Dec: 1 order"
    assert [row["orders"] for row in drawn["rows"]] == ["0", "1", "2"]


@pytest.mark.parametrize(("value", "top"), [(0, 0), (0.4, 1), (7, 10), (123, 200), (2100, 2500), (4999, 5000)])
def test_nice_ceiling(value, top):
    assert nice_ceiling(value) == top


@pytest.mark.parametrize(("percent", "text"), [(12, "+12 %"), (-5, "−5 %"), (0, "±0 %"), (None, "nothing to compare")])
def test_change_text(percent, text):
    assert change_text(percent) == text
