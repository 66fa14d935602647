from decimal import Decimal

import pytest

from blends.errors import BlendStatusError, CompositionError, NotCompliantError, NoteOutOfStockError
from blends.formulation import split_grams
from blends.models import Blend, BlendComponent, BlendVersion, ImmutableVersionError, Note, NoteStockMovement
from blends.services import (
    blend_approve,
    blend_create,
    blend_formulate,
    blend_line_prepare,
    blend_reject,
    blend_snapshots_release_stock,
    blend_submit,
    blend_update,
    note_stock_release_many,
    note_stock_take_many,
)
from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import ValidationFailedError
from moodmnky.webhooks.models import Event
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory

pytestmark = pytest.mark.django_db


def _components(*pairs):
    return [{"note_id": note.pk, "percentage": pct} for note, pct in pairs]


def test_percentages_must_sum_to_exactly_100_and_the_message_gives_the_sum(customer, notes):
    components = _components((notes["rose"], "60.00"), (notes["bergamot"], "39.99"))

    with pytest.raises(CompositionError) as caught:
        blend_create(customer=customer, name="Short", components=components, actor=SYSTEM)

    assert "99.99" in caught.value.message
    assert not Blend.objects.exists()


@pytest.mark.parametrize("count", [0, 11])
def test_a_blend_has_one_to_ten_components(customer, wheel, count):
    notes = [NoteFactory() for _ in range(count)]
    share = Decimal(100) / count if count else Decimal(0)
    components = _components(*[(note, share.quantize(Decimal("0.01"))) for note in notes])

    with pytest.raises(CompositionError, match="1 to 10 components"):
        blend_create(customer=customer, name="Count", components=components, actor=SYSTEM)


def test_ten_components_are_fine(customer, wheel):
    components = _components(*[(NoteFactory(), "10.00") for _ in range(10)])

    blend = blend_create(customer=customer, name="Ten", components=components, actor=SYSTEM)

    assert blend.current_version.components.count() == 10


def test_a_note_may_not_appear_twice(customer, notes):
    components = _components((notes["rose"], "50"), (notes["rose"], "50"))

    with pytest.raises(CompositionError) as caught:
        blend_create(customer=customer, name="Twice", components=components, actor=SYSTEM)

    assert caught.value.field == "components.1.note_id"


def test_inactive_and_unknown_notes_are_refused(customer, notes):
    Note.objects.filter(pk=notes["rose"].pk).update(is_active=False)

    with pytest.raises(CompositionError, match="no longer available"):
        blend_create(customer=customer, name="Gone", components=_components((notes["rose"], "100")), actor=SYSTEM)
    with pytest.raises(CompositionError, match="No note"):
        blend_create(customer=customer, name="Gone", components=[{"note_id": 999999, "percentage": "100"}],
                     actor=SYSTEM)


def test_more_than_two_decimals_are_refused(customer, notes):
    components = _components((notes["rose"], "50.005"), (notes["bergamot"], "49.995"))

    with pytest.raises(CompositionError) as caught:
        blend_create(customer=customer, name="Fine", components=components, actor=SYSTEM)

    assert caught.value.field == "components.0.percentage"


def test_create_records_blend_created_with_the_actor(customer, worked_components):
    blend = blend_create(customer=customer, name="Evt", components=worked_components, actor=Actor(user=customer))

    event = Event.objects.get(type="blend.created")
    assert event.data["id"] == str(blend.pk)
    assert event.actor_label == customer.email
    assert len(event.data["components"]) == 4


def test_a_composition_change_makes_a_new_version_and_keeps_the_old_one(customer, notes, worked_components):
    blend = blend_create(customer=customer, name="V", components=worked_components, actor=SYSTEM)
    first = blend.current_version

    blend = blend_update(blend=blend, actor=SYSTEM, components=_components((notes["rose"], "100")))

    assert blend.current_version.number == 2
    kept = BlendVersion.objects.get(pk=first.pk)
    assert sorted(kept.components.values_list("percentage", flat=True)) == [Decimal("4.00"), Decimal("25.50"),
                                                                             Decimal("30.00"), Decimal("40.50")]
    assert [c.note_id for c in blend.current_version.components.all()] == [notes["rose"].pk]


def test_renaming_or_resending_the_same_composition_keeps_the_version(customer, worked_components):
    blend = blend_create(customer=customer, name="V", components=worked_components, actor=SYSTEM)

    blend = blend_update(blend=blend, actor=SYSTEM, name="Renamed", components=list(reversed(worked_components)))

    assert (blend.name, blend.current_version.number, BlendVersion.objects.count()) == ("Renamed", 1, 1)


