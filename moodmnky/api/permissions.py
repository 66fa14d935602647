"""Shared permission classes: admin-with-scope, customer-only, and helpers views use to branch."""

from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission

from moodmnky.api.exceptions import InsufficientScope
from moodmnky.models import ApiKey


def is_admin(request) -> bool:
    """An API key, or a signed-in staff user (staff have every scope)."""
    return isinstance(request.auth, ApiKey) or bool(
        request.user and request.user.is_authenticated and getattr(request.user, "is_staff", False)
    )


def customer_of(request):
    """The signed-in Customer, or None (anonymous callers and API keys)."""
    user = request.user
    if user is None or not user.is_authenticated or isinstance(request.auth, ApiKey):
        return None
    return user


def admin_can(request, scope: str) -> bool:
    """True for an API key holding `scope` or a staff user; never raises."""
    if isinstance(request.auth, ApiKey):
        return request.auth.has_scope(scope)
    return is_admin(request)


def required_scope(view, request) -> str | None:
    """The scope of this call: `view.required_scopes` by action or method, else `view.required_scope`."""
    scopes = getattr(view, "required_scopes", None) or {}
    action = getattr(view, "action", None)
    if action in scopes:
        return scopes[action]
    if request.method in scopes:
        return scopes[request.method]
    if "read" in scopes and request.method in SAFE_METHODS:
        return scopes["read"]
    if "write" in scopes and request.method not in SAFE_METHODS:
        return scopes["write"]
    return getattr(view, "required_scope", None)


def check_admin_scope(request, scope: str | None) -> None:
    """Raise the contract's 401/403 unless the caller is an admin holding `scope`."""
    if isinstance(request.auth, ApiKey):
        if scope and not request.auth.has_scope(scope):
            raise InsufficientScope(scope)
        return
    if not request.user or not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
    if not getattr(request.user, "is_staff", False):
        raise exceptions.PermissionDenied("This endpoint is for admin API keys.")


def method_not_allowed(request, view) -> bool:
    """An unsupported method answers 405 before any credential check (DRF dispatches after permissions)."""
    return request.method.upper() not in {method.upper() for method in getattr(view, "allowed_methods", [])}


class IsAdminWithScope(BasePermission):
    """Admin endpoint: an API key holding the view's scope, or a staff user."""

    def has_permission(self, request, view):
        if method_not_allowed(request, view):
            return True
        check_admin_scope(request, required_scope(view, request))
        return True


class IsCustomer(BasePermission):
    """A signed-in customer (not an API key)."""

    def has_permission(self, request, view):
        if method_not_allowed(request, view):
            return True
        if isinstance(request.auth, ApiKey):
            raise exceptions.PermissionDenied("This endpoint is for signed-in customers.")
        if not request.user or not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        return True


class ReadAnyoneWriteAdmin(BasePermission):
    """Catalog style: anyone reads; writes need an admin with the view's scope."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or method_not_allowed(request, view):
            return True  # an admin's extra view (drafts, stock) is decided by the view with admin_can()
        check_admin_scope(request, required_scope(view, request))
        return True
