"""One lock order for every catalog writer (PostgreSQL, real concurrency): variant rows in id order, then
product rows in id order, as a sale takes them. Each test races a writer that touches several variants of a
product (or several products) against a checkout selling one of those variants out, round after round;
none may end in a deadlock (a 500 or psycopg's DeadlockDetected), and the stored columns must agree with
the rows afterwards."""

import itertools
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import Min, Sum
from django.test import Client
from rest_framework.test import APIClient

from catalog.importing import catalog_import
from catalog.models import Product, Variant
from catalog.services import inventory_bulk, product_create
from moodmnky.actors import SYSTEM
from orders.models import Order
from orders.services import order_cancel
from tests.carts.factories import CartFactory, CartItemFactory
from tests.concurrency import outcome_names, run_concurrently
from tests.orders.conftest import checkout_url
from tests.orders.factories import checkout_body

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 12  # each round a fresh product: the race is in the few milliseconds both transactions overlap
_numbers = itertools.count(1)


def product_with_variants(count: int = 3, quantity: int = 1) -> tuple[Product, list[Variant]]:
    """A product whose variants' stock came through the ledger (so ledger sums can be checked)."""
    n = next(_numbers)
    product = product_create(actor=SYSTEM, name=f"Lock order {n}", product_type="candle", status="active",
                             variants=[{"sku": f"LOCK-{n}-{i}", "name": f"{i} oz", "price": Decimal("20.00"),
                                        "quantity": quantity} for i in range(count)])
    return product, list(product.variants.order_by("pk"))


def checkout_of_cart(cart) -> int:
    """A checkout through the API (a real sale): its status code."""
    return APIClient().post(checkout_url(cart), checkout_body(), format="json").status_code


def checkout_of(variant: Variant, *, delay: float = 0.0):
    """The checkout, still to run (`delay` seconds after the start), of a fresh cart holding one unit of `variant`."""
    cart = CartItemFactory(cart=CartFactory(), variant=variant, quantity=1).cart

    def sale() -> int:
        time.sleep(delay)
        return checkout_of_cart(cart)

    return sale


def assert_consistent(product_ids: list[int]) -> None:
    """in_stock and min_price agree with the variants; every quantity is the sum of its ledger."""
    products = Product.objects.filter(pk__in=product_ids).annotate(truth=Product.in_stock_now(),
                                                                   lowest=Min("variants__price"))
    assert {(p.pk, p.in_stock, p.min_price) for p in products} == {(p.pk, p.truth, p.lowest) for p in products}
    variants = Variant.objects.filter(product_id__in=product_ids).annotate(moved=Sum("stock_movements__delta"))
    assert {(v.sku, v.quantity) for v in variants} == {(v.sku, v.moved or 0) for v in variants}


def test_an_import_group_racing_a_checkout_of_its_last_variant_never_deadlocks(tmp_path):
    for round_ in range(ROUNDS):
        product, variants = product_with_variants()
        # The import updates the product, then each variant in file order; the sale takes the last variant.
        rows = "".join(f"{product.slug},{product.name},{v.sku},{v.name},{19 - i}.50\n" for i, v in enumerate(variants))
        path = tmp_path / f"round-{round_}.csv"
        path.write_text("product_slug,product_name,sku,variant_name,price\n" + rows)
        sale = checkout_of(variants[-1])

        def edit(path=path):
            return catalog_import(actor=SYSTEM, path=path).variants_updated

        results = run_concurrently(lambda step: step(), [(edit,), (sale,)])
        assert results == [3, 201], f"round {round_}: {outcome_names(results)} {results}"
        assert Product.objects.get(pk=product.pk).min_price == Decimal("17.50")
        assert_consistent([product.pk])


def test_an_import_of_two_products_racing_a_checkout_of_both_never_deadlocks(tmp_path):
    for round_ in range(ROUNDS):
        first, first_variants = product_with_variants(count=2)
        second, second_variants = product_with_variants(count=2)
        # The file lists the later product first; the checkout sells out one variant of each (ascending id).
        rows = "".join(f"{product.slug},{product.name},{v.sku},{v.name},18.50\n"
                       for product, variants in ((second, second_variants), (first, first_variants)) for v in variants)
        path = tmp_path / f"round-{round_}.csv"
        path.write_text("product_slug,product_name,sku,variant_name,price\n" + rows)
        cart = CartFactory()
        for variant in (first_variants[-1], second_variants[-1]):
            CartItemFactory(cart=cart, variant=variant, quantity=1)

        def edit(path=path):
            return catalog_import(actor=SYSTEM, path=path).variants_updated

        results = run_concurrently(lambda step: step(), [(edit,), (lambda cart=cart: checkout_of_cart(cart),)])
        assert results == [4, 201], f"round {round_}: {outcome_names(results)} {results}"
        assert_consistent([first.pk, second.pk])


