"""Platform endpoints: health."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
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
    try:
        probe = uuid.uuid4().hex
        cache.set("health:probe", probe, 10)
        return cache.get("health:probe") == probe
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
