import pytest

from catalog.models import Variant
from catalog.services import stock_move
from moodmnky.actors import SYSTEM
from tests.catalog.factories import CollectionFactory, ProductFactory, ProductMediaFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(db):
    collection = CollectionFactory()
    for _ in range(105):
        product = ProductFactory(tags=["candle"])
        product.collections.add(collection)
        VariantFactory.create_batch(2, product=product)
    for product in ProductFactory._meta.model.objects.all()[:10]:
        ProductMediaFactory(product=product)


@pytest.mark.parametrize("limit", [1, 100])
def test_product_list_query_count_is_flat(api_client, catalog, locmem_cache, django_assert_num_queries, limit):
    # COUNT(*), products (+ category, lowest price), variants, media, collections.
    with django_assert_num_queries(5):
        response = api_client.get(f"/api/v1/products/?limit={limit}&sort=price")

    assert len(response.json()["data"]) == limit


@pytest.mark.parametrize("limit", [1, 100])
def test_admin_product_list_query_count_is_flat(make_admin_client, catalog, locmem_cache, django_assert_num_queries,
                                                 limit):
    client = make_admin_client("products:read")

    # The API key lookup, its last-use stamp, then the same five queries.
    with django_assert_num_queries(7):
        response = client.get(f"/api/v1/products/?limit={limit}&in_stock=true&search=candle")

    assert len(response.json()["data"]) == limit


@pytest.mark.parametrize("limit", [1, 100])
def test_filtered_list_query_count_is_flat(api_client, catalog, locmem_cache, django_assert_num_queries, limit):
    # One more query: the category tree for the `category` filter.
    category = ProductFactory._meta.model.objects.first().category
    with django_assert_num_queries(6):
        api_client.get(f"/api/v1/products/?limit={limit}&category={category.slug}&tag=candle&price_min=1")


def test_product_detail_query_count_is_bounded(api_client, catalog, locmem_cache, django_assert_num_queries):
    product = ProductMediaFactory(product=VariantFactory().product).product

    # product (+ category), variants, media, collections; by slug the same.
    with django_assert_num_queries(4):
        api_client.get(f"/api/v1/products/{product.pk}/")
    locmem_cache.clear()
    with django_assert_num_queries(4):
        api_client.get(f"/api/v1/products/{product.slug}/")


@pytest.mark.parametrize("limit", [1, 100])
def test_inventory_query_count_is_flat(admin_client, catalog, locmem_cache, django_assert_num_queries, limit):
    with django_assert_num_queries(4):  # key lookup, last use, COUNT(*), variants joined to products
        inventory = admin_client.get(f"/api/v1/inventory/?limit={limit}")

    assert len(inventory.json()["data"]) == limit


@pytest.mark.parametrize("limit", [1, 100])
def test_ledger_query_count_is_flat(admin_client, catalog, locmem_cache, django_assert_num_queries, limit):
    for variant in Variant.objects.all()[:120]:
        stock_move(actor=SYSTEM, variant_id=variant.pk, delta=1, reason="receive")

    with django_assert_num_queries(4):  # key lookup, last use, COUNT(*), movements
        ledger = admin_client.get(f"/api/v1/inventory/movements/?limit={limit}")

    assert len(ledger.json()["data"]) == limit


@pytest.mark.parametrize("limit", [1, 100])
def test_variant_list_query_count_is_flat(api_client, locmem_cache, django_assert_num_queries, limit):
    product = ProductFactory()
    VariantFactory.create_batch(101, product=product)

    with django_assert_num_queries(3):  # product, COUNT(*), variants
        response = api_client.get(f"/api/v1/products/{product.pk}/variants/?limit={limit}")

    assert len(response.json()["data"]) == limit


@pytest.mark.parametrize("limit", [1, 100])
def test_category_and_collection_lists_are_flat(api_client, locmem_cache, django_assert_num_queries, limit):
    for _ in range(101):
        CollectionFactory()
        ProductFactory()

    with django_assert_num_queries(2):
        api_client.get(f"/api/v1/categories/?limit={limit}")
    with django_assert_num_queries(2):
        api_client.get(f"/api/v1/collections/?limit={limit}")