def test_versions_and_components_cannot_be_changed(customer, worked_components):
    blend = blend_create(customer=customer, name="V", components=worked_components, actor=SYSTEM)
    component = BlendComponent.objects.filter(version=blend.current_version).first()

    component.percentage = Decimal("1.00")
    with pytest.raises(ImmutableVersionError):
        component.save()
    with pytest.raises(ImmutableVersionError):
        blend.current_version.save()


def test_submit_approve_and_reject_follow_the_review_rules(customer, worked_components, staff_user, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    blend = blend_create(customer=customer, name="Review", components=worked_components, actor=SYSTEM)

    with django_capture_on_commit_callbacks(execute=True):
        blend = blend_submit(blend=blend, actor=Actor(user=customer))
        assert blend.status == "submitted"
        blend = blend_reject(blend=blend, note="Too much clove for a candle throw.", actor=Actor(user=staff_user))
        assert (blend.status, blend.reviewed_by) == ("rejected", staff_user)
        with pytest.raises(BlendStatusError):
            blend_approve(blend=blend, actor=Actor(user=staff_user))
        blend = blend_submit(blend=blend, actor=Actor(user=customer))
        blend = blend_approve(blend=blend, note="Lovely.", actor=Actor(user=staff_user))

    assert blend.status == "approved"
    events = Event.objects.filter(type__startswith="blend.").order_by("created_at")
    assert list(events.values_list("type", flat=True)) == [
        "blend.created", "blend.submitted", "blend.rejected", "blend.submitted", "blend.approved"]
    assert [m.to for m in mailoutbox] == [[customer.email], [customer.email]]
    assert "Too much clove" in mailoutbox[0].body


def test_reject_needs_a_note(customer, worked_components, staff_user):
    blend = blend_submit(blend=blend_create(customer=customer, name="R", components=worked_components, actor=SYSTEM),
                         actor=SYSTEM)

    with pytest.raises(CompositionError):
        blend_reject(blend=blend, note="  ", actor=Actor(user=staff_user))


def test_a_new_composition_sends_an_approved_blend_back_to_draft(customer, notes, worked_components, staff_user):
    blend = blend_create(customer=customer, name="R", components=worked_components, actor=SYSTEM)
    blend = blend_approve(blend=blend_submit(blend=blend, actor=SYSTEM), actor=Actor(user=staff_user))

    blend = blend_update(blend=blend, actor=SYSTEM, components=_components((notes["rose"], "100")))

    assert (blend.status, blend.review_note, blend.reviewed_at) == ("draft", "", None)


def test_split_grams_adds_up_exactly_by_largest_remainder():
    grams = split_grams(Decimal("68.04"), [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])

    # exact 22.677732, 22.677732, 22.684536: floors 22.67, 22.67, 22.68; two cents go to the larger remainders
    assert grams == [Decimal("22.68"), Decimal("22.68"), Decimal("22.68")]
    assert sum(grams) == Decimal("68.04")


@pytest.mark.parametrize("quantity", [1, 3, 7, 99])
def test_formulation_grams_add_up_to_the_fragrance_weight(customer, bases, worked_components, quantity):
    blend = blend_create(customer=customer, name="F", components=worked_components, actor=SYSTEM)

    formulation = blend_formulate(blend=blend, product_base=bases["candle"], quantity=quantity)

    total = (Decimal("226.80") * quantity)
    assert formulation.total_grams == total
    assert formulation.fragrance_grams == (total * Decimal("0.10")).quantize(Decimal("0.01"))
    assert sum(line.grams for line in formulation.components) == formulation.fragrance_grams
    assert formulation.carrier_grams + formulation.fragrance_grams == total
    assert formulation.unit_price == Decimal("40.00")  # 32.00 + BLEND_PREMIUM 8.00
    assert formulation.price == Decimal("40.00") * quantity


def test_formulation_of_one_candle_by_hand(customer, bases, notes):
    blend = blend_create(customer=customer, name="F", actor=SYSTEM,
                         components=_components((notes["rose"], "60"), (notes["sandalwood"], "40")))

    formulation = blend_formulate(blend=blend, product_base=bases["candle"], quantity=1)

    # 226.80 g × 10 % = 22.68 g of oil: rose 13.608 → 13.61, sandalwood 9.072 → 9.07; 0.10 $/g
    assert [line.grams for line in formulation.components] == [Decimal("13.61"), Decimal("9.07")]
    assert formulation.carrier_grams == Decimal("204.12")
    assert formulation.cost == Decimal("2.27")  # 1.36 + 0.91


def test_formulation_is_refused_when_not_compliant(customer, bases, worked_components):
    blend = blend_create(customer=customer, name="F", components=worked_components, actor=SYSTEM)

    with pytest.raises(NotCompliantError) as caught:
        blend_formulate(blend=blend, product_base=bases["body_oil"], quantity=1)

    assert "Bergamot" in caught.value.message
    assert caught.value.details["violations"][0]["note_slug"] == "bergamot"


def test_blend_line_prepare_refuses_another_customers_blend(customer, bases):
    blend = BlendFactory()

    with pytest.raises(ValidationFailedError) as caught:
        blend_line_prepare(blend_id=blend.pk, product_base_id=bases["candle"].pk, quantity=1, customer=customer)

    assert caught.value.field == "blend_id"


def test_stock_take_and_release_write_the_ledger(notes):
    rose, clove = notes["rose"], notes["clove"]

    note_stock_take_many(items=[(clove.pk, Decimal("2.50")), (rose.pk, Decimal("10.00")),
                                (rose.pk, Decimal("0.25"))], reference="order-1", actor=SYSTEM)
    note_stock_release_many(items=[(rose.pk, Decimal("10.25"))], reference="order-1", actor=SYSTEM)

    assert Note.objects.get(pk=rose.pk).stock_grams == Decimal("1000.00")
    assert Note.objects.get(pk=clove.pk).stock_grams == Decimal("997.50")
    assert list(NoteStockMovement.objects.order_by("id").values_list("note_id", "delta", "grams_after", "reason")) == [
        (rose.pk, Decimal("-10.25"), Decimal("989.75"), "sale"),
        (clove.pk, Decimal("-2.50"), Decimal("997.50"), "sale"),
        (rose.pk, Decimal("10.25"), Decimal("1000.00"), "cancel"),
    ]


def test_stock_take_is_all_or_nothing(notes):
    Note.objects.filter(pk=notes["rose"].pk).update(stock_grams=Decimal("5.00"))

    with pytest.raises(NoteOutOfStockError) as caught:
        note_stock_take_many(items=[(notes["bergamot"].pk, Decimal("1")), (notes["rose"].pk, Decimal("5.01"))],
                             reference="order-2", actor=SYSTEM)

    assert caught.value.details["available_grams"] == "5.00"
    assert Note.objects.get(pk=notes["bergamot"].pk).stock_grams == Decimal("1000.00")
    assert not NoteStockMovement.objects.exists()


def test_checkout_hooks_take_and_release_the_formulated_grams(customer, bases, worked_components):
    blend = blend_create(customer=customer, name="C", components=worked_components, actor=SYSTEM)
    line = blend_line_prepare(blend_id=blend.pk, product_base_id=bases["candle"].pk, quantity=2, customer=customer)
    snapshot = line.snapshot()

    from blends.services import blend_lines_take_stock
    blend_lines_take_stock(lines=[line], reference="MNKY-1", actor=SYSTEM)
    taken = Note.objects.filter(stock_grams__lt=1000).count()
    blend_snapshots_release_stock(snapshots=[snapshot], reference="MNKY-1", actor=SYSTEM)

    assert taken == 4
    assert snapshot["version"] == 1 and snapshot["cure_days"] == 7 and snapshot["ifra"]["compliant"] is True
    assert sum(Decimal(c["grams"]) for c in snapshot["formulation"]["components"]) == Decimal("45.36")
    assert set(Note.objects.values_list("stock_grams", flat=True)) == {Decimal("1000.00")}


def test_base_without_limits_never_blocks(customer, wheel):
    base = ProductBaseFactory(ifra_category="10B", fragrance_load=Decimal("5"))
    blend = BlendFactory(customer=customer, parts=[(NoteFactory(limits={"12": "0.1"}), "100")])

    assert blend_formulate(blend=blend, product_base=base, quantity=1).ifra.compliant


def test_a_blend_an_order_points_at_is_hidden_not_deleted(customer, monkeypatch):
    from django.db.models import ProtectedError
    from django.db.models.query import QuerySet

    from blends.selectors import blend_queryset
    from blends.services import blend_delete

    blend = BlendFactory(customer=customer)

    def protected(self):  # what an order line's PROTECT foreign key to the version does
        raise ProtectedError("Referenced by an order line.", set())

    monkeypatch.setattr(QuerySet, "delete", protected)
    blend_delete(blend=blend, actor=SYSTEM)

    hidden = Blend.objects.get(pk=blend.pk)
    assert hidden.deleted_at is not None
    assert not blend_queryset().filter(pk=blend.pk).exists()
    assert BlendVersion.objects.filter(blend=blend).count() == 1
