"""Back office for blends: families, notes (IFRA limits, stock through the ledger), product bases,
the review of submitted blends, and a printable batch sheet per blend and base."""

import uuid
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from blends import selectors, services
from blends.models import (
    Blend,
    FragranceCategory,
    Note,
    NoteIfraLimit,
    NoteStockMovement,
    ProductBase,
    ScentProfile,
)
from blends.services.stock import ADJUSTMENT_REASONS
from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyAdminMixin, ReadOnlyInline
from moodmnky.errors import DomainError


@admin.register(FragranceCategory)
class FragranceCategoryAdmin(admin.ModelAdmin):
    list_display = ["position", "name", "group", "slug"]
    list_display_links = ["name"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["complementary_categories"]


class NoteIfraLimitInline(admin.TabularInline):
    model = NoteIfraLimit
    extra = 0
    fields = ["ifra_category", "limit", "amendment"]


class NoteStockMovementInline(ReadOnlyInline):
    model = NoteStockMovement
    fields = ["created_at", "delta", "grams_after", "reason", "reference", "comment", "actor_label"]
    readonly_fields = fields
    ordering = ["-created_at", "-id"]
    max_num = 0


class NoteForm(forms.ModelForm):
    stock_change = forms.DecimalField(required=False, max_digits=12, decimal_places=2,
                                      help_text="Grams to add (negative to remove); written to the stock ledger.")
    stock_reason = forms.ChoiceField(choices=[(r, r) for r in ADJUSTMENT_REASONS], initial="receive", required=False)
    stock_comment = forms.CharField(required=False, max_length=255)

    class Meta:
        model = Note
        fields = ["name", "slug", "description", "category", "volatility", "intensity", "moods",
                  "complementary_notes", "allergens", "is_active", "cost_per_gram", "low_stock_grams"]


class NoteStockFilter(admin.SimpleListFilter):
    """Active notes at or below their low-stock level (the admin home's "low-stock notes" link)."""

    title = "stock"
    parameter_name = "stock"

    def lookups(self, request, model_admin):
        return [("low", "Low (at or below its level)")]

    def queryset(self, request, queryset):
        return queryset.filter(Note.low_stock_q()) if self.value() == "low" else queryset


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    form = NoteForm
    list_display = ["name", "category", "volatility", "intensity", "stock_grams", "low_stock_grams", "cost_per_gram",
                    "is_active"]
    list_filter = [NoteStockFilter, "is_active", "volatility", "category"]
    list_select_related = ["category"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["complementary_notes"]
    readonly_fields = ["stock_grams"]
    inlines = [NoteIfraLimitInline, NoteStockMovementInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "category", "volatility", "intensity", "moods",
                           "complementary_notes", "allergens", "is_active"]}),
        ("Stock and cost", {"fields": ["cost_per_gram", "stock_grams", "low_stock_grams", "stock_change",
                                       "stock_reason", "stock_comment"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # reference data; stock is not a form field
        delta = form.cleaned_data.get("stock_change")
        if delta:
            try:
                services.note_stock_adjust(note_id=obj.pk, delta=delta, actor=actor_of(request),
                                           reason=form.cleaned_data.get("stock_reason") or "receive",
                                           comment=form.cleaned_data.get("stock_comment") or "")
            except DomainError as exc:
                self.message_user(request, f"Stock not changed: {exc}", messages.ERROR)


@admin.register(ProductBase)
class ProductBaseAdmin(admin.ModelAdmin):
    list_display = ["name", "product_type", "ifra_category", "fragrance_load", "fill_weight_g", "price", "cure_days",
                    "is_active"]
    list_filter = ["is_active", "product_type"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NoteStockMovement)
class NoteStockMovementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "note", "delta", "grams_after", "reason", "reference", "actor_label"]
    list_filter = ["reason"]
    list_select_related = ["note"]
    search_fields = ["note__name", "reference"]


@admin.register(ScentProfile)
class ScentProfileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["customer", "intensity", "updated_at"]
    list_select_related = ["customer"]
    search_fields = ["customer__email"]


class BlendReviewForm(forms.ModelForm):
    class Meta:
        model = Blend
        fields = ["review_note"]
        widgets = {"review_note": forms.Textarea(attrs={"rows": 3})}


@admin.register(Blend)
class BlendAdmin(admin.ModelAdmin):
    """Staff review: submitted blends first; approve or reject with a note (through the services)."""

    form = BlendReviewForm
    change_form_template = "admin/blends/blend/change_form.html"
    list_display = ["name", "customer", "status", "version", "submitted_at", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["customer", "current_version"]
    search_fields = ["name", "customer__email"]
    ordering = ["status", "-submitted_at", "-created_at"]
    fields = ["customer", "name", "description", "status", "version", "composition", "analysis", "batch_sheets",
              "review_note", "reviewed_by", "reviewed_at"]
    readonly_fields = ["customer", "name", "description", "status", "version", "composition", "analysis",
                       "batch_sheets", "reviewed_by", "reviewed_at"]

    def get_queryset(self, request):
        return selectors.blend_queryset().select_related("reviewed_by")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="version")
    def version(self, blend):
        return blend.version_number

    @admin.display(description="composition")
    def composition(self, blend):
        parts = selectors.blend_parts(blend)
        return format_html("<table><tr><th>Note</th><th>Family</th><th>Tier</th><th>%</th></tr>{}</table>",
                           format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                                            ((p.note.name, p.note.category.name, p.note.volatility, p.percentage)
                                             for p in parts)))

    @admin.display(description="analysis")
    def analysis(self, blend):
        analysis = selectors.blend_analysis(blend)
        pyramid = ", ".join(f"{tier} {share} %" for tier, share in analysis.pyramid.items())
        warnings = format_html_join("", "<li>{}</li>", ((w["message"],) for w in analysis.warnings))
        ifra = format_html_join("", "<li>{}: {} (max load {} %){}</li>", (
            (r.product_base_name, "compliant" if r.compliant else "NOT compliant", r.max_compliant_load,
             "" if r.compliant else " — " + ", ".join(f"{v.note_name} {v.level} % > {v.limit} %"
                                                        for v in r.violations))
            for r in analysis.ifra))
        return format_html("<p>Pyramid: {}. Intensity {}.</p><p>Warnings:</p><ul>{}</ul><p>IFRA:</p><ul>{}</ul>",
                           pyramid, analysis.intensity, warnings or "—", ifra)

    @admin.display(description="batch sheets")
    def batch_sheets(self, blend):
        if blend.pk is None:
            return "—"
        results = selectors.blend_analysis(blend).ifra
        links = [(reverse("admin:blends_blend_batch_sheet", args=[blend.pk, r.product_base_id]), r.product_base_name)
                 for r in results if r.compliant]
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', links) or "No compliant base."

    def save_model(self, request, obj, form, change):
        """Nothing is saved directly: the review buttons call the services (response_change)."""

    def response_change(self, request, obj):
        note = obj.review_note
        try:
            if "_approve" in request.POST:
                services.blend_approve(blend=obj, note=note, actor=actor_of(request))
                self.message_user(request, f"Approved “{obj.name}”; the customer will be emailed.", messages.SUCCESS)
            elif "_reject" in request.POST:
                services.blend_reject(blend=obj, note=note, actor=actor_of(request))
                self.message_user(request, f"Rejected “{obj.name}”; the customer will be emailed.", messages.SUCCESS)
            else:
                return HttpResponseRedirect(request.path)
        except DomainError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(reverse("admin:blends_blend_changelist"))

    def get_urls(self):
        extra = [path("<path:object_id>/batch-sheet/<int:base_id>/", self.admin_site.admin_view(self.batch_sheet),
                      name="blends_blend_batch_sheet")]
        return extra + super().get_urls()

    def batch_sheet(self, request, object_id, base_id):
        """A printable formulation for `?quantity=` units of a base: of the blend's current version, or of
        `?version=N` (the exact version an order line bought; linked from the order's page)."""
        if not self.has_view_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        base = get_object_or_404(ProductBase, pk=base_id)
        version = None
        if "version" in request.GET:
            version = selectors.blend_version_get(blend_id=_uuid_or_404(object_id),
                                                  number=_int_or_404(request.GET["version"]))
            if version is None:
                raise Http404("No such version of this blend.")
            blend = version.blend
        else:
            blend = get_object_or_404(selectors.blend_queryset(), pk=_uuid_or_404(object_id))
        quantity = max(1, min(1000, _int_or(request.GET.get("quantity"), 1)))
        now = timezone.now()
        context = {**self.admin_site.each_context(request), "blend": blend, "base": base, "quantity": quantity,
                   "title": f"Batch sheet: {blend.name}", "opts": self.model._meta, "printed_at": now,
                   "ready_if_poured_today": (now + timedelta(days=base.cure_days)).date()}
        try:
            context["formulation"] = services.blend_formulate(blend=blend, product_base=base, quantity=quantity,
                                                              version=version)
        except DomainError as exc:
            context["error"] = str(exc)
        return TemplateResponse(request, "admin/blends/blend/batch_sheet.html", context)


def _int_or(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _int_or_404(value) -> int:
    number = _int_or(value, 0)
    if number < 1:
        raise Http404("The version is a positive number.")
    return number


def _uuid_or_404(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404("No such blend.") from None
