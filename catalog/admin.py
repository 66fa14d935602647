"""Back office for the catalog: products with variant and media inlines, stock adjustments, the ledger."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.utils.html import format_html

from catalog import services
from catalog.images import validate_image
from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from moodmnky.admin_mixins import ReadOnlyAdminMixin
from moodmnky.errors import DomainError


def _thumbnail(image, size: int = 64) -> str:
    if not image:
        return "—"
    return format_html('<img src="{}" alt="" style="max-width:{}px;max-height:{}px;border-radius:4px">',
                       image.url, size, size)


class LowStockProductFilter(admin.SimpleListFilter):
    title = "stock"
    parameter_name = "stock"

    def lookups(self, request, model_admin):
        return [("low", "Low stock"), ("out", "Sold out")]

    def queryset(self, request, queryset):
        if self.value() == "low":
            return queryset.filter(Exists(Variant.objects.filter(Variant.low_stock_q(), product=OuterRef("pk"))))
        if self.value() == "out":
            return queryset.out_of_stock()
        return queryset


class LowStockVariantFilter(admin.SimpleListFilter):
    title = "stock"
    parameter_name = "stock"

    def lookups(self, request, model_admin):
        return [("low", "At or below threshold"), ("ok", "Above threshold")]

    def queryset(self, request, queryset):
        if self.value() == "low":
            return queryset.filter(Variant.low_stock_q())
        if self.value() == "ok":
            return queryset.exclude(Variant.low_stock_q())
        return queryset


class TaxonomyAdmin(admin.ModelAdmin):
    """Category and collection names appear in every product: saving goes through the service."""

    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.taxonomy_save(instance=obj)

    def delete_model(self, request, obj):
        services.taxonomy_delete(instance=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.taxonomy_delete(instance=obj)


@admin.register(Category)
class CategoryAdmin(TaxonomyAdmin):
    list_display = ["name", "slug", "parent", "position"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]


@admin.register(Collection)
class CollectionAdmin(TaxonomyAdmin):
    list_display = ["name", "slug", "position"]


class VariantInlineForm(forms.ModelForm):
    class Meta:
        model = Variant
        fields = ["sku", "name", "price", "compare_at_price", "weight_grams", "track_inventory",
                  "allow_backorder", "low_stock_threshold", "position"]


class VariantInline(admin.TabularInline):
    model = Variant
    form = VariantInlineForm
    fields = ["sku", "name", "price", "compare_at_price", "quantity", "low_stock_threshold", "track_inventory",
              "allow_backorder", "position"]
    readonly_fields = ["quantity"]  # stock moves only through the ledger (the "Adjust stock" action)
    extra = 0
    can_delete = False  # deleting a variant goes through its own page (refused when orders use it)
    show_change_link = True


class MediaInlineForm(forms.ModelForm):
    class Meta:
        model = ProductMedia
        fields = ["image", "alt", "position", "variant"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "size") and "image" in self.changed_data:
            try:
                validate_image(image)
            except DomainError as exc:
                raise ValidationError(exc.message) from None
        return image


class MediaInline(admin.TabularInline):
    model = ProductMedia
    form = MediaInlineForm
    fields = ["preview", "image", "alt", "position", "variant"]
    readonly_fields = ["preview"]
    extra = 0

    @admin.display(description="Preview")
    def preview(self, obj):
        return _thumbnail(obj.image if obj.pk else None, 96)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "variant":
            product_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = Variant.objects.filter(product_id=product_id or 0)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TagsField(forms.CharField):
    """Tags typed as `fig, autumn, gift` (stored as a JSON list)."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [tag.strip() for tag in (super().to_python(value) or "").split(",") if tag.strip()]


