from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from blends.models import Blend, Note, NoteStockMovement
from blends.services import blend_update
from moodmnky.actors import Actor
from moodmnky.webhooks.models import Event
from orders.services import order_checkout
from tests.blends.factories import BlendFactory
from tests.blends.test_orders import blend_cart
from tests.customers.factories import CustomerFactory
from tests.orders.factories import ADDRESS

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_browser():
    user = CustomerFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def submitted(customer, notes, bases):
    blend = BlendFactory(customer=customer, name="Review me", parts=[(notes["rose"], "60"),
                                                                     (notes["sandalwood"], "40")])
    Blend.objects.filter(pk=blend.pk).update(status="submitted")
    return blend


def test_review_page_shows_composition_analysis_and_batch_sheet_links(admin_browser, submitted, bases):
    response = admin_browser.get(reverse("admin:blends_blend_change", args=[submitted.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Sandalwood" in html and "Pyramid" in html and "8 oz Candle: compliant" in html
    assert 'name="_approve"' in html
    assert reverse("admin:blends_blend_batch_sheet", args=[submitted.pk, bases["candle"].pk]) in html


def test_approve_through_the_admin_uses_the_service(admin_browser, submitted, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    url = reverse("admin:blends_blend_change", args=[submitted.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_browser.post(url, {"review_note": "Beautiful balance.", "_approve": "Approve"})

    assert response.status_code == 302
    blend = Blend.objects.get(pk=submitted.pk)
    assert (blend.status, blend.review_note, blend.reviewed_by) == ("approved", "Beautiful balance.",
                                                                     admin_browser.user)
    assert Event.objects.get(type="blend.approved").actor_label == admin_browser.user.email
    assert "Beautiful balance." in mailoutbox[0].body


def test_reject_without_a_note_is_refused_with_a_message(admin_browser, submitted):
    url = reverse("admin:blends_blend_change", args=[submitted.pk])

    response = admin_browser.post(url, {"review_note": "", "_reject": "Reject"}, follow=True)

    assert Blend.objects.get(pk=submitted.pk).status == "submitted"
    assert "Say why" in response.content.decode()


def test_batch_sheet_prints_grams_that_add_up(admin_browser, submitted, bases):
    url = reverse("admin:blends_blend_batch_sheet", args=[submitted.pk, bases["candle"].pk])

    response = admin_browser.get(f"{url}?quantity=2")

    html = response.content.decode()
    assert response.status_code == 200
    assert "27.22" in html and "18.14" in html and "45.36" in html and "408.24" in html


def test_batch_sheet_of_a_non_compliant_base_says_why(admin_browser, customer, notes, bases):
    blend = BlendFactory(customer=customer, parts=[(notes["bergamot"], "100")])
    url = reverse("admin:blends_blend_batch_sheet", args=[blend.pk, bases["body_oil"].pk])

    html = admin_browser.get(url).content.decode()

    assert "over the IFRA limit" in html


def test_note_stock_changes_from_the_admin_go_through_the_ledger(admin_browser, notes):
    rose = notes["rose"]
    url = reverse("admin:blends_note_change", args=[rose.pk])
    data = {"name": rose.name, "slug": rose.slug, "description": "", "category": rose.category_id,
            "volatility": rose.volatility, "intensity": rose.intensity, "moods": '["romantic"]', "allergens": "",
            "is_active": "on", "cost_per_gram": "0.1000", "low_stock_grams": "250.00", "stock_change": "250.50",
            "stock_reason": "receive", "stock_comment": "Delivery 42",
            "ifra_limits-TOTAL_FORMS": "0", "ifra_limits-INITIAL_FORMS": "0",
            "stock_movements-TOTAL_FORMS": "0", "stock_movements-INITIAL_FORMS": "0"}

    response = admin_browser.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Note.objects.get(pk=rose.pk).stock_grams == Decimal("1250.50")
    movement = NoteStockMovement.objects.get()
    assert (movement.reason, movement.comment, movement.actor_label) == ("receive", "Delivery 42",
                                                                         admin_browser.user.email)


def test_admin_lists_load(admin_browser, submitted):
    for name in ("blend", "note", "productbase", "fragrancecategory", "notestockmovement", "scentprofile"):
        assert admin_browser.get(reverse(f"admin:blends_{name}_changelist")).status_code == 200


def test_an_order_lines_batch_sheet_is_of_the_version_it_bought(admin_browser, customer, notes, bases):
    blend = BlendFactory(customer=customer, name="Keeper", parts=[(notes["rose"], "60"), (notes["sandalwood"], "40")])
    cart = blend_cart(customer, (blend, bases["candle"], 2))
    order = order_checkout(cart_id=cart.pk, customer=customer, email=customer.email, shipping_method="standard",
                           shipping_address=dict(ADDRESS, company="", line2="", phone=""), payment_gateway="test",
                           payment_token="tok_success", actor=Actor(user=customer))
    blend_update(blend=blend, actor=Actor(user=customer), components=[  # version 2: what the order did not buy
        {"note_id": notes["rose"].pk, "percentage": "100.00"}])
    sheet = reverse("admin:blends_blend_batch_sheet", args=[blend.pk, bases["candle"].pk])

    order_page = admin_browser.get(reverse("admin:orders_order_change", args=[order.pk])).content.decode()
    bought = admin_browser.get(f"{sheet}?version=1&quantity=2").content.decode()
    current = admin_browser.get(f"{sheet}?quantity=2").content.decode()
    pick_list = admin_browser.get(f"{reverse('admin:orders_order_pick_list')}?ids={order.pk}").content.decode()

    assert f"{sheet}?version=1&amp;quantity=2" in order_page
    assert "Keeper — version 1" in bought and "27.22" in bought and "18.14" in bought  # rose 60 %, sandalwood 40 %
    assert "Compliant" in bought and "ready on" in bought
    assert "Keeper — version 2" in current and "Sandalwood" not in current
    assert "MADE TO ORDER: Keeper v1" in pick_list and f"{sheet}?version=1&amp;quantity=2" in pick_list
    Blend.objects.filter(pk=blend.pk).update(deleted_at=order.created_at)  # the customer deleted it: still poured
    assert "Keeper — version 1" in admin_browser.get(f"{sheet}?version=1&quantity=2").content.decode()
    assert admin_browser.get(f"{sheet}?quantity=2").status_code == 404
    for forged in ("?version=9", "?version=abc", "?version=-1"):
        assert admin_browser.get(f"{sheet}{forged}").status_code == 404
    missing = reverse("admin:blends_blend_batch_sheet", args=["not-a-uuid", bases["candle"].pk])
    assert admin_browser.get(f"{missing}?version=1").status_code == 404
