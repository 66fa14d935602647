import io

import pytest
from django.core.management import call_command

from blends.models import Blend, FragranceCategory, Note, NoteIfraLimit, NoteStockMovement, ProductBase
from blends.selectors import blend_analysis, blend_queryset

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_the_blend_catalog_once():
    call_command("seed_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert FragranceCategory.objects.count() == 14
    assert Note.objects.count() >= 40
    assert sorted(ProductBase.objects.values_list("product_type", flat=True)) == [
        "body_oil", "candle", "reed_diffuser", "room_spray", "soap", "wax_melt"]
    candle = ProductBase.objects.get(product_type="candle")
    below_a_load = NoteIfraLimit.objects.filter(limit__lt=candle.fragrance_load).values("note").distinct().count()
    assert below_a_load >= 3
    assert NoteStockMovement.objects.count() == Note.objects.count()  # opening stock written once
    assert "blends: 14 fragrance families" in out.getvalue()


def test_demo_blends_show_compliance_at_work():
    call_command("seed_demo", stdout=io.StringIO())

    evening = blend_queryset().get(name="Evening Ritual")
    spiced = blend_queryset().get(name="Spiced Orchard")
    by_slug = lambda blend: {r.product_base_slug: r.compliant for r in blend_analysis(blend).ifra}  # noqa: E731

    assert by_slug(evening)["candle-8oz"] and by_slug(evening)["body-oil"]  # bergamot exactly at 0.4 %
    assert by_slug(spiced)["candle-8oz"] and not by_slug(spiced)["reed-diffuser"]
    assert Blend.objects.filter(customer__email="customer@moodmnky.example").count() == 2