def test_an_admin_form_with_variant_inlines_racing_a_checkout_never_deadlocks(staff_user):
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    for round_ in range(ROUNDS):
        product, variants = product_with_variants()
        data = {
            "name": product.name, "slug": product.slug, "status": "active", "product_type": "candle",
            "category": "", "tags": "", "description": "", "top_notes": "", "heart_notes": "", "base_notes": "",
            "variants-TOTAL_FORMS": len(variants), "variants-INITIAL_FORMS": len(variants),
            "variants-MIN_NUM_FORMS": 0, "variants-MAX_NUM_FORMS": 1000,
            "media-TOTAL_FORMS": 0, "media-INITIAL_FORMS": 0, "media-MIN_NUM_FORMS": 0, "media-MAX_NUM_FORMS": 1000,
        }
        for i, v in enumerate(variants):
            data |= {f"variants-{i}-id": v.pk, f"variants-{i}-product": product.pk, f"variants-{i}-sku": v.sku,
                     f"variants-{i}-name": v.name, f"variants-{i}-price": f"{19 - i}.50",
                     f"variants-{i}-low_stock_threshold": 5, f"variants-{i}-track_inventory": "on",
                     f"variants-{i}-position": i}
        client = Client()
        client.force_login(staff_user)
        # The form is read and validated before the product is locked: the sale starts a little later
        # each round, so that some rounds overlap the inline saves.
        sale = checkout_of(variants[-1], delay=(round_ % 6) * 0.02)

        def edit(client=client, data=data, product=product):
            return client.post(f"/admin/catalog/product/{product.pk}/change/", data).status_code

        results = run_concurrently(lambda step: step(), [(edit,), (sale,)])
        assert results == [302, 201], f"round {round_}: {outcome_names(results)} {results}"
        assert Product.objects.get(pk=product.pk).min_price == Decimal("17.50")
        assert_consistent([product.pk])


def test_an_inventory_bulk_racing_a_checkout_never_deadlocks():
    for round_ in range(ROUNDS):
        product, variants = product_with_variants()
        # Setting the first variant to 0 flips it (the product row is locked); the sale sells out the last.
        items = [(0, {"sku": variants[0].sku, "set": 0}), (1, {"sku": variants[-1].sku, "set": 5})]
        sale = checkout_of(variants[-1])

        def edit(items=items):
            with transaction.atomic():
                return [row["status"] for row in inventory_bulk(actor=SYSTEM, items=items)]

        results = run_concurrently(lambda step: step(), [(edit,), (sale,)])
        assert results == [["ok", "ok"], 201], f"round {round_}: {outcome_names(results)} {results}"
        assert_consistent([product.pk])


def test_cancelling_an_order_racing_a_checkout_never_deadlocks():
    for round_ in range(ROUNDS):
        first, first_variants = product_with_variants(count=2, quantity=1)
        second, second_variants = product_with_variants(count=2, quantity=1)
        # The order sold out one variant of each product; its lines list the later product first, so the
        # cancel puts stock back (and locks the product rows) in that order. The checkout sells out the
        # other variant of both products.
        cart = CartFactory()
        for variant in (second_variants[0], first_variants[0]):
            CartItemFactory(cart=cart, variant=variant, quantity=1)
        assert checkout_of_cart(cart) == 201
        order = Order.objects.get(cart=cart)
        other = CartFactory()
        for variant in (first_variants[1], second_variants[1]):
            CartItemFactory(cart=other, variant=variant, quantity=1)

        def edit(order=order):
            return order_cancel(order_id=order.pk, actor=SYSTEM).status

        results = run_concurrently(lambda step: step(), [(edit,), (lambda other=other: checkout_of_cart(other),)])
        assert results == ["cancelled", 201], f"round {round_}: {outcome_names(results)} {results}"
        assert_consistent([first.pk, second.pk])

