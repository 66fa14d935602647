"""The project's URLs plus /media/ (the tests run with DEBUG off, which serves no uploads)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from moodmnky.urls import handler500  # noqa: F401 (the project's last-resort handler)
from moodmnky.urls import urlpatterns as project_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)  # read per request: MEDIA_ROOT is per test


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *project_urlpatterns]
