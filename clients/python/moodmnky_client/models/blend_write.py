from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.component_input import ComponentInput


T = TypeVar("T", bound="BlendWrite")


@_attrs_define
class BlendWrite:
    name: str
    components: list[ComponentInput]
    """ 1–10 notes, percentages summing to exactly 100. """
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "components": components,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_input import ComponentInput  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = ComponentInput.from_dict(components_item_data)

            components.append(components_item)

        description = d.pop("description", UNSET)

        blend_write = cls(
            name=name,
            components=components,
            description=description,
        )

        blend_write.additional_properties = d
        return blend_write

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
