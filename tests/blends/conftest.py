from decimal import Decimal

import pytest

from tests.blends.factories import FragranceCategoryFactory, NoteFactory, ProductBaseFactory


@pytest.fixture
def wheel(db):
    """Four families at their places on the 14-family wheel."""
    return {
        "floral": FragranceCategoryFactory(position=1, slug="floral", name="Floral"),
        "amber": FragranceCategoryFactory(position=5, slug="amber", name="Amber"),
        "woods": FragranceCategoryFactory(position=7, slug="woods", name="Woods"),
        "citrus": FragranceCategoryFactory(position=11, slug="citrus", name="Citrus"),
    }


@pytest.fixture
def notes(wheel):
    """The worked example's notes (docs/blends.md): two of them restricted."""
    return {
        "bergamot": NoteFactory(slug="bergamot", name="Bergamot", category=wheel["citrus"], volatility="top",
                                intensity=3, moods=["uplifting", "fresh"], limits={"5A": "0.4"}),
        "rose": NoteFactory(slug="rose", name="Rose", category=wheel["floral"], volatility="middle", intensity=4,
                            moods=["romantic"]),
        "sandalwood": NoteFactory(slug="sandalwood", name="Sandalwood", category=wheel["woods"], volatility="base",
                                  intensity=3, moods=["calm", "grounding"]),
        "clove": NoteFactory(slug="clove", name="Clove", category=wheel["amber"], volatility="base", intensity=5,
                             moods=["warm", "cozy"], limits={"12": "0.5", "5A": "0.1"}),
    }


@pytest.fixture
def bases(db):
    return {
        "candle": ProductBaseFactory(slug="candle-8oz", name="8 oz Candle", product_type="candle",
                                     ifra_category="12", fragrance_load=Decimal("10.00"),
                                     fill_weight_g=Decimal("226.80"), price=Decimal("32.00"), cure_days=7),
        "body_oil": ProductBaseFactory(slug="body-oil", name="Body Oil", product_type="body_oil",
                                       ifra_category="5A", fragrance_load=Decimal("2.00"),
                                       fill_weight_g=Decimal("100.00"), price=Decimal("28.00"), cure_days=0),
    }


@pytest.fixture
def worked_components(notes):
    """Bergamot 30, Rose 25.50, Sandalwood 40.50, Clove 4.00."""
    return [
        {"note_id": notes["bergamot"].pk, "percentage": "30.00"},
        {"note_id": notes["rose"].pk, "percentage": "25.50"},
        {"note_id": notes["sandalwood"].pk, "percentage": "40.50"},
        {"note_id": notes["clove"].pk, "percentage": "4.00"},
    ]
