from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ifra_category_enum import IfraCategoryEnum, check_ifra_category_enum

T = TypeVar("T", bound="IfraLimit")


@_attrs_define
class IfraLimit:
    ifra_category: IfraCategoryEnum
    limit: str
    amendment: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ifra_category: str = self.ifra_category

        limit = self.limit

        amendment = self.amendment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ifra_category": ifra_category,
                "limit": limit,
                "amendment": amendment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ifra_category = check_ifra_category_enum(d.pop("ifra_category"))

        limit = d.pop("limit")

        amendment = d.pop("amendment")

        ifra_limit = cls(
            ifra_category=ifra_category,
            limit=limit,
            amendment=amendment,
        )

        ifra_limit.additional_properties = d
        return ifra_limit

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
