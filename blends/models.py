"""Fragrance families, notes (oils) with IFRA limits and a stock ledger, product bases, scent profiles,
and customers' blends with their immutable versions."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Volatility(models.TextChoices):
    TOP = "top"
    MIDDLE = "middle"
    BASE = "base"


class IfraCategory(models.TextChoices):
    """IFRA Standards product categories (49th–51st Amendments)."""

    CAT_1 = "1", "1 – lip products"
    CAT_2 = "2", "2 – deodorants, body sprays"
    CAT_3 = "3", "3 – face/body via fingertips"
    CAT_4 = "4", "4 – fine fragrance"
    CAT_5A = "5A", "5A – body lotion, body oil"
    CAT_5B = "5B", "5B – face moisturiser"
    CAT_5C = "5C", "5C – hand cream"
    CAT_5D = "5D", "5D – baby creams and oils"
    CAT_6 = "6", "6 – oral and lip exposure"
    CAT_7A = "7A", "7A – hair, rinse-off"
    CAT_7B = "7B", "7B – hair, leave-on"
    CAT_8 = "8", "8 – anogenital exposure"
    CAT_9 = "9", "9 – soap, body wash (rinse-off)"
    CAT_10A = "10A", "10A – household care, reed diffusers"
    CAT_10B = "10B", "10B – household aerosols, room sprays"
    CAT_11A = "11A", "11A – inert substrate, no UV"
    CAT_11B = "11B", "11B – inert substrate, with UV"
    CAT_12 = "12", "12 – no skin contact: candles, wax melts"


class ProductType(models.TextChoices):
    """What a blend can become (the catalog's made-to-order product types)."""

    CANDLE = "candle"
    WAX_MELT = "wax_melt", "Wax melt"
    REED_DIFFUSER = "reed_diffuser", "Reed diffuser"
    ROOM_SPRAY = "room_spray", "Room spray"
    BODY_OIL = "body_oil", "Body oil"
    SOAP = "soap"


class FragranceCategory(models.Model):
    """A family of the fragrance wheel; `position` is its place on the wheel (1–14), used for distances."""

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)
    group = models.CharField(max_length=30, blank=True, help_text="Floral, Amber, Woody or Fresh.")
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(unique=True, help_text="Order on the wheel (1 = Floral).")
    moods = models.JSONField(default=list, blank=True)
    complementary_categories = models.ManyToManyField("self", symmetrical=False, blank=True,
                                                      related_name="complemented_by")

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "fragrance categories"

    def __str__(self) -> str:
        return self.name


class NoteQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Note(models.Model):
    """A blendable fragrance oil. Stock is in grams and changes only through blends.services.stock."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    category = models.ForeignKey(FragranceCategory, on_delete=models.PROTECT, related_name="notes")
    volatility = models.CharField(max_length=10, choices=Volatility.choices)
    intensity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    moods = models.JSONField(default=list, blank=True)
    complementary_notes = models.ManyToManyField("self", symmetrical=False, blank=True,
                                                 related_name="complemented_by")
    cost_per_gram = models.DecimalField(max_digits=10, decimal_places=4, default=Decimal("0"))
    stock_grams = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"), editable=False)
    # At or below this the note shows as low stock (the admin home and the notes list's stock filter).
    low_stock_grams = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("250.00"),
                                          help_text="Low stock at or below this many grams.")
    allergens = models.TextField(blank=True, help_text="Allergen declaration as the supplier publishes it.")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(intensity__gte=1, intensity__lte=5), name="blends_note_intensity_1_5"),
            models.CheckConstraint(condition=Q(stock_grams__gte=0), name="blends_note_stock_not_negative"),
            models.CheckConstraint(condition=Q(cost_per_gram__gte=0), name="blends_note_cost_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def low_stock_q() -> Q:
        """Active notes at or below their low-stock level."""
        return Q(is_active=True, stock_grams__lte=F("low_stock_grams"))


class NoteIfraLimit(models.Model):
    """The most of a note allowed in a finished product of one IFRA category (% w/w), from its certificate.

    No row for a category means no restriction there."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="ifra_limits")
    ifra_category = models.CharField(max_length=3, choices=IfraCategory.choices)
    limit = models.DecimalField(max_digits=8, decimal_places=4,
                                help_text="Maximum percent of this note in the finished product.")
    amendment = models.PositiveSmallIntegerField(default=51, help_text="IFRA Amendment the limit comes from.")

    class Meta:
        ordering = ["note_id", "ifra_category"]
        constraints = [
            models.UniqueConstraint(fields=["note", "ifra_category"], name="blends_ifra_limit_once_per_category"),
            models.CheckConstraint(condition=Q(limit__gte=0, limit__lte=100), name="blends_ifra_limit_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.note_id} cat {self.ifra_category}: {self.limit} % (Am. {self.amendment})"


class NoteStockMovement(models.Model):
    """One change of a note's stock in grams; written with the conditional update that made it."""

    class Reason(models.TextChoices):
        SALE = "sale"
        CANCEL = "cancel"
        RECEIVE = "receive"
        ADJUSTMENT = "adjustment"
        DAMAGE = "damage"

    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="stock_movements")
    delta = models.DecimalField(max_digits=12, decimal_places=2)
    grams_after = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    reference = models.CharField(max_length=100, blank=True, db_index=True)
    comment = models.CharField(max_length=255, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_label = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.note_id} {self.delta:+} g ({self.reason})"


class ProductBase(models.Model):
    """What a blend becomes: an 8 oz candle, a reed diffuser... with its IFRA category and fragrance load."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    product_type = models.CharField(max_length=20, choices=ProductType.choices)
    ifra_category = models.CharField(max_length=3, choices=IfraCategory.choices)
    fragrance_load = models.DecimalField(max_digits=5, decimal_places=2,
                                         help_text="Percent of the finished product's weight that is fragrance.")
    fill_weight_g = models.DecimalField(max_digits=8, decimal_places=2,
                                        help_text="Finished weight of one unit (fragrance + carrier/wax), grams.")
    carrier_name = models.CharField(max_length=100, blank=True, help_text="e.g. soy wax, DPG, fractionated coconut.")
    price = models.DecimalField(max_digits=12, decimal_places=2, help_text="One unit before the blend premium.")
    cure_days = models.PositiveSmallIntegerField(default=0, help_text="Days from pouring until it can ship.")
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(fragrance_load__gt=0, fragrance_load__lte=100),
                                   name="blends_base_load_percent"),
            models.CheckConstraint(condition=Q(fill_weight_g__gt=0), name="blends_base_fill_positive"),
            models.CheckConstraint(condition=Q(price__gte=0), name="blends_base_price_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class ScentProfile(models.Model):
    """A customer's stated taste, used for recommendations."""

    customer = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scent_profile")
    intensity = models.PositiveSmallIntegerField(default=3, validators=[MinValueValidator(1), MaxValueValidator(5)])
    favorite_categories = models.ManyToManyField(FragranceCategory, blank=True, related_name="+")
    favorite_notes = models.ManyToManyField(Note, blank=True, related_name="+")
    disliked_notes = models.ManyToManyField(Note, blank=True, related_name="+")
    moods = models.JSONField(default=list, blank=True)
    occasions = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(intensity__gte=1, intensity__lte=5),
                                   name="blends_profile_intensity_1_5"),
        ]

    def __str__(self) -> str:
        return f"Scent profile of {self.customer_id}"


class Blend(models.Model):
    """A customer's blend; its composition lives in immutable versions (current_version is the latest)."""

    class Status(models.TextChoices):
        DRAFT = "draft"
        SUBMITTED = "submitted"
        APPROVED = "approved"
        REJECTED = "rejected"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blends")
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    current_version = models.ForeignKey("BlendVersion", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+", editable=False)
    review_note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    # Set when the customer deletes a blend that an order still points at: hidden, kept for history.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "submitted_at"], name="blends_blend_status_submitted")]

    def __str__(self) -> str:
        return self.name

    @property
    def version_number(self) -> int | None:
        return self.current_version.number if self.current_version_id else None


class ImmutableVersionError(Exception):
    """A blend version (or its components) was about to change: versions are history."""


class BlendVersion(models.Model):
    """One composition of a blend, never changed once written (order lines point at it)."""

    blend = models.ForeignKey(Blend, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["blend_id", "number"]
        constraints = [models.UniqueConstraint(fields=["blend", "number"], name="blends_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.blend_id} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableVersionError("A blend version cannot be changed; write a new version.")
        super().save(*args, **kwargs)


class BlendComponent(models.Model):
    """A note's share of one blend version, in percent with two decimals."""

    version = models.ForeignKey(BlendVersion, on_delete=models.CASCADE, related_name="components")
    note = models.ForeignKey(Note, on_delete=models.PROTECT, related_name="+")
    percentage = models.DecimalField(max_digits=5, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "note"], name="blends_component_note_once"),
            models.CheckConstraint(condition=Q(percentage__gt=0, percentage__lte=100),
                                   name="blends_component_percentage"),
        ]

    def __str__(self) -> str:
        return f"{self.note_id}: {self.percentage} %"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableVersionError("A blend component cannot be changed; write a new version.")
        super().save(*args, **kwargs)
