"""Property tests of the one totals function over random carts and codes."""

import random
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from carts.pricing import (
    FIXED_AMOUNT,
    FREE_SHIPPING,
    PERCENTAGE,
    CodeInput,
    LineInput,
    ShippingInput,
    cart_totals,
    money,
)

# The suite's autouse cache fixture is function-scoped; these tests touch neither cache nor database.
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

prices = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("999.99"), places=2)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("500.00"), places=2)
percents = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100.00"), places=2)
product_ids = st.integers(min_value=1, max_value=6)
category_ids = st.integers(min_value=1, max_value=3)


@st.composite
def carts(draw, min_lines=0):
    count = draw(st.integers(min_value=min_lines, max_value=8))
    return [
        LineInput(key=index, unit_price=draw(prices), quantity=draw(st.integers(min_value=1, max_value=99)),
                  product_id=draw(st.none() | product_ids), category_id=draw(st.none() | category_ids))
        for index in range(count)
    ]


@st.composite
def codes(draw):
    kind = draw(st.sampled_from([PERCENTAGE, FIXED_AMOUNT, FREE_SHIPPING]))
    value = draw(percents) if kind == PERCENTAGE else draw(amounts) if kind == FIXED_AMOUNT else Decimal("0")
    return CodeInput(
        code=draw(st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=3, max_size=8)),
        type=kind,
        value=value,
        minimum_subtotal=draw(st.sampled_from([Decimal("0"), Decimal("25.00"), Decimal("100.00")])),
        product_ids=frozenset(draw(st.lists(product_ids, max_size=2))),
        category_ids=frozenset(draw(st.lists(category_ids, max_size=1))),
        usable=draw(st.booleans() | st.just(True)),
    )


shippings = st.builds(
    ShippingInput,
    method=st.sampled_from(["standard", "express"]),
    cost=st.decimals(min_value=Decimal("0.00"), max_value=Decimal("40.00"), places=2),
    free_over=st.none() | st.just(Decimal("75.00")),
)
tax_rates = st.sampled_from([Decimal("0"), Decimal("0.05"), Decimal("0.0825"), Decimal("0.2")])


def _is_money(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.01")) and value.as_tuple().exponent == -2


@PROPERTY
@given(lines=carts(), code_list=st.lists(codes(), max_size=3), shipping=shippings, tax_rate=tax_rates)
def test_totals_identity_always_holds(lines, code_list, shipping, tax_rate):
    totals = cart_totals(lines=lines, codes=code_list, shipping=shipping, tax_rate=tax_rate)

    assert totals.total == totals.subtotal - totals.discount_total + totals.shipping_total + totals.tax_total


@PROPERTY
@given(lines=carts(), code_list=st.lists(codes(), max_size=3), shipping=shippings, tax_rate=tax_rates)
def test_totals_are_never_negative_and_always_whole_cents(lines, code_list, shipping, tax_rate):
    totals = cart_totals(lines=lines, codes=code_list, shipping=shipping, tax_rate=tax_rate)

    money_fields = [totals.subtotal, totals.discount_total, totals.shipping_total, totals.tax_total, totals.total]
    money_fields += [result.amount for result in totals.codes]
    assert all(value >= 0 for value in money_fields)
    assert all(_is_money(value) for value in money_fields)


@PROPERTY
@given(lines=carts(), code_list=st.lists(codes(), max_size=4), shipping=shippings, tax_rate=tax_rates)
def test_discount_never_exceeds_subtotal_nor_any_line(lines, code_list, shipping, tax_rate):
    totals = cart_totals(lines=lines, codes=code_list, shipping=shipping, tax_rate=tax_rate)

    assert totals.discount_total <= totals.subtotal
    assert sum(totals.line_discounts.values(), Decimal("0")) == totals.discount_total
    assert all(totals.line_discounts[key] <= totals.line_totals[key] for key in totals.line_totals)
    merchandise = [r.amount for r in totals.codes if r.type != FREE_SHIPPING]
    assert sum(merchandise, Decimal("0")) == totals.discount_total


@PROPERTY
@given(lines=carts(), shipping=shippings)
def test_subtotal_is_the_sum_of_rounded_line_totals(lines, shipping):
    totals = cart_totals(lines=lines, shipping=shipping)

    assert all(totals.line_totals[line.key] == money(line.unit_price * line.quantity) for line in lines)
    assert totals.subtotal == sum(totals.line_totals.values(), Decimal("0.00"))
    assert totals.item_count == sum(line.quantity for line in lines)


@PROPERTY
@given(lines=carts(min_lines=1), percent=percents)
def test_percentage_on_whole_cart_is_rounded_half_up_once(lines, percent):
    code = CodeInput(code="PCT", type=PERCENTAGE, value=percent)

    totals = cart_totals(lines=lines, codes=[code])

    assert totals.discount_total == money(totals.subtotal * percent / 100)


@PROPERTY
@given(lines=carts(min_lines=1), value=amounts, restricted=st.lists(product_ids, min_size=1, max_size=3))
def test_fixed_amount_is_capped_by_the_eligible_subtotal(lines, value, restricted):
    code = CodeInput(code="FIX", type=FIXED_AMOUNT, value=value, product_ids=frozenset(restricted))
    eligible = sum((money(line.unit_price * line.quantity) for line in lines if line.product_id in restricted),
                   Decimal("0.00"))

    totals = cart_totals(lines=lines, codes=[code])

    assert totals.discount_total == min(value, eligible)
    untouched = [line.key for line in lines if line.product_id not in restricted]
    assert all(totals.line_discounts[key] == 0 for key in untouched)


@PROPERTY
@given(lines=carts(min_lines=1), shipping=shippings, tax_rate=tax_rates)
def test_free_shipping_code_zeroes_shipping_and_reports_what_it_waived(lines, shipping, tax_rate):
    plain = cart_totals(lines=lines, shipping=shipping, tax_rate=tax_rate)

    totals = cart_totals(lines=lines, codes=[CodeInput(code="SHIP", type=FREE_SHIPPING)], shipping=shipping,
                         tax_rate=tax_rate)

    assert totals.shipping_total == 0
    assert totals.codes[0].amount == plain.shipping_total
    assert totals.total == plain.total - plain.shipping_total


@PROPERTY
@given(lines=carts(min_lines=1), cost=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("30"), places=2))
def test_standard_shipping_is_free_from_the_threshold_after_discounts(lines, cost):
    shipping = ShippingInput(method="standard", cost=cost, free_over=Decimal("75.00"))
    code = CodeInput(code="TEN", type=PERCENTAGE, value=Decimal("10"))

    totals = cart_totals(lines=lines, codes=[code], shipping=shipping)

    after_discounts = totals.subtotal - totals.discount_total
    assert totals.shipping_total == (Decimal("0.00") if after_discounts >= Decimal("75.00") else cost)


