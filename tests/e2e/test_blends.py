"""Blend review: staff open a submitted blend, read its analysis, reject without a note (refused), approve."""

from decimal import Decimal

import pytest

from blends.models import Blend
from tests.blends.factories import BlendFactory, NoteFactory, ProductBaseFactory
from tests.customers.factories import CustomerFactory
from tests.e2e.conftest import messages, result_rows, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_review_a_submitted_blend_and_print_its_batch_sheet(admin_page, staff, mailoutbox):
    page = admin_page
    customer = CustomerFactory(email="blender@example.com")
    rose = NoteFactory(name="Rose", volatility="middle")
    cedar = NoteFactory(name="Cedarwood", volatility="base", limits={"5A": "0.1"})
    candle = ProductBaseFactory(name="8 oz Candle", fragrance_load=Decimal("10.00"))
    ProductBaseFactory(name="Body Oil", product_type="body_oil", ifra_category="5A", fragrance_load=Decimal("2"))
    blend = BlendFactory(customer=customer, name="Garden Path", parts=[(rose, "60"), (cedar, "40")])
    Blend.objects.filter(pk=blend.pk).update(status="submitted")

    page.goto("/admin/blends/blend/?status__exact=submitted")
    assert any("Garden Path" in row for row in result_rows(page))
    submit(page, "#result_list a:has-text('Garden Path')")
    text = page.inner_text("#content-main")
    assert "8 oz Candle: compliant" in text and "Body Oil: NOT compliant" in text
    assert "Cedarwood 0.8000 % > 0.1000 %" in text

    submit(page, "input[name=_reject]")
    assert any("Say why" in message for message in messages(page)), messages(page)
    assert Blend.objects.get(pk=blend.pk).status == "submitted"

    page.fill("#id_review_note", "A lovely, balanced heart.")
    submit(page, "input[name=_approve]")
    assert any("Approved" in message for message in messages(page)), messages(page)
    assert Blend.objects.get(pk=blend.pk).status == "approved"

    page.goto(f"/admin/blends/blend/{blend.pk}/batch-sheet/{candle.pk}/?quantity=4")
    sheet = page.inner_text("#content")
    assert "90.72" in sheet  # 4 × 226.80 g × 10 %
    assert "54.43" in sheet and "36.29" in sheet  # rose 60 %, cedarwood 40 %, adding up to 90.72
