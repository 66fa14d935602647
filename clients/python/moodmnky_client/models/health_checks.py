from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_status_enum import CheckStatusEnum, check_check_status_enum

T = TypeVar("T", bound="HealthChecks")


@_attrs_define
class HealthChecks:
    database: CheckStatusEnum
    """ * `ok` - ok
    * `down` - down """
    cache: CheckStatusEnum
    """ * `ok` - ok
    * `down` - down """
    tasks: CheckStatusEnum
    """ * `ok` - ok
    * `down` - down """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database: str = self.database

        cache: str = self.cache

        tasks: str = self.tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "cache": cache,
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        database = check_check_status_enum(d.pop("database"))

        cache = check_check_status_enum(d.pop("cache"))

        tasks = check_check_status_enum(d.pop("tasks"))

        health_checks = cls(
            database=database,
            cache=cache,
            tasks=tasks,
        )

        health_checks.additional_properties = d
        return health_checks

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
