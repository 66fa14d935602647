from decimal import Decimal

import pytest

from blends.analysis import Part, analyze, ifra_check
from blends.selectors import blend_analysis
from blends.services import blend_create
from moodmnky.actors import SYSTEM
from tests.blends.factories import NoteFactory, ProductBaseFactory

pytestmark = pytest.mark.django_db


def test_worked_example_numbers_match_the_hand_calculation(customer, bases, worked_components, notes):
    blend = blend_create(customer=customer, name="Worked", components=worked_components, actor=SYSTEM)

    analysis = blend_analysis(blend)

    assert analysis.total_percentage == Decimal("100.00")
    assert analysis.pyramid == {"top": Decimal("30.00"), "middle": Decimal("25.50"), "base": Decimal("44.50")}
    assert analysis.families == [
        {"category": "woods", "percentage": Decimal("40.50")}, {"category": "citrus", "percentage": Decimal("30.00")},
        {"category": "floral", "percentage": Decimal("25.50")}, {"category": "amber", "percentage": Decimal("4.00")},
    ]
    # (30×3 + 25.5×4 + 40.5×3 + 4×5) / 100 = 3.335 → 3.34 (half up)
    assert analysis.intensity == Decimal("3.34")
    assert [w["code"] for w in analysis.warnings] == ["trace_note"]
    candle, oil = analysis.ifra_for(bases["candle"].pk), analysis.ifra_for(bases["body_oil"].pk)
    # Candle (cat 12, load 10 %): clove 4 × 10 / 100 = 0.40 ≤ 0.5; max load 0.5 × 100 / 4 = 12.50
    assert (candle.compliant, candle.violations, candle.max_compliant_load) == (True, [], Decimal("12.50"))
    # Body oil (cat 5A, load 2 %): bergamot 30 × 2 / 100 = 0.60 > 0.40; clove 0.08 ≤ 0.10
    assert not oil.compliant
    assert [(v.note_slug, v.level, v.limit) for v in oil.violations] == [("bergamot", Decimal("0.6000"),
                                                                          Decimal("0.4000"))]
    # min(0.4 × 100 / 30 = 1.333…, 0.1 × 100 / 4 = 2.5) rounded down
    assert oil.max_compliant_load == Decimal("1.33")


@pytest.mark.parametrize(("load", "compliant"), [("10.00", True), ("10.01", False)])
def test_ifra_limit_is_met_at_exactly_the_limit_and_broken_just_above(wheel, load, compliant):
    note = NoteFactory(limits={"12": "5"})
    filler = NoteFactory()
    base = ProductBaseFactory(ifra_category="12", fragrance_load=Decimal(load))

    result = ifra_check([Part(note, Decimal("50")), Part(filler, Decimal("50"))], base)

    assert result.compliant is compliant
    assert result.max_compliant_load == Decimal("10.00")
    if not compliant:
        assert result.violations[0].level == Decimal("5.0050")  # 50 × 10.01 / 100, never understated


def test_a_level_a_hair_over_the_limit_is_shown_above_it(wheel):
    note = NoteFactory(limits={"5A": "0.3333"})
    base = ProductBaseFactory(ifra_category="5A", fragrance_load=Decimal("1.00"))

    result = ifra_check([Part(note, Decimal("33.34"))], base)  # level 0.3334

    assert not result.compliant
    assert result.violations[0].level > result.violations[0].limit


def test_max_compliant_load_complies_and_a_cent_more_does_not(wheel):
    note = NoteFactory(limits={"9": "1.4"})
    parts = [Part(note, Decimal("12.00")), Part(NoteFactory(), Decimal("88.00"))]

    max_load = ifra_check(parts, ProductBaseFactory(ifra_category="9", fragrance_load=Decimal("1"))).max_compliant_load

    assert max_load == Decimal("11.66")  # 1.4 × 100 / 12 = 11.666…
    assert ifra_check(parts, ProductBaseFactory(ifra_category="9", fragrance_load=max_load)).compliant
    assert not ifra_check(parts, ProductBaseFactory(ifra_category="9",
                                                    fragrance_load=max_load + Decimal("0.01"))).compliant


def test_a_blend_without_restricted_notes_allows_any_load(wheel):
    result = ifra_check([Part(NoteFactory(), Decimal("100"))], ProductBaseFactory())

    assert (result.compliant, result.max_compliant_load) == (True, Decimal("100"))


def test_balance_warnings_flag_pyramid_dominant_and_trace_notes_without_blocking(wheel):
    top = NoteFactory(volatility="top", name="Lemon")
    base = NoteFactory(volatility="base", name="Vetiver")

    analysis = analyze([Part(top, Decimal("97")), Part(base, Decimal("3"))], [])

    codes = [w["code"] for w in analysis.warnings]
    assert codes == ["top_notes_high", "middle_notes_low", "base_notes_low", "dominant_note", "trace_note"]
    assert "97.00 %" in analysis.warnings[0]["message"] or "97 %" in analysis.warnings[0]["message"]
