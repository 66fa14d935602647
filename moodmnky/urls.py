import sys

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve
from drf_spectacular.views import SpectacularSwaggerView

from moodmnky.api.exceptions import DATABASE_UNAVAILABLE, json_error, unavailable_error
from moodmnky.api.views import RedocView, SchemaView
from moodmnky.bench import bench_urls

admin.site.site_header = "MOOD MNKY back office"
admin.site.site_title = "MOOD MNKY"
admin.site.index_title = "Run the shop"


@csrf_exempt  # like every API view: an unknown URL answers 404 in the envelope, not a CSRF page
def api_not_found(request, *args, **kwargs):
    return json_error(request, 404, "not_found", f"No API endpoint at {request.path}.")


def server_error(request, *args, **kwargs):
    """Django's last resort (DEBUG off): the API keeps its envelope, the admin its own page."""
    if request.path.startswith("/api/"):
        exc = sys.exc_info()[1]  # Django calls this while handling the exception (a middleware's, say)
        if isinstance(exc, DATABASE_UNAVAILABLE):
            return unavailable_error(request, exc)
        return json_error(request, 500, "internal_error")
    return defaults.server_error(request, *args, **kwargs)


handler500 = server_error


urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("moodmnky.api.routers")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", RedocView.as_view(url_name="schema"), name="redoc"),
    re_path(r"^api/", api_not_found),
    *bench_urls(),  # empty unless BENCH_STATS_DIR is set (make bench)
]
if settings.SERVE_MEDIA:
    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))
