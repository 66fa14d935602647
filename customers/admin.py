import uuid

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, UserChangeForm
from django.template.response import TemplateResponse

from customers import services
from customers.models import Address, Customer, CustomerAuditEntry, LoyaltyTransaction
from customers.registry import order_stats_provider
from customers.tiers import tier_q, tiers
from moodmnky.actors import actor_of
from moodmnky.admin_mixins import ReadOnlyAdminMixin, ReadOnlyInline
from moodmnky.errors import DomainError


class AddressInline(ReadOnlyInline):
    """Read-only: address changes go through the API's services (defaults, validation, audit)."""

    model = Address
    fields = ["first_name", "last_name", "company", "line1", "line2", "city", "region", "postal_code", "country",
              "phone", "is_default_shipping", "is_default_billing", "created_at"]
    readonly_fields = fields


class LoyaltyInline(ReadOnlyInline):
    model = LoyaltyTransaction
    fk_name = "customer"
    fields = ["created_at", "type", "points", "description", "order_id", "amount", "created_by"]
    readonly_fields = fields
    verbose_name_plural = "loyalty ledger"


class AuditInline(ReadOnlyInline):
    model = CustomerAuditEntry
    fk_name = "customer"
    fields = ["created_at", "action", "actor_label", "address_id", "changes"]
    readonly_fields = fields


class MembershipTierFilter(admin.SimpleListFilter):
    title = "membership tier"
    parameter_name = "tier"

    def lookups(self, request, model_admin):
        return [(name, name.title()) for name, _ in tiers()]

    def queryset(self, request, queryset):
        if self.value() not in {name for name, _ in tiers()}:
            return queryset
        return queryset.filter(tier_q(self.value()))