class ProductAdminForm(forms.ModelForm):
    tags = TagsField(required=False, help_text="Comma-separated, e.g. fig, autumn, gift.")

    class Meta:
        model = Product
        fields = ["name", "slug", "status", "product_type", "category", "collections", "tags", "description",
                  "top_notes", "heart_notes", "base_notes"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    form = ProductAdminForm
    list_display = ["thumbnail", "name", "status", "product_type", "category", "variant_count", "updated_at"]
    list_display_links = ["thumbnail", "name"]
    list_filter = ["status", "product_type", "category", LowStockProductFilter]
    list_select_related = ["category"]
    search_fields = ["name", "slug", "variants__sku"]
    autocomplete_fields = ["category", "collections"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "product_type", "category", "collections", "tags",
                           "description"]}),
        ("Scent notes", {"fields": ["top_notes", "heart_notes", "base_notes"]}),
        ("Dates", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [VariantInline, MediaInline]
    actions = ["make_active", "make_draft", "archive"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("media", "variants")

    @admin.display(description="")
    def thumbnail(self, obj):
        media = list(obj.media.all())
        return _thumbnail(media[0].image if media else None, 48)

    @admin.display(description="Variants")
    def variant_count(self, obj):
        return len(obj.variants.all())

    def has_delete_permission(self, request, obj=None):
        return False  # products are archived, never deleted: orders point at them

    def save_model(self, request, obj, form, change):
        services.product_save(product=obj)

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            if isinstance(obj, Variant):
                services.variant_save(variant=obj)
            else:
                services.media_save(media=obj)
        for obj in formset.deleted_objects:
            if isinstance(obj, ProductMedia):
                services.media_remove(media=obj)  # product_admin_saved announces the change once
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.product_admin_saved(product=form.instance, created=not change, actor=request.user)

    def _set_status(self, request, queryset, status: str):
        for product in queryset:
            if status == Product.Status.ARCHIVED:
                services.product_archive(product=product, actor=request.user)
            else:
                services.product_update(product=product, status=status, actor=request.user)
        self.message_user(request, f"{queryset.count()} product(s) now {status}.", messages.SUCCESS)

    @admin.action(description="Publish (status active)")
    def make_active(self, request, queryset):
        self._set_status(request, queryset, Product.Status.ACTIVE)

    @admin.action(description="Unpublish (status draft)")
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, Product.Status.DRAFT)

    @admin.action(description="Archive")
    def archive(self, request, queryset):
        self._set_status(request, queryset, Product.Status.ARCHIVED)


class StockAdjustForm(forms.Form):
    delta = forms.IntegerField(help_text="Units to add (positive) or remove (negative).")
    reason = forms.ChoiceField(choices=[(r, r) for r in services.ADJUSTMENT_REASONS], initial="adjustment")
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_delta(self):
        delta = self.cleaned_data["delta"]
        if delta == 0:
            raise ValidationError("Must not be zero.")
        return delta


@admin.register(Variant)
class VariantAdmin(admin.ModelAdmin):
    list_display = ["sku", "product", "name", "price", "quantity", "low_stock_threshold", "is_low",
                    "track_inventory", "allow_backorder"]
    list_filter = [LowStockVariantFilter, "track_inventory", "allow_backorder", "product__product_type",
                   "product__status"]
    list_select_related = ["product"]
    search_fields = ["sku", "name", "product__name"]
    autocomplete_fields = ["product"]
    readonly_fields = ["quantity", "created_at", "updated_at"]
    fields = ["product", "sku", "name", "options", "price", "compare_at_price", "weight_grams", "quantity",
              "track_inventory", "allow_backorder", "low_stock_threshold", "position", "created_at", "updated_at"]
    actions = ["adjust_stock"]

    @admin.display(boolean=True, description="Low")
    def is_low(self, obj):
        return obj.is_low_stock

    def save_model(self, request, obj, form, change):
        services.variant_save(variant=obj)
        services.product_admin_saved(product=obj.product, created=False, actor=request.user)

    def delete_model(self, request, obj):
        services.variant_delete(variant=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.variant_delete(variant=obj, actor=request.user)

    @admin.action(description="Adjust stock (writes a ledger movement)")
    def adjust_stock(self, request, queryset):
        form = StockAdjustForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, failed = 0, []
            for variant in queryset:
                try:
                    services.stock_adjust(variant_id=variant.pk, actor=request.user, reference="admin",
                                          **form.cleaned_data)
                    done += 1
                except DomainError as exc:
                    failed.append(f"{variant.sku}: {exc.message}")
            if done:
                self.message_user(request, f"Adjusted the stock of {done} variant(s).", messages.SUCCESS)
            for failure in failed:
                self.message_user(request, failure, messages.ERROR)
            return None
        context = {**self.admin_site.each_context(request), "title": "Adjust stock", "form": form,
                   "variants": queryset, "opts": self.model._meta,
                   "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME}
        return TemplateResponse(request, "admin/catalog/stock_adjust.html", context)


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The ledger: read-only; movements are written by the stock service only."""

    list_display = ["created_at", "sku", "delta", "quantity_after", "reason", "reference", "actor_label"]
    list_filter = ["reason", "created_at"]
    search_fields = ["sku", "reference", "note"]
    list_select_related = ["variant"]
    date_hierarchy = "created_at"
