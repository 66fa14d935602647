"""Gathers each app's API routes under /api/v1/."""

from django.urls import include, path

from moodmnky.api.views import HealthView

APPS = ["customers", "catalog", "blends", "carts", "orders", "moodmnky.webhooks"]

urlpatterns = [path("health/", HealthView.as_view(), name="health")] + [
    path("", include(f"{app}.api.urls")) for app in APPS
]
