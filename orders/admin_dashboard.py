"""The admin home's dashboard: cards linking to the change lists filtered to exactly their rows, and the
30-day chart drawn as SVG on the server (no script, no CDN). The figures come from orders/dashboard.py."""

import functools
import math
from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse

from moodmnky.money import store_currency
from orders import dashboard

# Chart geometry (SVG user units): plot area inside the margins, which hold the axis labels.
WIDTH, HEIGHT = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 44, 24, 40


class OrderQueueFilter(admin.SimpleListFilter):
    """The dashboard's order queues as a list filter (same definitions, so the counts match the lists)."""

    title = "work queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return list(dashboard.ORDER_QUEUES.items())

    def queryset(self, request, queryset):
        if self.value() in dashboard.ORDER_QUEUES:
            return queryset.filter(dashboard.order_queue_q(self.value()))
        return queryset


def dashboard_context(request) -> dict:
    """What the signed-in staff member may see: each part only with the view permission of its list."""
    user, context = request.user, {"cards": []}
    if user.has_perm("orders.view_order"):
        summary = dashboard.sales_summary()
        context["periods"] = [_period("Today", "yesterday", summary["today"]),
                              _period("This week", "last week", summary["week"])]
        context["chart"] = chart(dashboard.sales_by_day(), store_currency())
        counts = dashboard.order_queue_counts()
        for name, label in dashboard.ORDER_QUEUES.items():
            context["cards"].append(_card(label, counts[name], "orders_order", queue=name))
        context["to_pour"] = list(dashboard.orders_to_pour())
    if user.has_perm("catalog.view_variant"):
        context["cards"].append(_card("Low-stock variants", dashboard.variants_low_stock_count(), "catalog_variant",
                                      stock="reorder"))
    if user.has_perm("blends.view_note"):
        context["cards"].append(_card("Low-stock notes", dashboard.notes_low_stock_count(), "blends_note",
                                      stock="low"))
    if user.has_perm("blends.view_blend"):
        context["cards"].append(_card("Blends awaiting review", dashboard.blends_awaiting_review_count(),
                                      "blends_blend", status__exact="submitted"))
    if user.has_perm("webhooks.view_webhooksubscription"):
        context["cards"].append(_card("Failing webhook subscriptions", dashboard.webhooks_failing_count(),
                                      "webhooks_webhooksubscription", health="attention"))
    context["currency"] = store_currency()
    return context


def chart(days: list[dashboard.Day], currency: str) -> dict:
    """Bars (net sales, left axis) and a line with points (orders, right axis) for `days`. Coordinates and texts
    are strings, ready for the SVG (the template then formats nothing: 30 days render in a few milliseconds)."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    sales_top = nice_ceiling(max((day.net_sales for day in days), default=0)) or 1
    orders_top = max(4, math.ceil(max((day.orders for day in days), default=0) / 4) * 4)  # whole-number ticks
    slot = plot_width / len(days)
    baseline = TOP + plot_height

    def y_of(value, top) -> float:  # a negative day (more refunded than sold) sits on the baseline
        return baseline - plot_height * max(float(value), 0) / top

    bars, points, rows = [], [], []
    for index, day in enumerate(days):
        x, y = LEFT + index * slot, y_of(day.net_sales, sales_top)
        label, orders = f"{day.day:%a} {day.day.day} {day.day:%b}", _orders_text(day.orders)
        bars.append({"x": _n(x + slot * 0.15), "y": _n(y), "width": _n(slot * 0.7), "height": _n(baseline - y),
                     "title": f"{label}: {day.net_sales} {currency} net sales, {orders}"})
        points.append({"x": _n(x + slot / 2), "y": _n(y_of(day.orders, orders_top)), "title": f"{label}: {orders}"})
        rows.append({"day": f"{label} {day.day.year}", "orders": str(day.orders), "net_sales": str(day.net_sales)})
    ticks = [{"y": _n(y_of(sales_top * step / 4, sales_top)), "sales": f"{sales_top * step / 4:g}",
              "orders": str(orders_top * step // 4)} for step in range(5)]
    labels = [{"x": point["x"], "text": f"{day.day:%b} {day.day.day}"}  # weekly, ending today
              for index, (point, day) in enumerate(zip(points, days, strict=True)) if (len(days) - 1 - index) % 7 == 0]
    total_sales, total_orders = sum(day.net_sales for day in days), sum(day.orders for day in days)
    best = max(days, key=lambda day: day.net_sales)
    summary = (f"{_orders_text(total_orders)} and {total_sales} {currency} net sales from {days[0].day:%d %b} to "
               f"{days[-1].day:%d %b %Y}" + (f"; best day {best.day:%d %b} with {best.net_sales} {currency}"
                                             if best.net_sales > 0 else "") + ".")
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "baseline": baseline,
            "axis_left": LEFT - 6, "axis_right": WIDTH - RIGHT + 6, "label_y": baseline + 16, "caption_y": HEIGHT - 4,
            "bars": bars, "points": points, "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
            "ticks": ticks, "labels": labels, "rows": rows, "summary": summary, "sales_top": sales_top,
            "orders_top": orders_top}


def _n(value: float) -> str:
    return f"{value:.1f}"


def _orders_text(count: int) -> str:
    return f"{count} order{'' if count == 1 else 's'}"


def nice_ceiling(value) -> int:
    """The axis top: the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value` (0 stays 0)."""
    value = float(value)
    if value <= 0:
        return 0
    power = 10 ** math.floor(math.log10(value))
    return int(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value) + 0.5) or 1


def change_text(percent: int | None) -> str:
    """+12 %, −5 % or ±0 %; "nothing to compare" when the previous period had none."""
    if percent is None:
        return "nothing to compare"
    return f"{'+' if percent > 0 else '−' if percent < 0 else '±'}{abs(percent)} %"


def _period(label: str, versus: str, comparison: dashboard.Comparison) -> dict:
    return {"label": label, "versus": versus, "comparison": comparison,
            "orders_change": change_text(comparison.orders_change),
            "sales_change": change_text(comparison.net_sales_change)}


def _card(label: str, count: int, changelist: str, **filters) -> dict:
    return {"label": label, "count": count,
            "url": f"{reverse(f'admin:{changelist}_changelist')}?{urlencode(filters)}"}


def dashboard_index(index):
    """Wrap AdminSite.index so the home page gets the dashboard's figures."""

    @functools.wraps(index)
    def view(request, extra_context=None):
        return index(request, extra_context={**(extra_context or {}), "dashboard": dashboard_context(request)})

    return view


admin.site.index = dashboard_index(admin.site.index)
admin.site.index_template = "admin/orders/dashboard_index.html"
