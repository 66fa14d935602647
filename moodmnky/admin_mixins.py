"""Shared pieces of the back office: read-only views of records that only services may write."""

from django.contrib import admin


class ReadOnlyInline(admin.TabularInline):
    """Rows shown under a parent for reference (ledgers, audit trails, usage records)."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdminMixin:
    """A model admin that lists and shows, never adds, edits or deletes."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
