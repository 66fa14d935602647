import pytest

from catalog.models import StockMovement, Variant
from moodmnky.webhooks.models import Event
from tests.catalog.factories import VariantFactory

pytestmark = pytest.mark.django_db


def test_inventory_lists_stock_per_variant(make_admin_client):
    variant = VariantFactory(quantity=4, low_stock_threshold=5)

    response = make_admin_client("inventory:read").get("/api/v1/inventory/")

    assert response.status_code == 200
    row = response.json()["data"][0]
    assert (row["variant_id"], row["sku"], row["quantity"], row["low_stock_threshold"]) == (
        variant.pk, variant.sku, 4, 5)
    assert row["is_low_stock"] is True


def test_inventory_filters_low_stock_and_sku(admin_client):
    low = VariantFactory(quantity=1, low_stock_threshold=3)
    VariantFactory(quantity=10, low_stock_threshold=3)

    assert [r["sku"] for r in admin_client.get("/api/v1/inventory/?low_stock=true").json()["data"]] == [low.sku]
    assert admin_client.get(f"/api/v1/inventory/?sku={low.sku.lower()}").json()["meta"]["pagination"]["total"] == 1


def test_inventory_needs_inventory_scope(make_admin_client, customer_client, api_client):
    assert make_admin_client("products:write").get("/api/v1/inventory/").status_code == 403
    assert customer_client.get("/api/v1/inventory/").status_code == 403
    assert api_client.get("/api/v1/inventory/").status_code == 401


def test_adjustment_answers_201_with_the_movement_and_records_events(make_admin_client):
    variant = VariantFactory(quantity=5, low_stock_threshold=3)

    response = make_admin_client("inventory:write").post(
        "/api/v1/inventory/adjustments/",
        {"variant_id": variant.pk, "delta": -3, "reason": "damage", "note": "Dropped a box"})

    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["variant_id"], data["sku"], data["delta"], data["quantity_after"], data["reason"], data["note"]) == (
        variant.pk, variant.sku, -3, 2, "damage", "Dropped a box")
    assert data["actor"].startswith("API key test key (")  # the one label every ledger and audit trail uses
    assert Event.objects.filter(type="inventory.updated").count() == 1
    assert Event.objects.get(type="inventory.low_stock").data["quantity"] == 2


def test_adjustment_below_zero_is_400_and_changes_nothing(admin_client):
    variant = VariantFactory(quantity=2)

    response = admin_client.post("/api/v1/inventory/adjustments/",
                                 {"variant_id": variant.pk, "delta": -3, "reason": "adjustment"})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error" and error["details"][0]["field"] == "delta"
    assert error["context"]["available"] == 2
    assert Variant.objects.get(pk=variant.pk).quantity == 2
    assert not StockMovement.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ({"delta": 0, "reason": "adjustment"}, "delta"),
    ({"delta": 1, "reason": "sale"}, "reason"),
    ({"delta": "lots", "reason": "adjustment"}, "delta"),
    ({"reason": "adjustment"}, "delta"),
])
def test_adjustment_validates_input(admin_client, body, field):
    variant = VariantFactory()

    response = admin_client.post("/api/v1/inventory/adjustments/", {"variant_id": variant.pk, **body})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == field


def test_adjustment_of_an_unknown_variant_is_400_naming_it(admin_client):
    response = admin_client.post("/api/v1/inventory/adjustments/", {"variant_id": 999999, "delta": 1})

    assert response.status_code == 400
    assert response.json()["error"]["details"] == [{"field": "variant_id", "message": "No variant with this id."}]


def test_adjustment_needs_inventory_write(make_admin_client):
    variant = VariantFactory()

    response = make_admin_client("inventory:read").post("/api/v1/inventory/adjustments/",
                                                        {"variant_id": variant.pk, "delta": 1})

    assert response.status_code == 403


def test_ledger_lists_movements_newest_first_with_filters(admin_client):
    variant = VariantFactory(quantity=0)
    other = VariantFactory(quantity=0)
    for delta in (5, -2):
        admin_client.post("/api/v1/inventory/adjustments/", {"variant_id": variant.pk, "delta": delta})
    admin_client.post("/api/v1/inventory/adjustments/", {"variant_id": other.pk, "delta": 1, "reason": "receive"})

    everything = admin_client.get("/api/v1/inventory/movements/").json()["data"]
    mine = admin_client.get(f"/api/v1/inventory/movements/?variant_id={variant.pk}").json()["data"]
    received = admin_client.get("/api/v1/inventory/movements/?reason=receive").json()["data"]

    assert len(everything) == 3
    assert [(m["delta"], m["quantity_after"]) for m in mine] == [(-2, 3), (5, 5)]
    assert [m["sku"] for m in received] == [other.sku]
    assert set(mine[0]) >= {"id", "variant_id", "sku", "delta", "quantity_after", "reason", "note", "reference",
                            "created_at"}


