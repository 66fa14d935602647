"""Checkouts racing through real HTTP on two gunicorn instances (and two db_workers) sharing one PostgreSQL and
one Redis: requests alternate between the servers, so the guarantees hold across processes, not only threads."""

from decimal import Decimal

from carts.models import CartItem, DiscountCode, DiscountUsage
from catalog.models import Variant
from orders.models import Order
from tests.blends.factories import BlendFactory, ProductBaseFactory
from tests.carts.factories import CartDiscountFactory, CartFactory, CartItemFactory, DiscountCodeFactory
from tests.live.arrange import LIVE, signed_in_customer, stocked_note, stocked_variant
from tests.live.checks import assert_shop_consistent
from tests.live.harness import at_once
from tests.orders.factories import checkout_body

pytestmark = LIVE


def guest_cart(*lines):
    """A guest cart with (variant, quantity) lines, in the order given."""
    cart = CartFactory(email="guest@example.com")
    for variant, quantity in lines:
        CartItemFactory(cart=cart, variant=variant, quantity=quantity)
    return cart


def checkouts(live, carts, **headers):
    """One checkout per cart, all at once, cart i on server i mod 2."""
    return at_once([lambda cart=cart, index=index: live.send("POST", f"/carts/{cart.pk}/checkout/", server=index,
                                                             json=checkout_body(), headers=headers)
                    for index, cart in enumerate(carts)])


def test_two_hundred_checkouts_for_fifty_units_make_fifty_orders(live, shop):
    variant = stocked_variant(50)
    carts = [guest_cart((variant, 1)) for _ in range(200)]

    answers = checkouts(live, carts)

    statuses = [answer.status for answer in answers]
    assert statuses.count(201) == 50, sorted(set(statuses))
    refused = [answer for answer in answers if answer.status != 201]
    assert len(refused) == 150 and all(answer.is_envelope(409) for answer in refused)
    assert {answer.code for answer in refused} == {"out_of_stock"}
    assert {answer.server for answer in answers if answer.status == 201} == {0, 1}  # both servers sold
    assert Variant.objects.get(pk=variant.pk).quantity == 0
    numbers = [answer.body["data"]["number"] for answer in answers if answer.status == 201]
    assert len(set(numbers)) == 50 and sorted(numbers) == sorted(Order.objects.values_list("number", flat=True))
    checked = assert_shop_consistent()
    assert checked["orders"] == 50
    shop.report("two_hundred_checkouts_fifty_units", requests=200, created=50, out_of_stock=150, **checked)


def test_twenty_checkouts_with_one_idempotency_key_make_one_order(live, shop):
    customer, token = signed_in_customer()
    cart = CartFactory(customer=customer, email=customer.email)
    CartItemFactory(cart=cart, variant=stocked_variant(10), quantity=2)

    answers = at_once([lambda index=index: live.send("POST", f"/carts/{cart.pk}/checkout/", server=index,
                                                     token=token, json=checkout_body(email=customer.email),
                                                     headers={"Idempotency-Key": "one-click"})
                       for index in range(20)])

    created = [answer for answer in answers if answer.status == 201]
    assert len(created) >= 1 and Order.objects.count() == 1
    first = [answer for answer in created if answer.headers.get("idempotent-replayed") != "true"]
    assert len(first) == 1  # one request ran; every other 201 is a replay of it, body for body
    assert all(answer.body["data"] == first[0].body["data"] for answer in created)
    in_progress = [answer for answer in answers if answer.status != 201]
    assert all(answer.is_envelope(409) and answer.code == "idempotency_in_progress" for answer in in_progress)
    assert Variant.objects.get().quantity == 8
    assert assert_shop_consistent()["orders"] == 1
    shop.report("one_idempotency_key", requests=20, orders=1, replays=len(created) - 1, in_progress=len(in_progress))


def test_carts_holding_variants_and_notes_in_opposite_order_never_deadlock(live, shop):
    first, second = stocked_variant(100), stocked_variant(100)
    note_a, note_b = stocked_note("20000.00"), stocked_note("20000.00")
    base = ProductBaseFactory()
    carts = []
    for index in range(12):
        customer, token = signed_in_customer()
        cart = CartFactory(customer=customer, email=customer.email)
        variants, parts = ((first, second), [(note_a, "60"), (note_b, "40")]) if index % 2 else \
            ((second, first), [(note_b, "60"), (note_a, "40")])
        for variant in variants:
            CartItemFactory(cart=cart, variant=variant, quantity=2)
        CartItem.objects.create(cart=cart, blend=BlendFactory(customer=customer, parts=parts), product_base=base,
                                quantity=1, unit_price_at_add=base.price)
        carts.append((cart, token, customer.email))
    marks = shop.log_marks()

    answers = at_once([lambda cart=cart, token=token, email=email, index=index: live.send(
        "POST", f"/carts/{cart.pk}/checkout/", server=index, token=token, json=checkout_body(email=email))
        for index, (cart, token, email) in enumerate(carts)])

    assert [answer.status for answer in answers] == [201] * 12, [answer.body for answer in answers]
    assert list(Variant.objects.order_by("pk").values_list("quantity", flat=True)) == [76, 76]
    logs = "".join(shop.logs_since(marks).values())
    assert "deadlock" not in logs.lower() and "Traceback" not in logs
    checked = assert_shop_consistent()
    assert checked["orders"] == 12
    shop.report("opposite_order_carts", requests=12, **checked)


def test_a_single_use_code_raced_by_twenty_checkouts_is_used_once(live, shop):
    code = DiscountCodeFactory(code="ONLYONCE", usage_limit=1, value=Decimal("10"))
    variant = stocked_variant(100)
    carts = []
    for _ in range(20):
        cart = guest_cart((variant, 1))
        CartDiscountFactory(cart=cart, discount=code)
        carts.append(cart)

    answers = checkouts(live, carts)

    assert [answer.status for answer in answers].count(201) == 1
    refused = [answer for answer in answers if answer.status != 201]
    assert len(refused) == 19 and all(answer.is_envelope(400) for answer in refused)
    assert {answer.body["error"]["details"][0]["field"] for answer in refused} == {"code"}
    assert DiscountCode.objects.get(pk=code.pk).times_used == 1
    assert DiscountUsage.objects.count() == 1
    assert Variant.objects.get(pk=variant.pk).quantity == 99
    assert assert_shop_consistent()["orders"] == 1
    shop.report("single_use_code", requests=20, orders=1, refused_400=19)
