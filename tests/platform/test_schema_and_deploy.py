import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "prod-like-secret-9f8e7d6c5b4a3928171605f4e3d2c1b0a99887766554433221100",
    "JWT_SIGNING_KEY": "prod-like-jwt-key-0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f",
    "ALLOWED_HOSTS": "shop.moodmnky.example",
    "DJANGO_SETTINGS_MODULE": "moodmnky.settings",
}


@pytest.fixture(scope="module")
def schema(django_db_blocker, tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def test_schema_validates_and_documents_both_auth_schemes(schema):
    schemes = schema["components"]["securitySchemes"]

    assert schemes["ApiKeyAuth"] == {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                     "description": schemes["ApiKeyAuth"]["description"]}
    assert schemes["jwtAuth"]["scheme"] == "bearer"


def test_every_operation_documents_the_error_envelope(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert responses["500"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope"), \
                f"{method} {path}"
            assert "400" in responses, f"{method} {path}"
            success = [code for code in responses if code.startswith("2")]
            assert success, f"{method} {path} has no success response"


def test_success_bodies_are_enveloped_in_the_schema(schema):
    login = schema["paths"]["/api/v1/auth/login/"]["post"]["responses"]["200"]
    ref = login["content"]["application/json"]["schema"]["$ref"]

    assert ref == "#/components/schemas/TokenPairEnvelope"
    assert schema["components"]["schemas"]["TokenPairEnvelope"]["required"] == ["data"]
    assert schema["paths"]["/api/v1/auth/login/"]["post"]["responses"]["401"]


def test_docs_and_schema_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content
    redoc = client.get("/api/redoc/")
    assert redoc.status_code == 200 and b"redoc" in redoc.content.lower()
    # assets come from the sidecar package, not a CDN
    assert b"cdn.jsdelivr" not in docs.content and b"unpkg.com" not in docs.content


def _run_manage(*args, env_extra=None):
    inherited = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "HTTPS_ONLY")}
    env = {**inherited, **PRODUCTION_ENV, **(env_extra or {})}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_is_clean_with_production_values():
    result = _run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_keys():
    result = _run_manage("check", env_extra={"SECRET_KEY": "", "JWT_SIGNING_KEY": ""})

    assert result.returncode != 0
    assert "SECRET_KEY and JWT_SIGNING_KEY are required" in result.stderr


def test_log_lines_are_json_with_the_request_id(api_client, caplog):
    from moodmnky.logging import JsonFormatter, RequestIdFilter

    with caplog.at_level(logging.WARNING, logger="django.request"):
        api_client.get("/api/v1/no-such-endpoint/", HTTP_X_REQUEST_ID="trace-42")

    record = next(r for r in caplog.records if r.name == "django.request")
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "trace-42"
    assert line["level"] == "WARNING" and "Not Found" in line["message"]


def test_run_dev_banner_reads_the_demo_logins_without_django():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = "from customers.demo_accounts import DEMO_STAFF; print(DEMO_STAFF[0])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "staff@moodmnky.example"
    assert "from customers.demo_accounts import" in (ROOT / "scripts" / "run-dev.sh").read_text()


def _external_hosts(html: str) -> set[str]:
    import re

    return set(re.findall(r"""(?:src|href)=["']?(?:https?:)?//([^/"' >]+)""", html))


def test_docs_pages_load_nothing_from_other_hosts(client):
    redoc = client.get("/api/redoc/").content.decode()
    swagger = client.get("/api/docs/").content.decode()

    assert "fonts.googleapis" not in redoc and "fonts.gstatic" not in redoc
    assert _external_hosts(redoc) == set() and _external_hosts(swagger) == set()
    assert "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js" in redoc


def test_schema_is_built_once_per_process(client):
    from unittest import mock

    from drf_spectacular.generators import SchemaGenerator

    with mock.patch.object(SchemaGenerator, "get_schema", autospec=True,
                           side_effect=SchemaGenerator.get_schema) as build:
        first = client.get("/api/schema/")
        second = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        built = build.call_count  # one per format at most (0 when an earlier test in this process built them)
        third = client.get("/api/schema/")
        fourth = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert first.status_code == second.status_code == third.status_code == fourth.status_code == 200
    assert built <= 2 and build.call_count == built  # the repeats were served as rendered
    assert first.content == third.content and second.content == fourth.content
    assert json.loads(second.content)["openapi"].startswith("3.")