# --- bulk -----------------------------------------------------------------------------------------

BULK = "/api/v1/inventory/bulk/"


def test_bulk_sets_and_adjusts(admin_client):
    a, b = VariantFactory(sku="A", quantity=10), VariantFactory(sku="B", quantity=1)

    response = admin_client.post(BULK, {"items": [{"sku": "A", "set": 4}, {"sku": "B", "adjust": 5}]})

    assert response.status_code == 200
    results = response.json()["data"]["results"]
    assert [(r["index"], r["sku"], r["status"], r["quantity"], r["errors"]) for r in results] == [
        (0, "A", "ok", 4, []), (1, "B", "ok", 6, [])]
    assert [(m.sku, m.delta) for m in StockMovement.objects.order_by("id")] == [("A", -6), ("B", 5)]
    assert Variant.objects.get(pk=a.pk).quantity == 4 and Variant.objects.get(pk=b.pk).quantity == 6


def test_bulk_reject_everything_names_each_bad_item_and_writes_nothing(admin_client):
    VariantFactory(sku="A", quantity=10)
    VariantFactory(sku="B", quantity=1)

    response = admin_client.post(BULK, {"items": [
        {"sku": "A", "set": 4},
        {"sku": "NOPE", "set": 1},
        {"sku": "B", "adjust": -5},
        {"sku": "A", "set": -1},
        {"sku": "A"},
    ]})

    assert response.status_code == 400
    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert fields == ["items.1.sku", "items.2.adjust", "items.3.set", "items.4.set"]
    assert Variant.objects.get(sku="A").quantity == 10
    assert not StockMovement.objects.exists()


def test_bulk_reject_everything_rolls_back_when_a_row_fails_while_applying(admin_client):
    VariantFactory(sku="A", quantity=10)
    VariantFactory(sku="B", quantity=1)

    response = admin_client.post(BULK, {"items": [{"sku": "A", "set": 4}, {"sku": "B", "adjust": -5}]})

    assert response.status_code == 400
    assert [d["field"] for d in response.json()["error"]["details"]] == ["items.1.adjust"]
    assert Variant.objects.get(sku="A").quantity == 10
    assert not StockMovement.objects.exists() and not Event.objects.exists()


def test_bulk_reject_failed_rows_writes_the_good_ones(admin_client):
    VariantFactory(sku="A", quantity=10)
    VariantFactory(sku="B", quantity=1)

    response = admin_client.post(BULK, {"error_policy": "reject_failed_rows", "items": [
        {"sku": "A", "set": 4}, {"sku": "B", "adjust": -5}, {"sku": "NOPE", "adjust": 1}, {"sku": "B", "adjust": 2}]})

    assert response.status_code == 200
    results = response.json()["data"]["results"]
    assert [r["status"] for r in results] == ["ok", "error", "error", "ok"]
    assert results[1]["errors"][0]["field"] == "adjust"
    assert results[2]["errors"][0]["field"] == "sku"
    assert (results[0]["quantity"], results[3]["quantity"]) == (4, 3)
    assert Variant.objects.get(sku="B").quantity == 3


def test_bulk_refuses_more_than_500_items_and_unknown_policies(admin_client):
    too_many = admin_client.post(BULK, {"items": [{"sku": "A", "set": 1}] * 501})
    bad_policy = admin_client.post(BULK, {"items": [{"sku": "A", "set": 1}], "error_policy": "yolo"})

    assert too_many.status_code == 400 and too_many.json()["error"]["details"][0]["field"] == "items"
    assert bad_policy.json()["error"]["details"][0]["field"] == "error_policy"


def test_bulk_needs_inventory_write(make_admin_client):
    assert make_admin_client("inventory:read").post(BULK, {"items": [{"sku": "A", "set": 1}]}).status_code == 403


def test_bulk_row_that_fails_validation_keeps_its_sku(admin_client):
    VariantFactory(sku="Q-1", quantity=3)

    response = admin_client.post(BULK, {"error_policy": "reject_failed_rows", "items": [{"sku": "Q-1", "set": -5}]})

    row = response.json()["data"]["results"][0]
    assert (row["sku"], row["status"]) == ("Q-1", "error")
