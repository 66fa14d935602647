"""OpenAPI: the envelope around every body, the error responses, both auth schemes, scopes and links."""

import re

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import permissions, serializers
from rest_framework.permissions import AllowAny

from moodmnky.api.permissions import IsAdminWithScope, IsCustomer, ReadAnyoneWriteAdmin, required_scope

ERROR_COMPONENT = "ErrorEnvelope"
ENVELOPE_SUFFIX = "Envelope"  # `{"data": Product}` is the component ProductEnvelope
JWT = "jwtAuth"
API_KEY = "ApiKeyAuth"
ANONYMOUS: dict = {}  # an empty security requirement: calling without credentials works too
# POST endpoints that perform an action rather than create a resource: their operation ids drop drf-spectacular's
# `_create` (`auth_login`, `carts_merge`, `webhooks_ping`), so generated functions read like what they do.
ACTION_SEGMENTS = {"login", "logout", "register", "refresh", "password-reset", "confirm", "password", "merge",
                   "shipping-estimates", "ping", "redeliver", "checkout", "cancel", "refund", "fulfill",
                   "formulate", "submit", "pay"}
ERROR_CODES_BY_STATUS = {
    "400": "validation_error",
    "401": "not_authenticated, invalid_token or invalid_credentials",
    "402": "payment_declined",
    "403": "permission_denied or insufficient_scope",
    "404": "not_found",
    "405": "method_not_allowed",
    "409": "conflict, out_of_stock, invalid_transition or idempotency_in_progress",
    "413": "payload_too_large",
    "415": "unsupported_media_type",
    "422": "idempotency_key_reused",
    "429": "rate_limited",
    "500": "internal_error",
    "502": "payment_error",
}
ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error response: `error.code` is stable and machine-readable (the table in docs/api.md), "
                   "`error.details` lists field errors, `error.request_id` matches the X-Request-ID header.",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message", "details", "request_id"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "field": {"type": "string", "nullable": True,
                                      "description": "Dotted path, list items by index: items.2.quantity"},
                            "message": {"type": "string"},
                        },
                    },
                },
                "request_id": {"type": "string"},
            },
        }
    },
}


class ErrorSerializer(serializers.Serializer):
    """Placeholder for `@extend_schema(responses={409: ErrorSerializer})`: rendered as the error envelope."""


class NamedChoiceField(serializers.ChoiceField):
    """A ChoiceField documented as the one enum component `enum_name`, wherever it is used (instead of
    drf-spectacular's per-field enum names, which collide when two fields share a name)."""

    def __init__(self, *, enum_name: str, enum_description: str = "", **kwargs):
        self.enum_name = enum_name
        self.enum_description = enum_description
        super().__init__(**kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        schema = {"type": "string", "enum": [str(value) for value in field.choices]}
        if field.enum_description:
            schema["description"] = field.enum_description
        component = ResolvedComponent(name=field.enum_name, type=ResolvedComponent.SCHEMA, object=field.enum_name,
                                      schema=schema)
        auto_schema.registry.register_on_missing(component)
        return component.ref


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "moodmnky.api.authentication.ApiKeyAuthentication"
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "X-API-Key",
                "description": "Admin API key with scopes; create one in the admin or with "
                               "`manage.py create_api_key`."}


class JWTAuthenticationScheme(SimpleJWTScheme):
    """Our JWTAuthentication subclass is documented as simplejwt's Bearer scheme."""

    target_class = "moodmnky.api.authentication.JWTAuthentication"


