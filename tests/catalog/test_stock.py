import pytest
from django.db import transaction

from catalog.errors import StockBelowZeroError, VariantOutOfStockError
from catalog.models import StockMovement, Variant
from catalog.selectors import variant_available
from catalog.services import stock_adjust, stock_move, stock_set, stock_take_many
from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import OutOfStockError, ValidationFailedError
from moodmnky.webhooks.models import Event
from tests.catalog.factories import VariantFactory

pytestmark = pytest.mark.django_db


def test_stock_move_takes_stock_and_writes_the_movement():
    variant = VariantFactory(quantity=10)

    movement = stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-3, reason="sale", reference="MNKY-1001")

    variant.refresh_from_db()
    assert variant.quantity == 7
    assert (movement.delta, movement.quantity_after, movement.reason, movement.reference) == (-3, 7, "sale",
                                                                                             "MNKY-1001")
    assert movement.sku == variant.sku


def test_stock_move_refuses_more_than_available_and_changes_nothing():
    variant = VariantFactory(quantity=2)

    with pytest.raises(OutOfStockError) as caught:
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-3, reason="sale")

    assert isinstance(caught.value, VariantOutOfStockError)
    assert caught.value.details["available"] == 2
    assert caught.value.field == "variant_id"
    assert Variant.objects.get(pk=variant.pk).quantity == 2
    assert not StockMovement.objects.exists()


def test_stock_move_lets_backorder_variants_go_negative():
    variant = VariantFactory(quantity=1, allow_backorder=True)

    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-3, reason="sale")

    assert Variant.objects.get(pk=variant.pk).quantity == -2


def test_stock_move_never_blocks_untracked_variants():
    variant = VariantFactory(quantity=0, track_inventory=False)

    movement = stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-5, reason="sale")

    assert movement.quantity_after == -5


@pytest.mark.parametrize("delta", [0, 1.5, True, 10**10])
def test_stock_move_refuses_a_zero_or_non_integer_delta(delta):
    variant = VariantFactory()

    with pytest.raises(ValidationFailedError) as caught:
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=delta, reason="sale")

    assert caught.value.field == "delta"


def test_stock_move_refuses_an_unknown_reason():
    variant = VariantFactory()

    with pytest.raises(ValidationFailedError) as caught:
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=1, reason="magic")

    assert caught.value.field == "reason"


def test_stock_move_records_inventory_updated_and_low_stock_when_crossing_down():
    variant = VariantFactory(quantity=5, low_stock_threshold=3)

    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")  # 4: above the threshold
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")  # 3: crosses it
    stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")  # 2: already below, no new alert

    assert Event.objects.filter(type="inventory.updated").count() == 3
    low = Event.objects.get(type="inventory.low_stock")
    assert low.data["quantity"] == 3
    assert low.data["product_id"] == variant.product_id
    assert low.data["sku"] == variant.sku


def test_stock_move_records_no_event_when_the_transaction_rolls_back():
    variant = VariantFactory(quantity=5, low_stock_threshold=4)

    with pytest.raises(RuntimeError), transaction.atomic():
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=-2, reason="sale")
        raise RuntimeError("checkout failed later")

    assert not Event.objects.exists()
    assert not StockMovement.objects.exists()
    assert Variant.objects.get(pk=variant.pk).quantity == 5


def test_stock_take_many_is_all_or_nothing():
    first, second = VariantFactory(quantity=5), VariantFactory(quantity=1)

    with pytest.raises(OutOfStockError) as caught:
        stock_take_many(actor=SYSTEM, items=[(first.pk, 2), (second.pk, 2)], reference="MNKY-1")

    assert caught.value.details["variant_id"] == second.pk
    assert Variant.objects.get(pk=first.pk).quantity == 5
    assert not StockMovement.objects.exists()


def test_stock_take_many_adds_up_repeated_variants_and_goes_in_id_order():
    first, second = VariantFactory(quantity=5), VariantFactory(quantity=5)

    movements = stock_take_many(actor=SYSTEM, items=[(second.pk, 1), (first.pk, 1), (second.pk, 2)])

    assert [(m.variant_id, m.delta) for m in movements] == [(first.pk, -1), (second.pk, -3)]
    assert Variant.objects.get(pk=second.pk).quantity == 2


def test_stock_adjust_refuses_to_go_below_zero_even_with_backorder():
    variant = VariantFactory(quantity=2, allow_backorder=True)

    with pytest.raises(StockBelowZeroError) as caught:
        stock_adjust(actor=SYSTEM, variant_id=variant.pk, delta=-3, reason="damage")

    assert caught.value.field == "delta"
    assert caught.value.details["available"] == 2


def test_stock_adjust_refuses_the_sale_reason():
    variant = VariantFactory()

    with pytest.raises(ValidationFailedError) as caught:
        stock_adjust(actor=SYSTEM, variant_id=variant.pk, delta=-1, reason="sale")

    assert caught.value.field == "reason"


def test_stock_set_writes_the_difference():
    variant = VariantFactory(quantity=10)

    movement = stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=4)

    assert (movement.delta, movement.quantity_after) == (-6, 4)
    assert stock_set(actor=SYSTEM, variant_id=variant.pk, quantity=4) is None


def test_stock_move_records_the_actor(staff_user):
    variant = VariantFactory()

    movement = stock_move(actor=Actor(user=staff_user), variant_id=variant.pk, delta=2, reason="receive")

    assert movement.actor == staff_user
    assert movement.actor_label == staff_user.email


@pytest.mark.parametrize(("fields", "expected"), [
    ({"quantity": 4}, 4),
    ({"quantity": -2}, 0),
    ({"quantity": 4, "allow_backorder": True}, None),
    ({"quantity": 4, "track_inventory": False}, None),
])
def test_variant_available(fields, expected):
    assert variant_available(Variant(**fields)) == expected
