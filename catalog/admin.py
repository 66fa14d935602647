"""Back office for the catalog: products with variant and media inlines, stock adjustments, the ledger."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html

from catalog import services
from catalog.images import image_validate
from catalog.models import Category, Collection, Product, ProductMedia, StockMovement, Variant
from catalog.rules import product_slug_check, stock_delta_check, variant_backorder_check
from catalog.selectors import variant_list_low_stock
from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyAdminMixin
from moodmnky.errors import DomainError

PRODUCT_FORM_FIELDS = {"name": "name", "slug": "slug", "status": "status", "product_type": "product_type",
                       "category": "category_id", "collections": "collection_ids", "tags": "tags",
                       "description": "description", "top_notes": "top_notes", "heart_notes": "heart_notes",
                       "base_notes": "base_notes"}
VARIANT_FORM_FIELDS = {"sku": "sku", "name": "name", "options": "options", "price": "price",
                       "compare_at_price": "compare_at_price", "weight_grams": "weight_grams",
                       "track_inventory": "track_inventory", "allow_backorder": "allow_backorder",
                       "low_stock_threshold": "low_stock_threshold", "position": "position"}
MEDIA_FORM_FIELDS = {"image": "image", "alt": "alt", "position": "position", "variant": "variant_id"}


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
        return [("low", "At or below threshold"), ("reorder", "Low, product not archived"), ("ok", "Above threshold")]

    def queryset(self, request, queryset):
        if self.value() == "low":
            return queryset.filter(Variant.low_stock_q())
        if self.value() == "reorder":  # what low_stock_report and the admin home count
            return queryset.filter(pk__in=variant_list_low_stock().values("pk"))
        if self.value() == "ok":
            return queryset.exclude(Variant.low_stock_q())
        return queryset


def service_arguments(form: forms.ModelForm, names: dict[str, str], *, only_changed: bool) -> dict:
    """The form's cleaned values as a service's keyword arguments (model instances become ids)."""
    arguments = {}
    for field, argument in names.items():
        if field not in form.cleaned_data or (only_changed and field not in form.changed_data):
            continue
        value = form.cleaned_data[field]
        if argument.endswith("_ids"):
            value = [item.pk for item in value]
        elif argument.endswith("_id"):
            value = value.pk if value is not None else None
        arguments[argument] = value
    return arguments


class ServiceAdmin(admin.ModelAdmin):
    """Saves go through the catalog services; a refusal they raise is shown, never a 500.

    The whole form (the object and its inlines) is one transaction and announces each product once.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._through_services(request, super().changeform_view, request, object_id, form_url,
                                      extra_context)

    def changelist_view(self, request, extra_context=None):
        return self._through_services(request, super().changelist_view, request, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._through_services(request, super().delete_view, request, object_id, extra_context)

    def _through_services(self, request, view, *args):
        try:
            with transaction.atomic(), services.product_changes_batched():
                return view(*args)
        except DomainError as exc:
            self.message_user(request, f"Not saved: {exc.message}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class TaxonomyAdmin(ServiceAdmin):
    """Category and collection names appear in every product: saving goes through the services."""

    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    form_fields: dict[str, str] = {}

    def save_model(self, request, obj, form, change):
        arguments = service_arguments(form, self.form_fields, only_changed=change)
        if change:
            self.update(obj.pk, **arguments)
        else:
            obj.pk = self.create(**arguments).pk

    def delete_model(self, request, obj):
        self.delete(actor_of(request), obj.pk)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete(actor_of(request), obj.pk)


@admin.register(Category)
class CategoryAdmin(TaxonomyAdmin):
    list_display = ["name", "slug", "parent", "position"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    form_fields = {"name": "name", "slug": "slug", "description": "description", "parent": "parent_id",
                   "position": "position"}

    def create(self, **arguments):
        return services.category_create(**arguments)

    def update(self, pk, **arguments):
        return services.category_update(category_id=pk, **arguments)

    def delete(self, actor, pk):
        services.category_delete(actor=actor, category_id=pk)


@admin.register(Collection)
class CollectionAdmin(TaxonomyAdmin):
    list_display = ["name", "slug", "position"]
    form_fields = {"name": "name", "slug": "slug", "description": "description", "position": "position"}

    def create(self, **arguments):
        return services.collection_create(**arguments)

    def update(self, pk, **arguments):
        return services.collection_update(collection_id=pk, **arguments)

    def delete(self, actor, pk):
        services.collection_delete(actor=actor, collection_id=pk)


class VariantForm(forms.ModelForm):
    """The service's backorder rule, checked against the stored quantity (the form never sets it)."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            try:
                variant_backorder_check(
                    quantity=self.instance.quantity,
                    track_inventory=cleaned.get("track_inventory", self.instance.track_inventory),
                    allow_backorder=cleaned.get("allow_backorder", self.instance.allow_backorder))
            except DomainError as exc:
                raise ValidationError({exc.field: exc.message}) from None
        return cleaned


class VariantInlineForm(VariantForm):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["image"].disabled = True  # a stored file is replaced by deleting the row and adding one

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "size") and "image" in self.changed_data:
            try:
                image_validate(image)
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

    def clean_slug(self):
        try:
            return product_slug_check(self.cleaned_data["slug"])
        except DomainError as exc:
            raise ValidationError(exc.message) from None

    class Meta:
        model = Product
        fields = ["name", "slug", "status", "product_type", "category", "collections", "tags", "description",
                  "top_notes", "heart_notes", "base_notes"]


@admin.register(Product)
class ProductAdmin(ServiceAdmin):
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
        arguments = service_arguments(form, PRODUCT_FORM_FIELDS, only_changed=change)
        if change:
            services.product_update(actor=actor_of(request), product_id=obj.pk, **arguments)
        else:
            created = services.product_create(actor=actor_of(request), **arguments)
            obj.pk, obj.slug, obj.tags = created.pk, created.slug, created.tags

    def save_related(self, request, form, formsets, change):
        # Collections were saved by the product service (no form.save_m2m()); inlines by theirs.
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request, form, formset, change):
        """Each inline row through its service; the lists Django's change message reads are filled in."""
        actor, product_id = actor_of(request), form.instance.pk
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline in formset.deleted_forms:
            if inline.instance.pk:
                services.media_delete(actor=actor, media_id=inline.instance.pk)
                formset.deleted_objects.append(inline.instance)
        for inline in formset.forms:
            if inline in formset.deleted_forms or not inline.has_changed():
                continue
            saved = _inline_save(inline, actor=actor, product_id=product_id)
            if inline.instance.pk:
                formset.changed_objects.append((saved, inline.changed_data))
            else:
                formset.new_objects.append(saved)

    def _set_status(self, request, queryset, status: str):
        services.catalog_rows_lock(product_ids=[product.pk for product in queryset])  # all first: the lock order
        for product in queryset:
            if status == Product.Status.ARCHIVED:
                services.product_archive(actor=actor_of(request), product_id=product.pk)
            else:
                services.product_update(actor=actor_of(request), product_id=product.pk, status=status)
        self.message_user(request, f"{queryset.count()} product(s) now {status}.", messages.SUCCESS)

    @admin.action(description="Publish (status active)", permissions=["change"])
    def make_active(self, request, queryset):
        self._set_status(request, queryset, Product.Status.ACTIVE)

    @admin.action(description="Unpublish (status draft)", permissions=["change"])
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, Product.Status.DRAFT)

    @admin.action(description="Archive", permissions=["change"])
    def archive(self, request, queryset):
        self._set_status(request, queryset, Product.Status.ARCHIVED)


class StockAdjustForm(forms.Form):
    delta = forms.IntegerField(help_text="Units to add (positive) or remove (negative).")
    reason = forms.ChoiceField(choices=[(r, r) for r in services.ADJUSTMENT_REASONS], initial="adjustment")
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_delta(self):
        try:
            return stock_delta_check(self.cleaned_data["delta"])
        except DomainError as exc:
            raise ValidationError(exc.message) from None


@admin.register(Variant)
class VariantAdmin(ServiceAdmin):
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
    form = VariantForm

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "product"] if obj else self.readonly_fields

    @admin.display(boolean=True, description="Low")
    def is_low(self, obj):
        return obj.is_low_stock

    def save_model(self, request, obj, form, change):
        arguments = service_arguments(form, VARIANT_FORM_FIELDS, only_changed=change)
        if change:
            services.variant_update(actor=actor_of(request), variant_id=obj.pk, **arguments)
        else:
            obj.pk = services.variant_create(actor=actor_of(request), product_id=form.cleaned_data["product"].pk,
                                             **arguments).pk

    def delete_model(self, request, obj):
        services.variant_delete(actor=actor_of(request), variant_id=obj.pk)

    def delete_queryset(self, request, queryset):
        services.catalog_rows_lock(product_ids={obj.product_id for obj in queryset})  # all first: the lock order
        for obj in queryset:
            services.variant_delete(actor=actor_of(request), variant_id=obj.pk)

    def has_adjust_stock_permission(self, request) -> bool:
        """Stock moves by writing the ledger: the permission the API's inventory:write scope comes from."""
        return request.user.has_perm("catalog.add_stockmovement")

    @admin.action(description="Adjust stock (writes a ledger movement)", permissions=["adjust_stock"])
    def adjust_stock(self, request, queryset):
        form = StockAdjustForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, failed = 0, []
            services.catalog_rows_lock(variant_ids=[variant.pk for variant in queryset])  # all first: the lock order
            for variant in queryset:
                try:
                    services.stock_adjust(actor=actor_of(request), variant_id=variant.pk, reference="admin",
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


def _inline_save(inline: forms.ModelForm, *, actor, product_id: int) -> Variant | ProductMedia:
    if isinstance(inline.instance, Variant):
        arguments = service_arguments(inline, VARIANT_FORM_FIELDS, only_changed=bool(inline.instance.pk))
        if inline.instance.pk:
            return services.variant_update(actor=actor, variant_id=inline.instance.pk, **arguments)
        return services.variant_create(actor=actor, product_id=product_id, **arguments)
    arguments = service_arguments(inline, MEDIA_FORM_FIELDS, only_changed=bool(inline.instance.pk))
    if inline.instance.pk:
        arguments.pop("image", None)
        return services.media_update(actor=actor, media_id=inline.instance.pk, **arguments)
    return services.media_add(actor=actor, product_id=product_id, **arguments)
