from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScentProfileWrite")


@_attrs_define
class ScentProfileWrite:
    intensity: int | Unset = UNSET
    favorite_categories: list[str] | Unset = UNSET
    favorite_notes: list[int] | Unset = UNSET
    disliked_notes: list[int] | Unset = UNSET
    moods: list[str] | Unset = UNSET
    occasions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        intensity = self.intensity

        favorite_categories: list[str] | Unset = UNSET
        if not isinstance(self.favorite_categories, Unset):
            favorite_categories = self.favorite_categories

        favorite_notes: list[int] | Unset = UNSET
        if not isinstance(self.favorite_notes, Unset):
            favorite_notes = self.favorite_notes

        disliked_notes: list[int] | Unset = UNSET
        if not isinstance(self.disliked_notes, Unset):
            disliked_notes = self.disliked_notes

        moods: list[str] | Unset = UNSET
        if not isinstance(self.moods, Unset):
            moods = self.moods

        occasions: list[str] | Unset = UNSET
        if not isinstance(self.occasions, Unset):
            occasions = self.occasions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if intensity is not UNSET:
            field_dict["intensity"] = intensity
        if favorite_categories is not UNSET:
            field_dict["favorite_categories"] = favorite_categories
        if favorite_notes is not UNSET:
            field_dict["favorite_notes"] = favorite_notes
        if disliked_notes is not UNSET:
            field_dict["disliked_notes"] = disliked_notes
        if moods is not UNSET:
            field_dict["moods"] = moods
        if occasions is not UNSET:
            field_dict["occasions"] = occasions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        intensity = d.pop("intensity", UNSET)

        favorite_categories = cast(list[str], d.pop("favorite_categories", UNSET))

        favorite_notes = cast(list[int], d.pop("favorite_notes", UNSET))

        disliked_notes = cast(list[int], d.pop("disliked_notes", UNSET))

        moods = cast(list[str], d.pop("moods", UNSET))

        occasions = cast(list[str], d.pop("occasions", UNSET))

        scent_profile_write = cls(
            intensity=intensity,
            favorite_categories=favorite_categories,
            favorite_notes=favorite_notes,
            disliked_notes=disliked_notes,
            moods=moods,
            occasions=occasions,
        )

        scent_profile_write.additional_properties = d
        return scent_profile_write

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