@PROPERTY
@given(lines=carts(), code_list=st.lists(codes(), max_size=3), shipping=shippings, tax_rate=tax_rates,
       seed=st.integers())
def test_line_order_does_not_change_the_money(lines, code_list, shipping, tax_rate, seed):
    shuffled = list(lines)
    random.Random(seed).shuffle(shuffled)

    first = cart_totals(lines=lines, codes=code_list, shipping=shipping, tax_rate=tax_rate)
    second = cart_totals(lines=shuffled, codes=code_list, shipping=shipping, tax_rate=tax_rate)

    assert (first.subtotal, first.discount_total, first.shipping_total, first.tax_total, first.total) == (
        second.subtotal, second.discount_total, second.shipping_total, second.tax_total, second.total)


@PROPERTY
@given(lines=carts(min_lines=1), code_list=st.lists(codes(), max_size=3), tax_rate=tax_rates)
def test_tax_is_rounded_per_line_on_the_discounted_amount(lines, code_list, tax_rate):
    totals = cart_totals(lines=lines, codes=code_list, tax_rate=tax_rate)

    expected = sum((money((totals.line_totals[line.key] - totals.line_discounts[line.key]) * tax_rate)
                    for line in lines), Decimal("0.00"))
    assert totals.tax_total == expected


@PROPERTY
@given(lines=carts(min_lines=1), code=codes())
@example(lines=[LineInput(key=1, unit_price=Decimal("10.00"), quantity=1)],
         code=CodeInput(code="BIG", type=PERCENTAGE, value=Decimal("50"), minimum_subtotal=Decimal("100.00")))
def test_code_below_its_minimum_stays_listed_at_zero(lines, code):
    totals = cart_totals(lines=lines, codes=[code])

    if totals.subtotal < code.minimum_subtotal or not code.usable:
        assert totals.codes == [type(totals.codes[0])(code=code.code, type=code.type, amount=Decimal("0.00"),
                                                      applicable=False)]
        assert totals.discount_total == 0


def test_empty_cart_costs_nothing_even_with_shipping_set():
    totals = cart_totals(lines=[], shipping=ShippingInput(method="express", cost=Decimal("19.95")),
                         tax_rate=Decimal("0.1"))

    assert (totals.subtotal, totals.shipping_total, totals.total, totals.item_count) == (0, 0, 0, 0)


def test_worked_example_matches_the_documented_rounding():
    lines = [LineInput(key="a", unit_price=Decimal("19.99"), quantity=3),
             LineInput(key="b", unit_price=Decimal("5.55"), quantity=1)]
    code = CodeInput(code="WELCOME10", type=PERCENTAGE, value=Decimal("10"))

    totals = cart_totals(lines=lines, codes=[code], shipping=ShippingInput(cost=Decimal("6.95"),
                                                                           free_over=Decimal("75.00")),
                         tax_rate=Decimal("0.0825"))

    # subtotal 59.97 + 5.55 = 65.52; 10 % = 6.552 -> 6.55, spread 6.00 / 0.55 (largest remainder)
    assert totals.subtotal == Decimal("65.52")
    assert totals.discount_total == Decimal("6.55")
    assert totals.line_discounts == {"a": Decimal("6.00"), "b": Decimal("0.55")}
    # tax per line: 53.97 × 8.25 % = 4.4525 -> 4.45; 5.00 × 8.25 % = 0.4125 -> 0.41
    assert totals.tax_total == Decimal("4.86")
    assert totals.shipping_total == Decimal("6.95")
    assert totals.total == Decimal("70.78")


def test_second_code_works_on_what_the_first_left():
    lines = [LineInput(key=1, unit_price=Decimal("40.00"), quantity=1)]
    codes_applied = [CodeInput(code="FIX30", type=FIXED_AMOUNT, value=Decimal("30")),
                     CodeInput(code="FIX30B", type=FIXED_AMOUNT, value=Decimal("30"))]

    totals = cart_totals(lines=lines, codes=codes_applied)

    assert [result.amount for result in totals.codes] == [Decimal("30.00"), Decimal("10.00")]
    assert totals.total == Decimal("0.00")
