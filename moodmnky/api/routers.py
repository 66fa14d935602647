"""Gathers each app's API routes under /api/v1/."""

from django.urls import include, path

from moodmnky.api.views import HealthView

# The catalog first: Django tries the patterns in order, and the product list and detail are the most requested
# routes (every app's routes start with a distinct word, so the order changes no match).
APPS = ["catalog", "customers", "blends", "carts", "orders", "moodmnky.webhooks"]

urlpatterns = [path("health/", HealthView.as_view(), name="health")] + [
    path("", include(f"{app}.api.urls")) for app in APPS
]
