"""A choice field documented as one named enum component, wherever it is used."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers


class NamedChoiceField(serializers.ChoiceField):
    """ChoiceField whose OpenAPI enum is the component `enum_name` (no per-field enum naming)."""

    def __init__(self, *, enum_name: str, **kwargs):
        self.enum_name = enum_name
        super().__init__(**kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        component = ResolvedComponent(
            name=field.enum_name, type=ResolvedComponent.SCHEMA, object=field.enum_name,
            schema={"type": "string", "enum": [str(value) for value in field.choices]},
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref
