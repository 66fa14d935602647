import pytest

from blends.models import ScentProfile
from blends.recommendations import recommend, wheel_distance
from tests.blends.factories import NoteFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/custom-blends/recommendations/"


def _profile(customer, **fields) -> ScentProfile:
    relations = {name: fields.pop(name) for name in ("favorite_categories", "favorite_notes", "disliked_notes")
                 if name in fields}
    profile = ScentProfile.objects.create(customer=customer, **fields)
    for name, values in relations.items():
        getattr(profile, name).set(values)
    return profile


def test_wheel_distance_goes_the_short_way_round():
    assert [wheel_distance(1, 2), wheel_distance(1, 14), wheel_distance(1, 8), wheel_distance(3, 3)] == [1, 1, 7, 0]


def test_disliked_notes_are_never_recommended_even_when_they_match_everything(customer, notes, wheel, bases):
    rose = notes["rose"]
    profile = _profile(customer, intensity=rose.intensity, moods=rose.moods, favorite_categories=[wheel["floral"]],
                       disliked_notes=[rose])

    result = recommend(profile=profile, limit=50)

    assert rose.pk not in {rec.note.pk for rec in result["notes"]}
    assert all(rose.pk not in {part.note.pk for part in blend.components} for blend in result["blends"])


def test_favourite_family_and_liked_notes_rank_first_with_reasons(customer, notes, wheel, bases):
    profile = _profile(customer, intensity=4, favorite_categories=[wheel["floral"]], favorite_notes=[notes["rose"]])

    result = recommend(profile=profile)

    top = result["notes"][0]
    assert top.note.slug == "rose"
    assert any("favourite" in reason for reason in top.reasons)
    assert 0 <= result["notes"][-1].score <= top.score <= 100


def test_starter_blends_are_compliant_for_the_product_type(customer, wheel, bases):
    restricted = NoteFactory(volatility="top", name="Hot Top", intensity=5, limits={"5A": "0.01"})
    for volatility in ("top", "middle", "middle", "base", "base"):
        NoteFactory(volatility=volatility)
    profile = _profile(customer, intensity=5)

    oil = recommend(profile=profile, product_type="body_oil")["blends"]
    candle = recommend(profile=profile, product_type="candle")["blends"]

    assert oil and all(restricted.pk not in {p.note.pk for p in blend.components} for blend in oil)
    assert any(restricted.pk in {p.note.pk for p in blend.components} for blend in candle)
    assert sum(part.percentage for part in oil[0].components) == 100


def test_api_filters_narrow_notes_and_blends(customer_client, customer, notes, bases):
    _profile(customer, moods=["calm"])

    by_category = customer_client.get(f"{URL}?category=woods").json()["data"]
    by_mood = customer_client.get(f"{URL}?mood=cozy").json()["data"]

    assert [rec["note"]["slug"] for rec in by_category["notes"]] == ["sandalwood"]
    assert [rec["note"]["slug"] for rec in by_mood["notes"]] == ["clove"]
    assert all("cozy" in blend["moods"] for blend in by_mood["blends"])
    assert all(isinstance(reason, str) for rec in by_mood["notes"] for reason in rec["reasons"])


def test_api_without_a_profile_still_answers(customer_client, notes, bases):
    response = customer_client.get(URL)

    assert response.status_code == 200
    assert len(response.json()["data"]["notes"]) == 4


def test_api_occasion_keeps_blends_for_it(customer_client, customer, notes, bases):
    response = customer_client.get(f"{URL}?occasion=evening")

    blends = response.json()["data"]["blends"]
    assert blends and all("evening" in blend["occasions"] for blend in blends)
    assert blends[0]["components"][0]["note_slug"] == "bergamot"
