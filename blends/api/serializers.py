from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from blends.formulation import blend_unit_price
from blends.models import Blend, FragranceCategory, IfraCategory, Note, ProductBase, ProductType, Volatility
from moodmnky.api.fields import CurrencyField
from moodmnky.api.schema import NamedChoiceField


def _percent(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=7, decimal_places=2, read_only=True, **kwargs)


def _limit(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=10, decimal_places=4, read_only=True, **kwargs)


def _volatility(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="VolatilityEnum", choices=Volatility.choices, **kwargs)


def _ifra_category(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="IfraCategoryEnum", choices=IfraCategory.choices, **kwargs)


class IfraLimitSerializer(serializers.Serializer):
    ifra_category = _ifra_category(read_only=True)
    limit = _limit()
    amendment = serializers.IntegerField(read_only=True)


class NoteSerializer(serializers.ModelSerializer):
    """A blendable fragrance oil; `ifra_limits` maps an IFRA category to the most percent allowed in the
    finished product (a category absent means no limit)."""

    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    volatility = _volatility(read_only=True)
    complementary_notes = serializers.SerializerMethodField()
    ifra_limits = serializers.SerializerMethodField()
    ifra_limit_details = IfraLimitSerializer(source="ifra_limits", many=True, read_only=True)

    class Meta:
        model = Note
        fields = ["id", "slug", "name", "description", "category", "volatility", "intensity", "moods",
                  "complementary_notes", "ifra_limits", "ifra_limit_details", "allergens"]
        read_only_fields = fields

    def get_complementary_notes(self, note) -> list[int]:
        return [other.pk for other in note.complementary_notes.all()]

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string", "format": "decimal"},
                          "example": {"4": "0.4900", "5A": "0.3300"}})
    def get_ifra_limits(self, note) -> dict:
        return {row.ifra_category: f"{row.limit:.4f}" for row in note.ifra_limits.all()}


class AdminNoteSerializer(NoteSerializer):
    """A note as staff see it: cost, stock and whether it can be blended."""

    cost_per_gram = serializers.DecimalField(max_digits=10, decimal_places=4, read_only=True)
    stock_grams = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta(NoteSerializer.Meta):
        fields = [*NoteSerializer.Meta.fields, "cost_per_gram", "stock_grams", "is_active"]
        read_only_fields = fields


class FragranceCategorySerializer(serializers.ModelSerializer):
    complementary_categories = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = FragranceCategory
        fields = ["id", "slug", "name", "group", "description", "position", "moods", "complementary_categories"]
        read_only_fields = fields


class ProductBaseSerializer(serializers.ModelSerializer):
    product_type = NamedChoiceField(enum_name="ProductBaseTypeEnum", choices=ProductType.choices, read_only=True)
    ifra_category = _ifra_category(read_only=True)
    fragrance_load = _percent(help_text="Percent of the finished product's weight that is fragrance.")
    blend_price = serializers.SerializerMethodField(help_text="Price of one unit made with a custom blend.")
    currency = CurrencyField()

    class Meta:
        model = ProductBase
        fields = ["id", "slug", "name", "description", "product_type", "ifra_category", "fragrance_load",
                  "fill_weight_g", "price", "blend_price", "currency", "cure_days"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "decimal"})
    def get_blend_price(self, base) -> str:
        return f"{blend_unit_price(base):.2f}"



class PyramidSerializer(serializers.Serializer):
    top = _percent()
    middle = _percent()
    base = _percent()


class FamilyShareSerializer(serializers.Serializer):
    category = serializers.CharField(read_only=True)
    percentage = _percent()


class WarningSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    message = serializers.CharField(read_only=True)


class ViolationSerializer(serializers.Serializer):
    note_id = serializers.IntegerField(read_only=True)
    note_slug = serializers.CharField(read_only=True)
    level = _limit(help_text="Percent of the note in the finished product (rounded up to 4 places).")
    limit = _limit()


class IfraResultSerializer(serializers.Serializer):
    product_base_id = serializers.IntegerField(read_only=True)
    product_base_slug = serializers.CharField(read_only=True)
    ifra_category = _ifra_category(read_only=True)
    compliant = serializers.BooleanField(read_only=True)
    max_compliant_load = _percent(help_text="The highest fragrance load at which every note is within its limit.")
    violations = ViolationSerializer(many=True, read_only=True)


class AnalysisSerializer(serializers.Serializer):
    total_percentage = _percent()
    pyramid = PyramidSerializer(read_only=True)
    families = FamilyShareSerializer(many=True, read_only=True)
    intensity = _percent(help_text="1–5, weighted by percentage.")
    warnings = WarningSerializer(many=True, read_only=True)
    ifra = IfraResultSerializer(many=True, read_only=True)


class ComponentSerializer(serializers.Serializer):
    note_id = serializers.IntegerField(read_only=True)
    note_slug = serializers.CharField(source="note.slug", read_only=True)
    name = serializers.CharField(source="note.name", read_only=True)
    percentage = _percent()


class BlendSerializer(serializers.ModelSerializer):
    """A blend with its current composition and analysis (`context["analyses"]` maps blend id -> Analysis)."""

    status = NamedChoiceField(enum_name="BlendStatusEnum", choices=Blend.Status.choices, read_only=True)
    version = serializers.IntegerField(source="version_number", read_only=True, allow_null=True)
    components = serializers.SerializerMethodField()
    analysis = serializers.SerializerMethodField()

    class Meta:
        model = Blend
        fields = ["id", "name", "description", "status", "version", "components", "analysis", "review_note",
                  "submitted_at", "reviewed_at", "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(ComponentSerializer(many=True))
    def get_components(self, blend) -> list:
        if blend.current_version_id is None:
            return []
        return ComponentSerializer(blend.current_version.components.all(), many=True).data

    @extend_schema_field(AnalysisSerializer)
    def get_analysis(self, blend) -> dict:
        return AnalysisSerializer(self.context["analyses"][blend.pk]).data


class AdminBlendSerializer(BlendSerializer):
    class Meta(BlendSerializer.Meta):
        fields = [*BlendSerializer.Meta.fields, "customer_id"]
        read_only_fields = fields


class ComponentInputSerializer(serializers.Serializer):
    note_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)


class BlendWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    components = ComponentInputSerializer(many=True, help_text="1–10 notes, percentages summing to exactly 100.")


class AdminBlendCreateSerializer(BlendWriteSerializer):
    customer_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                           help_text="Admin callers: whose blend this is.")


class ProductBaseInputSerializer(serializers.Serializer):
    product_base_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)


class FormulateInputSerializer(ProductBaseInputSerializer):
    quantity = serializers.IntegerField(min_value=1, max_value=1000, default=1)


class PerformanceSerializer(serializers.Serializer):
    throw = serializers.IntegerField(read_only=True, help_text="1–5")
    longevity = serializers.IntegerField(read_only=True, help_text="1–5")


class TestProductSerializer(serializers.Serializer):
    product_base_id = serializers.IntegerField(read_only=True)
    product_base_slug = serializers.CharField(read_only=True)
    ifra_category = _ifra_category(read_only=True)
    compliant = serializers.BooleanField(read_only=True)
    violations = ViolationSerializer(many=True, read_only=True)
    warnings = WarningSerializer(many=True, read_only=True)
    fragrance_load = _percent()
    max_compliant_load = _percent()
    estimated_performance = PerformanceSerializer(read_only=True)


class FormulationLineSerializer(serializers.Serializer):
    note_id = serializers.IntegerField(read_only=True)
    note_slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    percentage = _percent()
    grams = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    cost = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)


class FormulationSerializer(serializers.Serializer):
    blend_id = serializers.UUIDField(read_only=True)
    blend_version = serializers.IntegerField(read_only=True)
    product_base_id = serializers.IntegerField(read_only=True)
    quantity = serializers.IntegerField(read_only=True)
    total_grams = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    fragrance_grams = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    carrier_grams = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    carrier_name = serializers.CharField(source="product_base.carrier_name", read_only=True)
    components = FormulationLineSerializer(many=True, read_only=True)
    cost = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True,
                                    help_text="The fragrance oils at their cost per gram.")
    unit_price = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    price = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True,
                                     help_text="unit_price × quantity.")
    currency = serializers.CharField(read_only=True)
    cure_days = serializers.IntegerField(read_only=True)
    ifra = IfraResultSerializer(read_only=True)


class ScentProfileSerializer(serializers.Serializer):
    intensity = serializers.IntegerField(read_only=True)
    favorite_categories = serializers.SerializerMethodField()
    favorite_notes = serializers.SerializerMethodField()
    disliked_notes = serializers.SerializerMethodField()
    moods = serializers.ListField(child=serializers.CharField(), read_only=True)
    occasions = serializers.ListField(child=serializers.CharField(), read_only=True)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_favorite_categories(self, profile) -> list[str]:
        return sorted(c.slug for c in profile.favorite_categories.all()) if profile.pk else []

    def get_favorite_notes(self, profile) -> list[int]:
        return sorted(n.pk for n in profile.favorite_notes.all()) if profile.pk else []

    def get_disliked_notes(self, profile) -> list[int]:
        return sorted(n.pk for n in profile.disliked_notes.all()) if profile.pk else []


def _words(**kwargs) -> serializers.ListField:
    return serializers.ListField(child=serializers.CharField(max_length=50), max_length=20, **kwargs)


class ScentProfileWriteSerializer(serializers.Serializer):
    intensity = serializers.IntegerField(min_value=1, max_value=5, required=False)
    favorite_categories = serializers.ListField(child=serializers.SlugField(max_length=50), max_length=14,
                                                required=False)
    favorite_notes = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
                                           max_length=100, required=False)
    disliked_notes = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
                                           max_length=100, required=False)
    moods = _words(required=False)
    occasions = _words(required=False)


class RecommendationQuerySerializer(serializers.Serializer):
    mood = serializers.CharField(required=False, allow_blank=True, max_length=50)
    occasion = serializers.CharField(required=False, allow_blank=True, max_length=50)
    category = serializers.SlugField(required=False, allow_blank=True, max_length=50)
    product_type = NamedChoiceField(enum_name="ProductBaseTypeEnum", choices=ProductType.choices, required=False)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=50)


class RecommendedNoteSerializer(serializers.Serializer):
    note = NoteSerializer(read_only=True)
    score = serializers.IntegerField(read_only=True, help_text="0–100")
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)


class StarterComponentSerializer(serializers.Serializer):
    note_id = serializers.IntegerField(source="note.pk", read_only=True)
    note_slug = serializers.CharField(source="note.slug", read_only=True)
    name = serializers.CharField(source="note.name", read_only=True)
    percentage = _percent()


class RecommendedBlendSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    components = StarterComponentSerializer(many=True, read_only=True)
    score = serializers.IntegerField(read_only=True, help_text="0–100")
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)
    moods = serializers.ListField(child=serializers.CharField(), read_only=True)
    occasions = serializers.ListField(child=serializers.CharField(), read_only=True)
    product_base_ids = serializers.ListField(child=serializers.IntegerField(), read_only=True,
                                             help_text="Active bases of the product type it is compliant for.")


class RecommendationsSerializer(serializers.Serializer):
    notes = RecommendedNoteSerializer(many=True, read_only=True)
    blends = RecommendedBlendSerializer(many=True, read_only=True)
