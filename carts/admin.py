from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Sum
from django.utils import timezone

from carts import selectors, services
from carts.models import Cart, CartDiscount, CartItem, DiscountCode, DiscountUsage
from moodmnky.admin_mixins import ReadOnlyAdminMixin, ReadOnlyInline
from moodmnky.errors import ValidationFailedError

ABANDONED_AFTER_DAYS = [1, 7, 30, 90]


class DiscountStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(DiscountCode.STATES.items())

    def queryset(self, request, queryset):
        if self.value() in DiscountCode.STATES:
            return queryset.filter(selectors.discount_state_q(self.value(), timezone.now()))
        return queryset


class DiscountCodeForm(forms.ModelForm):
    """Asks services.discount_validate (the admin API's rules) before the service writes."""

    class Meta:
        model = DiscountCode
        fields = ["code", "description", "type", "value", "is_active", "combinable", "minimum_subtotal",
                  "starts_at", "ends_at", "products", "categories", "usage_limit", "usage_limit_per_customer"]

    def clean(self):
        cleaned = super().clean()
        probe = DiscountCode(pk=self.instance.pk, **{name: cleaned.get(name) for name in (
            "code", "type", "value", "minimum_subtotal", "starts_at", "ends_at", "usage_limit",
            "usage_limit_per_customer") if name in cleaned})
        try:
            services.discount_validate(probe)
        except ValidationFailedError as exc:
            self.add_error(exc.field if exc.field in self.fields else None, exc.message)
        return cleaned


class DiscountUsageInline(ReadOnlyInline):
    model = DiscountUsage
    fields = ["created_at", "order_reference", "customer", "email"]
    readonly_fields = fields
    verbose_name_plural = "uses (recorded at checkout)"


@admin.register(DiscountCode)
class DiscountCodeAdmin(admin.ModelAdmin):
    form = DiscountCodeForm
    list_display = ["code", "type", "value", "minimum_subtotal", "times_used", "usage_limit", "usage_count",
                    "open_carts", "state_label", "starts_at", "ends_at", "combinable"]
    list_filter = [DiscountStateFilter, "type", "combinable", "is_active"]
    search_fields = ["code", "description"]
    filter_horizontal = ["products", "categories"]
    readonly_fields = ["times_used", "created_at", "updated_at"]
    inlines = [DiscountUsageInline]
    actions = ["deactivate"]
    fieldsets = [
        (None, {"fields": ["code", "description", "type", "value", "is_active", "combinable"]}),
        ("Conditions", {"fields": ["minimum_subtotal", "starts_at", "ends_at", "products", "categories"]}),
        ("Usage", {"fields": ["usage_limit", "usage_limit_per_customer", "times_used"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return selectors.discount_with_usage_counts()

    @admin.display(description="uses", ordering="usage_count")
    def usage_count(self, discount):
        return discount.usage_count

    @admin.display(description="on open carts", ordering="open_cart_count")
    def open_carts(self, discount):
        return discount.open_cart_count

    @admin.display(description="state")
    def state_label(self, discount):
        return discount.state()

    def save_model(self, request, obj, form, change):
        if change:
            changed = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
            services.discount_update(discount=obj, **changed)
            return
        created = services.discount_create(**{name: form.cleaned_data[name] for name in DiscountCodeForm.Meta.fields})
        obj.pk, obj._state.adding, obj._state.db = created.pk, False, created._state.db

    def save_related(self, request, form, formsets, change):
        """The service already set the products and categories; only the inlines are left."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description="Deactivate selected codes", permissions=["change"])
    def deactivate(self, request, queryset):
        count = services.discount_deactivate(discount_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"Deactivated {count} code(s).", messages.SUCCESS)


class AbandonedFilter(admin.SimpleListFilter):
    title = "abandoned (no activity for)"
    parameter_name = "abandoned"

    def lookups(self, request, model_admin):
        return [(str(days), f"{days} day{'s' if days > 1 else ''}") for days in ABANDONED_AFTER_DAYS]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            cutoff = timezone.now() - timedelta(days=int(self.value()))
            return queryset.filter(status=Cart.Status.OPEN, last_activity_at__lt=cutoff)
        return queryset


class CartItemInline(ReadOnlyInline):
    model = CartItem
    fields = ["variant", "quantity", "unit_price_at_add", "current_price", "created_at", "updated_at"]
    readonly_fields = fields

    @admin.display(description="price now")
    def current_price(self, item):
        return item.variant.price if item.variant_id else None

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("variant__product")


class CartDiscountInline(ReadOnlyInline):
    model = CartDiscount
    fields = ["discount", "created_at"]
    readonly_fields = fields
    verbose_name_plural = "discount codes"


@admin.register(Cart)
class CartAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: carts change only through the storefront API."""

    list_display = ["id", "customer", "email", "status", "line_count", "units", "last_activity_at", "created_at"]
    list_filter = ["status", AbandonedFilter, ("customer", admin.EmptyFieldListFilter)]
    list_select_related = ["customer"]
    search_fields = ["=id", "email", "customer__email"]
    readonly_fields = ["id", "customer", "status", "email", "note", "currency", "shipping_method", "merged_into",
                       "created_at", "last_activity_at", "totals"]
    inlines = [CartItemInline, CartDiscountInline]
    date_hierarchy = "last_activity_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            line_total_count=Count("items", distinct=True),
            unit_total=Sum("items__quantity"),
        )

    @admin.display(description="lines", ordering="line_total_count")
    def line_count(self, cart):
        return cart.line_total_count

    @admin.display(description="units", ordering="unit_total")
    def units(self, cart):
        return cart.unit_total or 0

    @admin.display(description="totals at today's prices")
    def totals(self, cart):
        priced = selectors.cart_price(selectors.cart_queryset().get(pk=cart.pk))
        return (f"subtotal {priced.subtotal} − discounts {priced.discount_total} + shipping "
                f"{priced.shipping_total} + tax {priced.tax_total} = {priced.total} {priced.currency}")

