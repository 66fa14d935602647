from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FragranceCategory")


@_attrs_define
class FragranceCategory:
    id: int
    slug: str
    name: str
    group: str
    """ Floral, Amber, Woody or Fresh. """
    description: str
    position: int
    """ Order on the wheel (1 = Floral). """
    moods: Any
    complementary_categories: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        name = self.name

        group = self.group

        description = self.description

        position = self.position

        moods = self.moods

        complementary_categories = self.complementary_categories

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "group": group,
                "description": description,
                "position": position,
                "moods": moods,
                "complementary_categories": complementary_categories,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        slug = d.pop("slug")

        name = d.pop("name")

        group = d.pop("group")

        description = d.pop("description")

        position = d.pop("position")

        moods = d.pop("moods")

        complementary_categories = cast(list[str], d.pop("complementary_categories"))

        fragrance_category = cls(
            id=id,
            slug=slug,
            name=name,
            group=group,
            description=description,
            position=position,
            moods=moods,
            complementary_categories=complementary_categories,
        )

        fragrance_category.additional_properties = d
        return fragrance_category

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
