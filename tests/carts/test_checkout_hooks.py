"""The functions the orders app calls at checkout."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import timezone

from carts.errors import CartNotOpenError, DiscountCodeError
from carts.models import Cart, DiscountCode, DiscountUsage
from carts.services import (
    cart_lock_for_checkout,
    cart_mark_checked_out,
    discount_record_usage,
    discount_validate_for_checkout,
)
from tests.carts.factories import CartDiscountFactory, CartItemFactory, DiscountCodeFactory
from tests.concurrency import outcome_names, run_concurrently
from tests.customers.factories import CustomerFactory

pytestmark = pytest.mark.django_db


def _cart_with(*codes, quantity=2, price="20.00"):
    cart = CartItemFactory(quantity=quantity, variant__price=Decimal(price)).cart
    for code in codes:
        CartDiscountFactory(cart=cart, discount=code)
    return cart


@pytest.mark.django_db(transaction=True)  # outside the test's own transaction
def test_lock_for_checkout_needs_a_transaction():
    cart = _cart_with()

    with pytest.raises(RuntimeError):
        cart_lock_for_checkout(cart_id=cart.pk)


def test_lock_for_checkout_returns_the_loaded_cart_and_refuses_a_closed_one():
    cart = _cart_with()

    with transaction.atomic():
        locked = cart_lock_for_checkout(cart_id=cart.pk)
        assert [item.quantity for item in locked.items.all()] == [2]
        cart_mark_checked_out(cart=locked)

    with transaction.atomic(), pytest.raises(CartNotOpenError) as refused:
        cart_lock_for_checkout(cart_id=cart.pk)
    assert refused.value.code == "conflict" and refused.value.details["status"] == "checked_out"
    assert Cart.objects.get(pk=cart.pk).status == Cart.Status.CHECKED_OUT


def test_checkout_prices_with_the_valid_codes_and_lists_them_for_counting():
    code = DiscountCodeFactory(value=Decimal("10"))
    cart = _cart_with(code)

    with transaction.atomic():
        result = discount_validate_for_checkout(cart=cart_lock_for_checkout(cart_id=cart.pk), email="a@b.co",
                                                shipping_method="express")

    assert result.codes_to_record == [code]
    assert (result.priced.discount_total, result.priced.shipping_total, result.priced.total) == (
        Decimal("4.00"), Decimal("19.95"), Decimal("55.95"))


@pytest.mark.parametrize("fields", [
    {"is_active": False},
    {"ends_at": timezone.now() - timedelta(minutes=1)},
    {"usage_limit": 1, "times_used": 1},
])
def test_checkout_refuses_a_code_that_became_invalid(fields):
    code = DiscountCodeFactory()
    cart = _cart_with(code)
    DiscountCode.objects.filter(pk=code.pk).update(**fields)

    with transaction.atomic(), pytest.raises(DiscountCodeError) as refused:
        discount_validate_for_checkout(cart=cart_lock_for_checkout(cart_id=cart.pk))

    assert refused.value.field == "code"


def test_checkout_refuses_a_code_this_customer_already_used():
    customer = CustomerFactory()
    code = DiscountCodeFactory(usage_limit_per_customer=1)
    cart = _cart_with(code)
    DiscountUsage.objects.create(discount=code, code=code.code, customer=customer)

    with transaction.atomic(), pytest.raises(DiscountCodeError):
        discount_validate_for_checkout(cart=cart_lock_for_checkout(cart_id=cart.pk), customer=customer)


def test_checkout_goes_ahead_without_a_code_below_its_minimum_and_does_not_count_it():
    code = DiscountCodeFactory(minimum_subtotal=Decimal("100"))
    cart = _cart_with(code)

    with transaction.atomic():
        result = discount_validate_for_checkout(cart=cart_lock_for_checkout(cart_id=cart.pk))

    assert result.codes_to_record == []
    assert result.priced.discount_total == 0 and result.priced.codes[0].amount == 0


def test_record_usage_counts_and_writes_the_usage_row():
    code = DiscountCodeFactory(usage_limit=2)
    customer = CustomerFactory()

    usage = discount_record_usage(discount=code, customer=customer, email="Buyer@Example.com",
                                  order_reference="MNKY-1001")

    code.refresh_from_db()
    assert code.times_used == 1
    assert (usage.code, usage.email, usage.order_reference) == (code.code, "buyer@example.com", "MNKY-1001")


def test_record_usage_refuses_past_the_total_limit():
    code = DiscountCodeFactory(usage_limit=1)
    discount_record_usage(discount=code, email="one@example.com")

    with pytest.raises(DiscountCodeError) as refused:
        discount_record_usage(discount=code, email="two@example.com")
    assert (refused.value.code, refused.value.field) == ("validation_error", "code")

    code.refresh_from_db()
    assert code.times_used == 1 and DiscountUsage.objects.count() == 1


def test_record_usage_refuses_past_the_per_customer_limit_and_rolls_back_the_count():
    code = DiscountCodeFactory(usage_limit_per_customer=1)
    discount_record_usage(discount=code, email="same@example.com")

    with pytest.raises(DiscountCodeError) as refused:
        discount_record_usage(discount=code, email="SAME@example.com")

    code.refresh_from_db()
    assert code.times_used == 1 and refused.value.code == "validation_error"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: real concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_checkouts_never_exceed_the_usage_limit():
    code = DiscountCodeFactory(usage_limit=3)

    def checkout(index):
        with transaction.atomic():
            discount_record_usage(discount=code, email=f"buyer{index}@example.com", order_reference=f"MNKY-{index}")

    outcomes = outcome_names(run_concurrently(checkout, [(index,) for index in range(12)]))

    code.refresh_from_db()
    assert sorted(outcomes) == ["DiscountCodeError"] * 9 + ["ok"] * 3
    assert code.times_used == 3 and DiscountUsage.objects.filter(discount=code).count() == 3


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: real concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_checkouts_of_one_customer_respect_the_per_customer_limit():
    code = DiscountCodeFactory(usage_limit_per_customer=1)
    customer = CustomerFactory()

    def checkout(index):
        with transaction.atomic():
            discount_record_usage(discount=code, customer=customer, order_reference=f"MNKY-{index}")

    outcomes = outcome_names(run_concurrently(checkout, [(index,) for index in range(8)]))

    assert sorted(outcomes) == ["DiscountCodeError"] * 7 + ["ok"]
    assert DiscountUsage.objects.filter(discount=code, customer=customer).count() == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: real concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_creates_give_a_customer_one_open_cart():
    from carts.services import cart_create

    customer = CustomerFactory()

    def create():
        return cart_create(customer=customer)[0].pk

    carts = run_concurrently(create, [()] * 6)

    assert len(set(carts)) == 1 and len(carts) == 6
    assert Cart.objects.filter(customer=customer).count() == 1
