import factory
from django.utils.text import slugify

from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    name = factory.Sequence(lambda n: f"Collection {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ProductFactory(factory.django.DjangoModelFactory):
    """An active candle; `search_text` is kept like the services keep it."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Candle {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "A hand-poured soy candle."
    product_type = Product.ProductType.CANDLE
    status = Product.Status.ACTIVE
    category = factory.SubFactory(CategoryFactory)
    tags = factory.LazyFunction(list)

    @factory.post_generation
    def search(obj, create, extracted, **kwargs):
        if create:
            from catalog.services import product_refresh_denormalized

            product_refresh_denormalized([obj.pk])
            obj.refresh_from_db(fields=["search_text", "min_price"])


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Variant
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name = "8 oz"
    price = factory.Faker("pydecimal", left_digits=2, right_digits=2, positive=True, min_value=5, max_value=90)
    quantity = 10
    low_stock_threshold = 3

    @factory.post_generation
    def search(obj, create, extracted, **kwargs):
        if create:
            from catalog.services import product_refresh_denormalized

            product_refresh_denormalized([obj.product_id])


class ProductMediaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductMedia

    product = factory.SubFactory(ProductFactory)
    image = factory.django.ImageField(filename="photo.png", width=8, height=8, format="PNG")
    alt = "A candle"


class StockMovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StockMovement

    variant = factory.SubFactory(VariantFactory)
    sku = factory.LazyAttribute(lambda o: o.variant.sku)
    delta = 5
    quantity_after = 5
    reason = StockMovement.Reason.RECEIVE
