"""What the database must say after any load, fault included: nothing half-written, every ledger adds up."""

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Sum

from blends.models import Note, NoteStockMovement
from catalog.models import StockMovement, Variant
from moodmnky.webhooks.models import Event
from orders.models import Order, OrderEvent, Payment

ORDER_WEBHOOKS = ("order.created", "order.confirmed", "order.paid")


def assert_shop_consistent() -> dict:
    """Every order whole (lines, a captured payment of its total, its created/confirmed/paid timeline and
    webhooks), every sale movement an order's, stock ledgers summing to the stock; returns the counts checked.

    Stock is received through the ledger in the tests (a `receive` movement), so for every variant the sum of
    its movements is its quantity, and for every note the sum of its movements is its grams.
    """
    orders = list(Order.objects.prefetch_related("lines", "payments", "events"))
    numbers = [order.number for order in orders]
    assert len(set(numbers)) == len(numbers), "an order number was handed out twice"
    sold: dict[str, Counter] = defaultdict(Counter)
    for movement in StockMovement.objects.filter(reason=StockMovement.Reason.SALE):
        sold[movement.reference][movement.variant_id] -= movement.delta
    orphans = set(sold) - set(numbers)
    assert not orphans, f"sale movements of no order: {sorted(orphans)[:5]}"
    note_sales = set(NoteStockMovement.objects.filter(reason="sale").values_list("reference", flat=True))
    assert not note_sales - set(numbers), f"note sales of no order: {sorted(note_sales - set(numbers))[:5]}"
    webhooks = Counter()
    for data_id, event_type in Event.objects.filter(type__in=ORDER_WEBHOOKS).values_list("data__id", "type"):
        webhooks[(str(data_id), event_type)] += 1
    for order in orders:
        lines = list(order.lines.all())
        assert lines, f"{order.number} has no lines"
        bought = Counter()
        for line in lines:
            if line.variant_id is not None:
                bought[line.variant_id] += line.quantity
        assert +sold[order.number] == +bought, f"{order.number}: stock taken {sold[order.number]} != lines {bought}"
        captured = sum((p.amount for p in order.payments.all() if p.status == Payment.Status.CAPTURED), Decimal(0))
        assert order.payment_status == Order.PaymentStatus.PAID and captured == order.total == order.amount_paid, \
            f"{order.number}: paid {captured} of {order.total}"
        types = [event.type for event in order.events.all()]
        assert {OrderEvent.Type.CREATED, OrderEvent.Type.CONFIRMED, OrderEvent.Type.PAID} <= set(types), \
            f"{order.number}: timeline {types}"
        for event_type in ORDER_WEBHOOKS:
            assert webhooks[(str(order.pk), event_type)] == 1, f"{order.number}: {event_type} recorded " \
                                                               f"{webhooks[(str(order.pk), event_type)]} times"
    ledger = dict(StockMovement.objects.values_list("variant_id").annotate(total=Sum("delta")))
    for variant_id, quantity in Variant.objects.values_list("pk", "quantity"):
        assert ledger.get(variant_id, 0) == quantity, f"variant {variant_id}: ledger {ledger.get(variant_id)} " \
                                                      f"!= stock {quantity}"
    grams = dict(NoteStockMovement.objects.values_list("note_id").annotate(total=Sum("delta")))
    for note_id, stock in Note.objects.values_list("pk", "stock_grams"):
        assert grams.get(note_id, Decimal(0)) == stock, f"note {note_id}: ledger {grams.get(note_id)} != {stock}"
    return {"orders": len(orders), "stock_movements": sum(len(v) for v in sold.values()),
            "order_webhooks": sum(webhooks.values())}