class EnvelopeAutoSchema(AutoSchema):
    """Wraps bodies in `{"data": ...}`, documents the error responses and each operation's scope."""

    def _error_ref(self) -> dict:
        component = ResolvedComponent(name=ERROR_COMPONENT, type=ResolvedComponent.SCHEMA,
                                      object=ERROR_COMPONENT, schema=ERROR_SCHEMA)
        self.registry.register_on_missing(component)
        return component.ref

    def _error_response(self, code: str) -> dict:
        return {"description": f"Error envelope (`{ERROR_CODES_BY_STATUS.get(code, 'error')}`).",
                "content": {"application/json": {"schema": self._error_ref()}}}

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        if serializer is ErrorSerializer or isinstance(serializer, ErrorSerializer) or status_code >= "400":
            return self._error_response(status_code)
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        for media in response.get("content", {}).values():
            schema = media.get("schema", {})
            if not _is_paginated(schema):
                media["schema"] = self._envelope(schema)
        return response

    def _envelope(self, schema: dict) -> dict:
        """`{"data": schema}`, as a named component (`ProductEnvelope`) when the body is a component or a list of
        one, so generated clients get readable model names instead of `ProductsRetrieveResponse200`."""
        envelope = {"type": "object", "required": ["data"], "properties": {"data": schema}}
        inner = schema.get("items", {}) if schema.get("type") == "array" else schema
        ref = inner.get("$ref")
        if not ref:
            return envelope
        name = ref.rsplit("/", 1)[-1] + ("List" if inner is not schema else "") + ENVELOPE_SUFFIX
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=envelope)
        self.registry.register_on_missing(component)
        return component.ref

    def get_operation_id(self) -> str:
        operation_id = super().get_operation_id()
        segments = [segment for segment in self.path.strip("/").split("/") if not segment.startswith("{")]
        if self.method == "POST" and segments and segments[-1] in ACTION_SEGMENTS:
            return operation_id.removesuffix("_create")
        return operation_id

    def get_auth(self) -> list[dict]:
        """What each operation really accepts, from the view's authenticators and permission classes (drf-spectacular
        would list every authenticator on every operation). Security schemes still register through super()."""
        documented = super().get_auth()
        if not self.view.get_authenticators():
            return []  # credentials are not read at all: public
        return security_of(self.view, self.method, documented)

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            # Always explicit: `security: []` is "public" to generators, a missing key would inherit a default.
            operation["security"] = self.get_auth()
        return operation

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_statuses():
            responses.setdefault(code, self._error_response(code))
        return responses

    def _error_statuses(self) -> list[str]:
        codes = ["400", "500"]
        public = all(issubclass(p, AllowAny) for p in self.view.permission_classes)
        if getattr(self.view, "authentication_classes", None) or not public:
            codes += ["401"]
        if not public:
            codes += ["403"]
        if "{" in self.path:
            codes += ["404"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["413", "415"]
        if not self.path.startswith("/api/v1/health"):
            codes += ["429"]
        return codes

    def _scope(self) -> str | None:
        """The admin scope of this operation; none where no API key is accepted (a customer-only action, such as
        /custom-blends/recommendations/ on the admin-aware blends view set, holds no scope to ask for)."""
        request = getattr(self.view, "request", None)
        if request is None or not any(API_KEY in requirement for requirement in self.get_auth()):
            return None
        return required_scope(self.view, request)

    def get_description(self):
        description = super().get_description() or ""
        scope = self._scope()
        if scope:
            description = (f"{description}\n\n**Admin scope:** `{scope}` (held by an API key, or by a staff "
                           "user's model permissions; `:write` includes `:read`).")
        return description.strip()

    def get_extensions(self):
        extensions = super().get_extensions() or {}
        scope = self._scope()
        if scope:
            extensions["x-required-scope"] = scope
        return extensions


def security_of(view, method: str, documented: list[dict]) -> list[dict]:
    """The security requirements of `method` on `view` (which reads credentials), by its permission classes."""
    classes = [permission.__class__ for permission in view.get_permissions()]
    admin = [{API_KEY: []}, {JWT: []}]  # an API key with the scope, or a staff user's Bearer token
    for permission_class in classes:  # an app's own permission class says what it accepts
        declared = getattr(permission_class, "openapi_security", None)
        if declared is not None:
            return declared
    if IsCustomer in classes:
        return [{JWT: []}]
    if IsAdminWithScope in classes:
        return admin
    if ReadAnyoneWriteAdmin in classes:
        # Anyone reads; an admin reads more (drafts, stock). Writes are the admin's.
        return [ANONYMOUS, *admin] if method in permissions.SAFE_METHODS else admin
    if AllowAny in classes:
        # Public; views that serve a signed-in customer differently (their own cart) set `customer_aware`.
        return [ANONYMOUS, {JWT: []}] if getattr(view, "customer_aware", False) else []
    return [requirement for requirement in documented if requirement]


def postprocess_component_names(result, generator, request, public):
    """Request bodies drop drf-spectacular's `Request` suffix unless a response component has the plain name
    (`CartItemCreateRequest` -> `CartItemCreate`, while `AddressRequest` stays beside `Address`)."""
    schemas = result.get("components", {}).get("schemas", {})
    renames = {}
    for name in schemas:
        plain = name.removesuffix("Request")
        if name.endswith("Request") and plain and plain not in schemas and plain not in renames.values():
            renames[name] = plain
    if not renames:
        return result
    result["components"]["schemas"] = dict(sorted((renames.get(name, name), body) for name, body in schemas.items()))
    prefix = "#/components/schemas/"

    def rename(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix):] in renames:
                node["$ref"] = prefix + renames[ref[len(prefix):]]
            for value in node.values():
                rename(value)
        elif isinstance(node, list):
            for value in node:
                rename(value)

    rename(result)
    return result


def _is_paginated(schema: dict) -> bool:
    ref = schema.get("$ref", "")
    return "/Paginated" in ref or {"data", "meta", "links"} <= set(schema.get("properties", {}))


# Creations whose new resource lives under another collection than the path that made it.
CREATED_ELSEWHERE = {
    "/api/v1/carts/{cart_id}/checkout/": "/api/v1/orders/",
    "/api/v1/products/{id}/variants/": "/api/v1/variants/",
    "/api/v1/products/{id}/media/": "/api/v1/media/",
}
LINKABLE_METHODS = ("get", "put", "patch", "delete", "post")


def postprocess_links(result, generator, request, public):
    """OpenAPI links from each creation's 201 to the operations on what it created (`POST /customers/addresses/`
    → `GET`/`PATCH`/`DELETE /customers/addresses/{id}/`, a checkout → its order's operations): clients see where
    the new `data.id` goes, and schemathesis' stateful fuzzing follows them (create → read → update → delete).
    A creation answering its parent (an item answers the cart, a refund the order) links nowhere new."""
    paths = result.get("paths", {})
    for path, item in paths.items():
        created = item.get("post", {}).get("responses", {}).get("201")
        base = CREATED_ELSEWHERE.get(path, path if "{" not in path else None)
        if created is None or base is None:
            continue
        links = {}
        for target, operations in paths.items():
            match = re.fullmatch(re.escape(base) + r"\{(\w+)\}/(?:[\w-]+/)?", target)
            for method in LINKABLE_METHODS if match else ():
                if method in operations:
                    operation_id = operations[method]["operationId"]
                    links[operation_id] = {"operationId": operation_id,
                                           "parameters": {match[1]: "$response.body#/data/id"}}
        if links:
            created["links"] = links
    return result
