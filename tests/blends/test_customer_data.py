import pytest

from blends.models import Blend, BlendVersion, ScentProfile
from tests.blends.factories import BlendFactory
from tests.customers.factories import PASSWORD

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/customers/profile/export/"


def test_export_holds_the_blends_with_every_version_and_the_profile(customer_client, customer, notes):
    blend_id = customer_client.post("/api/v1/custom-blends/", {"name": "Mine", "components": [
        {"note_id": notes["rose"].pk, "percentage": "100"}]}, format="json").json()["data"]["id"]
    customer_client.patch(f"/api/v1/custom-blends/{blend_id}/", {"components": [
        {"note_id": notes["rose"].pk, "percentage": "50"}, {"note_id": notes["clove"].pk, "percentage": "50"}]},
        format="json")
    customer_client.put("/api/v1/customers/scent-profile/", {"intensity": 5, "moods": ["cozy"]}, format="json")
    BlendFactory()  # someone else's

    body = customer_client.get(EXPORT).json()["data"]

    assert [blend["id"] for blend in body["blends"]] == [blend_id]
    assert [len(v["components"]) for v in body["blends"][0]["versions"]] == [1, 2]
    assert body["scent_profile"]["intensity"] == 5 and body["scent_profile"]["moods"] == ["cozy"]


def test_account_deletion_removes_blends_and_the_profile(customer_client, customer, notes):
    BlendFactory(customer=customer, parts=[(notes["rose"], "100")])
    ScentProfile.objects.create(customer=customer)
    other = BlendFactory()

    response = customer_client.delete("/api/v1/customers/profile/", {"password": PASSWORD}, format="json")

    assert response.status_code == 204
    assert list(Blend.objects.values_list("pk", flat=True)) == [other.pk]
    assert not ScentProfile.objects.exists()
    assert BlendVersion.objects.filter(blend=other).count() == 1
