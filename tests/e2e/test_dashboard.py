"""The admin home's dashboard in Chromium: the 30-day chart drawn from seeded orders, and a card leading to its list."""

import pytest
from django.utils import timezone

from orders import dashboard
from orders.demo_history import seed_history
from orders.models import Order
from tests.catalog.factories import VariantFactory
from tests.e2e.conftest import result_rows, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_dashboard_charts_the_seeded_orders_and_a_card_opens_its_filtered_list(admin_page, shot):
    page = admin_page
    for _ in range(4):
        VariantFactory(quantity=40, product__status="active")
    seed_history(days=10)
    placed = Order.objects.filter(created_at__date__gte=timezone.localdate() - timezone.timedelta(days=29))
    to_ship = Order.objects.filter(dashboard.order_queue_q("to_ship"))
    assert placed.count() > 5 and to_ship.exists()

    page.goto("/admin/")
    shot("dashboard")

    chart = page.locator("svg#sales-chart")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("rect.bar").count() == 30 and chart.locator("circle.orders-point").count() == 30
    heights = [float(bar.get_attribute("height")) for bar in chart.locator("rect.bar").all()]
    assert sum(height > 0 for height in heights) == len({o.created_at.date() for o in placed})
    assert f"{placed.count()} orders and" in chart.locator("desc").text_content()
    page.click("#chart-figures summary")
    assert page.locator("#chart-figures tbody tr").count() == 30
    shot("figures-per-day")

    card = page.locator("#dash-cards a.dash-card", has_text="To ship")
    assert card.locator(".dash-figure").inner_text() == str(to_ship.count())
    submit(page, "#dash-cards a.dash-card:has-text('To ship')")
    assert "queue=to_ship" in page.url
    assert len(result_rows(page)) == to_ship.count()
    assert all(number in page.inner_text("#result_list") for number in to_ship.values_list("number", flat=True))
    shot("to-ship-list")
