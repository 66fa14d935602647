"""Serializer fields shared by the apps."""

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from moodmnky.errors import ValidationFailedError
from moodmnky.money import store_currency


@extend_schema_field(OpenApiTypes.STR)
class CurrencyField(serializers.Field):
    """The store currency beside a price (read-only; the same for every row)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return store_currency()


def rule_checked(check: Callable[..., Any], value: Any, **kwargs) -> Any:
    """Apply a service's rule in a serializer's `validate_<field>`: its refusal becomes that field's error.

    The service applies the same rule again, so the API, the admin and commands cannot differ.
    """
    try:
        return check(value, **kwargs)
    except ValidationFailedError as exc:
        raise serializers.ValidationError(exc.message) from None
