import uuid
from decimal import Decimal

import pytest

from blends.models import Blend
from tests.blends.factories import BlendFactory, NoteFactory

pytestmark = pytest.mark.django_db

BLENDS = "/api/v1/custom-blends/"


def test_notes_are_public_and_shaped_as_the_contract(api_client, notes):
    response = api_client.get(f"{BLENDS}notes/")

    assert response.status_code == 200
    body = response.json()
    clove = next(note for note in body["data"] if note["slug"] == "clove")
    assert clove["category"] == "amber"
    assert clove["volatility"] == "base"
    assert clove["intensity"] == 5
    assert clove["ifra_limits"] == {"12": "0.5000", "5A": "0.1000"}
    assert {"amendment": 51, "ifra_category": "12", "limit": "0.5000"} in clove["ifra_limit_details"]
    assert "stock_grams" not in clove
    assert body["meta"]["pagination"]["total"] == 4


@pytest.mark.parametrize(("query", "slugs"), [
    ("category=citrus", ["bergamot"]),
    ("volatility=base", ["clove", "sandalwood"]),
    ("mood=cozy", ["clove"]),
    ("search=sandal", ["sandalwood"]),
])
def test_notes_filters(api_client, notes, query, slugs):
    response = api_client.get(f"{BLENDS}notes/?{query}")

    assert sorted(note["slug"] for note in response.json()["data"]) == slugs


def test_notes_bad_volatility_is_a_400(api_client, notes):
    response = api_client.get(f"{BLENDS}notes/?volatility=heart")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "volatility"


def test_admin_sees_stock_and_cost_of_notes(make_admin_client, notes):
    response = make_admin_client("blends:read").get(f"{BLENDS}notes/{notes['rose'].slug}/")

    assert response.json()["data"]["stock_grams"] == "1000.00"


def test_notes_list_query_count_does_not_grow_with_the_page(api_client, wheel, django_assert_num_queries):
    created = [NoteFactory(limits={"12": "1.5", "5A": "0.2"}) for _ in range(12)]
    for note, partner in zip(created[1:], created, strict=False):
        note.complementary_notes.add(partner)

    with django_assert_num_queries(4) as small:  # count, notes + family, limits, complementary ids
        api_client.get(f"{BLENDS}notes/?limit=1")
    with django_assert_num_queries(4):
        response = api_client.get(f"{BLENDS}notes/?limit=100")

    assert len(small.captured_queries) == 4
    assert len(response.json()["data"]) == 12


def test_categories_and_bases_are_public(api_client, wheel, bases):
    categories = api_client.get(f"{BLENDS}categories/").json()["data"]
    base = api_client.get(f"{BLENDS}product-bases/{bases['candle'].pk}/").json()["data"]

    assert [c["slug"] for c in categories] == ["floral", "amber", "woods", "citrus"]
    assert base == {**base, "ifra_category": "12", "fragrance_load": "10.00", "price": "32.00",
                    "blend_price": "40.00", "currency": "USD", "product_type": "candle"}


def test_create_a_blend_answers_201_with_the_analysis(customer_client, worked_components, bases):
    response = customer_client.post(BLENDS, {"name": "Evening", "components": worked_components}, format="json")

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["status"] == "draft" and data["version"] == 1
    assert data["components"][0] == {"note_id": worked_components[0]["note_id"], "note_slug": "bergamot",
                                     "name": "Bergamot", "percentage": "30.00"}
    analysis = data["analysis"]
    assert analysis["pyramid"] == {"top": "30.00", "middle": "25.50", "base": "44.50"}
    assert analysis["intensity"] == "3.34"
    oil = next(r for r in analysis["ifra"] if r["product_base_slug"] == "body-oil")
    assert oil == {"product_base_id": bases["body_oil"].pk, "product_base_slug": "body-oil", "ifra_category": "5A",
                   "compliant": False, "max_compliant_load": "1.33",
                   "violations": [{"note_id": worked_components[0]["note_id"], "note_slug": "bergamot",
                                   "level": "0.6000", "limit": "0.4000"}]}


def test_a_wrong_sum_is_a_400_with_the_sum(customer_client, notes):
    body = {"name": "Off", "components": [{"note_id": notes["rose"].pk, "percentage": "55.25"},
                                          {"note_id": notes["clove"].pk, "percentage": "40"}]}

    response = customer_client.post(BLENDS, body, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert "95.25" in error["message"]
    assert error["details"][0]["field"] == "components"


def test_three_decimals_are_a_400_naming_the_component(customer_client, notes):
    body = {"name": "Off", "components": [{"note_id": notes["rose"].pk, "percentage": "99.999"},
                                          {"note_id": notes["clove"].pk, "percentage": "0.001"}]}

    response = customer_client.post(BLENDS, body, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "components.0.percentage"


def test_blends_need_a_login(api_client):
    assert api_client.get(BLENDS).status_code == 401
    assert api_client.get(f"{BLENDS}recommendations/").status_code == 401


def test_another_customers_blend_is_404_everywhere(customer_client, api_client, bases):
    other = BlendFactory()
    url = f"{BLENDS}{other.pk}/"

    answers = [
        customer_client.get(url), customer_client.patch(url, {"name": "Mine"}, format="json"),
        customer_client.delete(url), customer_client.post(f"{url}submit/"),
        customer_client.post(f"{url}test-product/", {"product_base_id": bases["candle"].pk}, format="json"),
        customer_client.post(f"{url}formulate/", {"product_base_id": bases["candle"].pk}, format="json"),
        api_client.get(url),
    ]

    assert [r.status_code for r in answers[:-1]] == [404] * 6
    assert answers[-1].status_code == 401
    assert customer_client.get(BLENDS).json()["data"] == []
    assert Blend.objects.get(pk=other.pk).name == other.name


def test_malformed_and_unknown_blend_ids_are_404(customer_client):
    assert customer_client.get(f"{BLENDS}not-a-uuid/").status_code == 404
    assert customer_client.get(f"{BLENDS}{uuid.uuid4()}/").status_code == 404


def test_admin_keys_read_with_blends_read_and_write_with_blends_write(make_admin_client, customer, notes):
    blend = BlendFactory(customer=customer, parts=[(notes["rose"], "100")])
    reader, writer = make_admin_client("blends:read"), make_admin_client("blends:write")

    assert reader.get(f"{BLENDS}{blend.pk}/").json()["data"]["customer_id"] == customer.pk
    assert reader.patch(f"{BLENDS}{blend.pk}/", {"name": "X"}, format="json").status_code == 403
    assert make_admin_client("products:read").get(BLENDS).status_code == 403
    assert writer.patch(f"{BLENDS}{blend.pk}/", {"name": "X"}, format="json").json()["data"]["name"] == "X"
    created = writer.post(BLENDS, {"customer_id": customer.pk, "name": "Staff made",
                                   "components": [{"note_id": notes["rose"].pk, "percentage": "100"}]}, format="json")
    assert created.status_code == 201


def test_patch_components_makes_version_two(customer_client, notes, worked_components):
    blend_id = customer_client.post(BLENDS, {"name": "V", "components": worked_components},
                                    format="json").json()["data"]["id"]

    response = customer_client.patch(f"{BLENDS}{blend_id}/", {
        "components": [{"note_id": notes["rose"].pk, "percentage": "100.00"}]}, format="json")

    assert response.status_code == 200
    assert response.json()["data"]["version"] == 2
    assert response.json()["data"]["analysis"]["warnings"][-1]["code"] == "dominant_note"


def test_delete_answers_204(customer_client, customer):
    blend = BlendFactory(customer=customer)

    response = customer_client.delete(f"{BLENDS}{blend.pk}/")

    assert response.status_code == 204
    assert not Blend.objects.filter(pk=blend.pk).exists()


def test_test_product_reports_compliance_and_performance(customer_client, customer, notes, bases):
    blend = BlendFactory(customer=customer, parts=[(notes["bergamot"], "30"), (notes["rose"], "25.50"),
                                                   (notes["sandalwood"], "40.50"), (notes["clove"], "4")])

    oil = customer_client.post(f"{BLENDS}{blend.pk}/test-product/", {"product_base_id": bases["body_oil"].pk},
                               format="json").json()["data"]
    candle = customer_client.post(f"{BLENDS}{blend.pk}/test-product/", {"product_base_id": bases["candle"].pk},
                                  format="json").json()["data"]

    assert (oil["compliant"], oil["max_compliant_load"], oil["fragrance_load"]) == (False, "1.33", "2.00")
    assert oil["violations"][0]["note_slug"] == "bergamot"
    assert candle["compliant"] is True
    assert 1 <= candle["estimated_performance"]["throw"] <= 5
    assert 1 <= candle["estimated_performance"]["longevity"] <= 5
    assert [w["code"] for w in candle["warnings"]] == ["trace_note"]


def test_test_product_unknown_base_is_a_400(customer_client, customer):
    blend = BlendFactory(customer=customer)

    response = customer_client.post(f"{BLENDS}{blend.pk}/test-product/", {"product_base_id": 99999}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "product_base_id"


def test_formulate_gives_grams_cost_and_price(customer_client, customer, notes, bases):
    blend = BlendFactory(customer=customer, parts=[(notes["rose"], "60"), (notes["sandalwood"], "40")])

    response = customer_client.post(f"{BLENDS}{blend.pk}/formulate/",
                                    {"product_base_id": bases["candle"].pk, "quantity": 2}, format="json")

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["fragrance_grams"], data["carrier_grams"], data["quantity"]) == ("45.36", "408.24", 2)
    assert [c["grams"] for c in data["components"]] == ["27.22", "18.14"]
    assert (data["price"], data["currency"], data["blend_version"]) == ("80.00", "USD", 1)


def test_formulate_not_compliant_is_a_400_naming_the_notes(customer_client, customer, notes, bases):
    blend = BlendFactory(customer=customer, parts=[(notes["bergamot"], "100")])

    response = customer_client.post(f"{BLENDS}{blend.pk}/formulate/", {"product_base_id": bases["body_oil"].pk},
                                    format="json")

    assert response.status_code == 400
    assert "Bergamot" in response.json()["error"]["message"]


def test_submit_then_submit_again_is_harmless(customer_client, customer):
    blend = BlendFactory(customer=customer)

    first = customer_client.post(f"{BLENDS}{blend.pk}/submit/")
    second = customer_client.post(f"{BLENDS}{blend.pk}/submit/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json()["data"]["status"] == "submitted"


def test_approved_blend_cannot_be_submitted_again(customer_client, customer):
    blend = BlendFactory(customer=customer)
    Blend.objects.filter(pk=blend.pk).update(status="approved")

    response = customer_client.post(f"{BLENDS}{blend.pk}/submit/")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_transition"


def test_blend_detail_query_count_is_fixed(customer_client, customer, wheel, bases, django_assert_num_queries):
    parts = [(NoteFactory(limits={"12": "3", "5A": "0.5"}), "10") for _ in range(10)]
    blend = BlendFactory(customer=customer, parts=parts)

    # session check (user), blend + version, components + notes + families, limits, active bases
    with django_assert_num_queries(5):
        response = customer_client.get(f"{BLENDS}{blend.pk}/")

    assert len(response.json()["data"]["components"]) == 10


def test_blend_list_query_count_is_flat(customer_client, customer, notes, bases, django_assert_num_queries):
    for _ in range(3):
        BlendFactory(customer=customer, parts=[(notes["rose"], "50"), (notes["clove"], "50")])

    with django_assert_num_queries(6):  # user, count, blends, components, limits, bases
        small = customer_client.get(f"{BLENDS}?limit=1")
    with django_assert_num_queries(6):
        response = customer_client.get(f"{BLENDS}?limit=100")

    assert len(small.json()["data"]) == 1
    assert len(response.json()["data"]) == 3


def test_scent_profile_get_put_patch(customer_client, notes, wheel):
    empty = customer_client.get("/api/v1/customers/scent-profile/").json()["data"]
    put = customer_client.put("/api/v1/customers/scent-profile/", {
        "intensity": 4, "favorite_categories": ["floral"], "favorite_notes": [notes["rose"].pk],
        "disliked_notes": [notes["clove"].pk], "moods": ["Calm", "calm"], "occasions": ["evening"]},
        format="json").json()["data"]
    patched = customer_client.patch("/api/v1/customers/scent-profile/", {"intensity": 2},
                                    format="json").json()["data"]
    replaced = customer_client.put("/api/v1/customers/scent-profile/", {"moods": ["fresh"]},
                                   format="json").json()["data"]

    assert empty["intensity"] == 3 and empty["favorite_notes"] == []
    assert put["moods"] == ["calm"] and put["favorite_categories"] == ["floral"]
    assert patched["intensity"] == 2 and patched["disliked_notes"] == [notes["clove"].pk]
    assert replaced["intensity"] == 3 and replaced["disliked_notes"] == []


def test_scent_profile_refuses_unknown_and_contradictory_values(customer_client, notes):
    unknown = customer_client.patch("/api/v1/customers/scent-profile/", {"favorite_categories": ["nope"]},
                                    format="json")
    both = customer_client.patch("/api/v1/customers/scent-profile/", {
        "favorite_notes": [notes["rose"].pk], "disliked_notes": [notes["rose"].pk]}, format="json")

    assert unknown.status_code == 400 and unknown.json()["error"]["details"][0]["field"] == "favorite_categories"
    assert both.status_code == 400 and both.json()["error"]["details"][0]["field"] == "disliked_notes"


def test_scent_profile_needs_a_customer(api_client, admin_client):
    assert api_client.get("/api/v1/customers/scent-profile/").status_code == 401
    assert admin_client.get("/api/v1/customers/scent-profile/").status_code == 403


def test_unknown_note_in_body_is_a_400(customer_client):
    response = customer_client.post(BLENDS, {"name": "X", "components": [{"note_id": 4242, "percentage": "100"}]},
                                    format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "components.0.note_id"


def test_prices_are_decimal_strings(api_client, bases):
    data = api_client.get(f"{BLENDS}product-bases/").json()["data"]

    assert all(isinstance(base["price"], str) and Decimal(base["price"]) for base in data)


def test_admin_filters_blends_by_status_and_customer(make_admin_client, customer):
    mine, other = BlendFactory(customer=customer), BlendFactory()
    Blend.objects.filter(pk=other.pk).update(status="submitted")
    client = make_admin_client("blends:read")

    submitted = client.get(f"{BLENDS}?status=submitted").json()["data"]
    by_customer = client.get(f"{BLENDS}?customer_id={customer.pk}").json()["data"]

    assert [b["id"] for b in submitted] == [str(other.pk)]
    assert [b["id"] for b in by_customer] == [str(mine.pk)]
    assert client.get(f"{BLENDS}?status=nope").status_code == 400


def test_event_payload_agrees_with_the_admin_api(make_admin_client, customer, worked_components, bases):
    from moodmnky.webhooks.models import Event

    client = make_admin_client("blends:write")
    created = client.post(BLENDS, {"customer_id": customer.pk, "name": "Agree", "components": worked_components},
                          format="json").json()["data"]

    payload = Event.objects.get(type="blend.created").data
    assert set(payload) == set(created)
    times = {"created_at", "updated_at", "submitted_at", "reviewed_at"}
    assert {k: v for k, v in payload.items() if k not in times} == {k: v for k, v in created.items() if k not in times}
