"""Platform endpoints: health, and the OpenAPI schema and ReDoc pages."""

import logging
import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.urls import get_urlconf
from django.utils import translation
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

logger = logging.getLogger("moodmnky.health")


def _check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def _check_cache() -> bool:
    """Both caches answer: the response cache (which fails open, so a dropped write reads back as a miss)
    and the rate-limit counters'."""
    try:
        probe = uuid.uuid4().hex
        for alias in [alias for alias in ("default", "ratelimit") if alias in settings.CACHES]:
            caches[alias].set("health:probe", probe, 10)
            if caches[alias].get("health:probe") != probe:
                return False
        return True
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


def _check_tasks() -> bool:
    """The task queue lives in the database: its table must answer."""
    try:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()
        return True
    except Exception:
        logger.exception("Health check: task queue unreachable")
        return False


HealthSerializer = inline_serializer("Health", {
    "status": serializers.ChoiceField(choices=["ok", "degraded", "down"]),
    "checks": inline_serializer("HealthChecks", {
        "database": serializers.ChoiceField(choices=["ok", "down"]),
        "cache": serializers.ChoiceField(choices=["ok", "down"]),
        "tasks": serializers.ChoiceField(choices=["ok", "down"]),
    }),
})


class HealthView(APIView):
    """Database, cache and task queue status: 200 ok/degraded, 503 when the database is down."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(responses={200: HealthSerializer, 503: HealthSerializer}, summary="Service health")
    def get(self, request):
        database = _check_database()
        checks = {"database": database, "cache": _check_cache(), "tasks": database and _check_tasks()}
        overall = "down" if not database else ("ok" if all(checks.values()) else "degraded")
        body = {"status": overall, "checks": {name: "ok" if ok else "down" for name, ok in checks.items()}}
        return Response(body, status=503 if overall == "down" else 200)


class SchemaView(SpectacularAPIView):
    """/api/schema/, generated and rendered once per process (per URLconf, version, language and format)
    instead of on every request: the schema changes only with the code."""

    _rendered: dict = {}
    _lock = threading.Lock()

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        version = self.api_version or request.version or self._get_version_parameter(request)
        self._cache_key = (str(get_urlconf() or ""), version, request.GET.get("lang") or translation.get_language(),
                           request.accepted_media_type)
        hit = self._rendered.get(self._cache_key)
        if hit is not None:
            content, headers = hit
            return HttpResponse(content, headers=headers)
        with self._lock:  # one build at a time; the others then find it rendered
            return super().get(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(self, "_cache_key", None)
        if key is not None and isinstance(response, Response) and response.status_code == 200:
            response.render()
            headers = {name: response[name] for name in ("Content-Type", "Content-Disposition") if name in response}
            self._rendered[key] = (response.content, headers)
        return response


class RedocView(SpectacularRedocView):
    """ReDoc from the sidecar package, without the Google Fonts links of drf-spectacular's template."""

    template_name = "moodmnky/redoc.html"