class AnonymizedFilter(admin.SimpleListFilter):
    title = "anonymised"
    parameter_name = "anonymized"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(anonymized_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(anonymized_at__isnull=True)
        return queryset


class CustomerChangeForm(UserChangeForm):
    """The admin's form asks the service's rules (services.customer_changes_clean) of the changed fields."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        changes = {field: cleaned[field] for field in self.changed_data
                   if field in services.CUSTOMER_ADMIN_FIELDS and field in cleaned}
        try:  # `instance` still holds the saved values here (the form copies the new ones onto it later)
            cleaned.update(services.customer_changes_clean(self.instance, changes))
        except DomainError as exc:
            add_domain_error(self, exc)
        return cleaned


def add_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Show a service's refusal on the form: each detail on its field (by its last dotted part), else on top."""
    details = exc.details.get("errors") or [{"field": exc.field, "message": exc.message}]
    for detail in details:
        field = (detail.get("field") or "").rsplit(".", 1)[-1]
        form.add_error(field if field in form.fields else None, detail["message"])


class CustomerPasswordForm(AdminPasswordChangeForm):
    """The admin's "set password" form: like every API path, a new password ends the account's sessions."""

    def save(self, commit=True):
        customer = super().save(commit=commit)
        if commit:
            services.customer_sessions_end(customer=customer)
        return customer


ACCESS_FIELDS = ["is_staff", "is_superuser", "groups", "user_permissions"]


@admin.register(Customer)
class CustomerAdmin(UserAdmin):
    """The whole customer: profile, preferences, addresses, loyalty ledger, order figures and audit trail."""

    form = CustomerChangeForm
    change_password_form = CustomerPasswordForm

    ordering = ["-date_joined"]
    list_display = ["email", "first_name", "last_name", "tier", "loyalty_points", "order_count", "total_spent",
                    "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", MembershipTierFilter, AnonymizedFilter, "email_marketing",
                   "date_joined"]
    search_fields = ["email", "first_name", "last_name", "phone"]
    readonly_fields = ["tier", "loyalty_points", "lifetime_points", "order_count", "total_spent", "last_login",
                       "date_joined", "anonymized_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["first_name", "last_name", "phone", "birthday"]}),
        ("Preferences", {"fields": ["email_marketing", "sms_marketing", "preferred_currency",
                                    "reminder_frequency"]}),
        ("Loyalty and orders", {"fields": ["tier", "loyalty_points", "lifetime_points", "order_count",
                                           "total_spent"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined", "anonymized_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    inlines = [AddressInline, LoyaltyInline, AuditInline]
    actions = ["anonymize"]

    def get_queryset(self, request):
        # order_count / total_spent come from the orders app's annotation: still one query per page.
        return order_stats_provider().annotate(super().get_queryset(request))

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_anonymized:
            fields.append("is_active")  # an anonymised account stays closed
        if not request.user.is_superuser:
            fields += ACCESS_FIELDS  # only a superuser grants staff access or permissions
        return fields

    def has_change_permission(self, request, obj=None):
        """Staff and superuser accounts are the superuser's to change, here as through the API."""
        if obj is not None and (obj.is_staff or obj.is_superuser) and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description="tier")
    def tier(self, obj):
        return obj.membership_tier

    @admin.display(description="orders", ordering="order_count")
    def order_count(self, obj):
        return getattr(obj, "order_count", 0)

    @admin.display(description="total spent", ordering="total_spent")
    def total_spent(self, obj):
        return f"{getattr(obj, 'total_spent', 0):.2f}"

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.customer_register(email=form.cleaned_data["email"],
                                                 password=form.cleaned_data["password1"], actor=actor_of(request))
            obj.pk, obj.password = created.pk, created.password
            obj._state.adding, obj._state.db = False, created._state.db
            return
        fields = {field: form.cleaned_data[field] for field in form.changed_data
                  if field in services.CUSTOMER_ADMIN_FIELDS}
        services.customer_admin_update(customer=obj, actor=actor_of(request), **fields)

    @admin.action(description="Anonymise the selected customers (account deletion)", permissions=["change"])
    def anonymize(self, request, queryset):
        if request.POST.get("confirm") != "yes":
            context = {**self.admin_site.each_context(request), "title": "Anonymise customers?",
                       "customers": queryset, "opts": self.model._meta,
                       "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME}
            return TemplateResponse(request, "admin/customers/customer/anonymize_confirmation.html", context)
        done = 0
        for customer in queryset.filter(anonymized_at__isnull=True):
            services.customer_anonymize(customer=customer, actor=actor_of(request))
            done += 1
        self.message_user(request, f"Anonymised {done} customer(s).", messages.SUCCESS)
        return None


class LoyaltyAdjustForm(forms.ModelForm):
    """Asks the service's rules (services.loyalty_adjust_check) before the adjustment is written."""

    class Meta:
        model = LoyaltyTransaction
        fields = ["customer", "points", "description"]

    def clean(self):
        data = super().clean()
        customer = data.get("customer")
        if customer is None:
            return data
        try:
            services.loyalty_adjust_check(points=data.get("points"), description=data.get("description") or "",
                                          balance=customer.loyalty_points)
        except DomainError as exc:
            add_domain_error(self, exc)
        return data


@admin.register(LoyaltyTransaction)
class LoyaltyTransactionAdmin(admin.ModelAdmin):
    """The points ledger. Rows are never edited; "Add" writes a manual adjustment through the service."""

    form = LoyaltyAdjustForm
    list_display = ["created_at", "customer", "type", "points", "description", "order_id", "created_by"]
    list_filter = ["type", "created_at"]
    search_fields = ["customer__email", "description"]
    list_select_related = ["customer", "created_by"]
    autocomplete_fields = ["customer"]
    date_hierarchy = "created_at"

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_search_results(self, request, queryset, search_term):
        """An order id (UUID) finds that order's rows; other words search emails and descriptions."""
        try:
            return queryset.filter(order_id=uuid.UUID(search_term.strip())), False
        except ValueError:
            return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        try:
            row = services.loyalty_adjust(customer=obj.customer, points=obj.points, description=obj.description,
                                          actor=actor_of(request))
        except DomainError as exc:  # a concurrent change since the form was checked
            self.message_user(request, str(exc), messages.ERROR)
            raise
        obj.pk = obj.id = row.pk
        obj.created_at = row.created_at


@admin.register(CustomerAuditEntry)
class CustomerAuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who changed what on customer profiles and addresses (read-only)."""

    list_display = ["created_at", "customer", "action", "actor_label", "changed_fields"]
    list_filter = ["action", "created_at"]
    search_fields = ["customer__email", "actor_label"]
    list_select_related = ["customer"]
    date_hierarchy = "created_at"
    readonly_fields = ["customer", "actor", "actor_label", "action", "address_id", "changes", "created_at"]

    @admin.display(description="fields")
    def changed_fields(self, obj):
        return ", ".join(obj.changes) or "—"

