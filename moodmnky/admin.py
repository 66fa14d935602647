import functools
import logging

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django_ratelimit.core import is_ratelimited

from moodmnky.api.scopes import scopes_for_user
from moodmnky.cache import REDIS_ERRORS
from moodmnky.models import SCOPES, ApiKey
from moodmnky.services import api_key_create, api_key_revoke

logger = logging.getLogger("moodmnky.admin")


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(choices=[(s, s) for s in SCOPES], widget=forms.CheckboxSelectMultiple,
                                       help_text="Only the scopes your own permissions give you.")
    grantable: frozenset[str] = frozenset(SCOPES)  # ApiKeyAdmin.get_form narrows it to the signed-in user's

    class Meta:
        model = ApiKey
        fields = ["name", "scopes", "expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "scopes" in self.fields:
            self.fields["scopes"].choices = [(s, s) for s in SCOPES if s in self.grantable]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """The developer dashboard: keys are listed by prefix; the full key is shown once, on creation."""

    form = ApiKeyForm
    list_display = ["name", "prefix", "scope_list", "state", "created_at", "last_used_at", "expires_at"]
    list_filter = ["revoked_at", "expires_at"]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    @admin.display(description="scopes")
    def scope_list(self, obj):
        return ", ".join(obj.scopes)

    @admin.display(description="state")
    def state(self, obj):
        if obj.is_revoked:
            return "revoked"
        if obj.is_expired:
            return "expired"
        return "active"

    def get_form(self, request, obj=None, change=False, **kwargs):
        """A key never carries more than its creator may do: a staff member grants only the scopes their
        own permissions give them (moodmnky/api/scopes.py), a superuser any."""
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"grantable": scopes_for_user(request.user)})

    def has_change_permission(self, request, obj=None):
        """A key wider than the user's own scopes is shown, and may be revoked from the list, not edited
        (its scopes or expiry)."""
        if obj is not None and not set(obj.scopes) <= scopes_for_user(request.user):
            return False
        return super().has_change_permission(request, obj)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "scopes", "expires_at"]
        return ["name", "prefix", "scopes", "expires_at", "created_at", "created_by", "last_used_at", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        api_key, raw_key = api_key_create(name=form.cleaned_data["name"], scopes=form.cleaned_data["scopes"],
                                          expires_at=form.cleaned_data.get("expires_at"), created_by=request.user)
        obj.pk = api_key.pk
        obj.prefix = api_key.prefix
        self.message_user(
            request,
            format_html("New API key (copy it now, it is shown only once): <code id='new-api-key'>{}</code>",
                        raw_key),
            level=messages.WARNING,
        )

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the list keeps every key's history

    @admin.action(description="Revoke selected keys", permissions=["change"])
    def revoke(self, request, queryset):
        active = list(queryset.filter(revoked_at__isnull=True))
        for api_key in active:
            api_key_revoke(api_key=api_key)
        if active:
            self.message_user(request, f"Revoked {len(active)} key(s) at {timezone.now():%Y-%m-%d %H:%M} UTC.")
        else:
            self.message_user(request, "The selected keys were already revoked.", level=messages.WARNING)


def _client_ip_key(group, request) -> str:
    from moodmnky.api.ratelimit import client_ip

    return client_ip(request)


def _account_key(group, request) -> str:
    return (request.POST.get("username") or "").strip().lower()


def _limited_login(login):
    """The admin's login view with django-ratelimit's checks on POST: per client IP, then per account typed
    (settings.ADMIN_LOGIN_LIMITS); over either, a 429 page instead of the form. While the counters' cache
    is unreachable the checks fail open, like the API's (docs/reliability.md "Faults")."""
    limits = [("admin-login:ip", _client_ip_key, "ip"), ("admin-login:account", _account_key, "account")]

    def limited(request) -> bool:
        try:
            return any(is_ratelimited(request, group=group, key=key, method="POST", increment=True,
                                      rate=lambda group, request, name=name: settings.ADMIN_LOGIN_LIMITS[name])
                       for group, key, name in limits)
        except REDIS_ERRORS as exc:
            logger.warning("Admin login limits unavailable, not counted: %s", exc)
            return False

    @functools.wraps(login)
    def view(request, extra_context=None):
        if request.method == "POST" and limited(request):
            return HttpResponse("Too many login attempts. Wait a quarter of an hour, then try again.",
                                status=429, content_type="text/plain; charset=utf-8")
        return login(request, extra_context=extra_context)

    return view


admin.site.login = _limited_login(admin.site.login)
