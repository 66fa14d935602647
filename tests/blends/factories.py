from decimal import Decimal

import factory

from blends.models import (
    Blend,
    BlendComponent,
    BlendVersion,
    FragranceCategory,
    Note,
    NoteIfraLimit,
    ProductBase,
    Volatility,
)
from tests.customers.factories import CustomerFactory


class FragranceCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FragranceCategory
        django_get_or_create = ("position",)

    position = factory.Sequence(lambda n: n % 14 + 1)
    slug = factory.LazyAttribute(lambda c: f"family-{c.position}")
    name = factory.LazyAttribute(lambda c: f"Family {c.position}")
    moods = factory.LazyFunction(list)


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"note-{n}")
    name = factory.Sequence(lambda n: f"Note {n}")
    category = factory.SubFactory(FragranceCategoryFactory)
    volatility = Volatility.MIDDLE
    intensity = 3
    moods = factory.LazyFunction(list)
    cost_per_gram = Decimal("0.1000")
    stock_grams = Decimal("1000.00")

    @factory.post_generation
    def limits(self, create, extracted, **kwargs):
        """NoteFactory(limits={"12": "2.5", "5A": "0.32"})"""
        if create and extracted:
            for category, limit in extracted.items():
                NoteIfraLimit.objects.create(note=self, ifra_category=category, limit=Decimal(str(limit)), amendment=51)


class ProductBaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductBase

    slug = factory.Sequence(lambda n: f"base-{n}")
    name = factory.Sequence(lambda n: f"Base {n}")
    product_type = "candle"
    ifra_category = "12"
    fragrance_load = Decimal("10.00")
    fill_weight_g = Decimal("226.80")
    price = Decimal("30.00")
    cure_days = 7


class BlendFactory(factory.django.DjangoModelFactory):
    """A blend with one version: BlendFactory(parts=[(note, "60"), (other, "40")])."""

    class Meta:
        model = Blend
        skip_postgeneration_save = True

    customer = factory.SubFactory(CustomerFactory)
    name = factory.Sequence(lambda n: f"Blend {n}")

    @factory.post_generation
    def parts(self, create, extracted, **kwargs):
        if not create:
            return
        parts = extracted or [(NoteFactory(), "100")]
        version = BlendVersion.objects.create(blend=self, number=1)
        for index, (note, percentage) in enumerate(parts):
            BlendComponent.objects.create(version=version, note=note, percentage=Decimal(str(percentage)),
                                          position=index)
        Blend.objects.filter(pk=self.pk).update(current_version=version)
        self.current_version = version
