from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScentProfile")


@_attrs_define
class ScentProfile:
    intensity: int
    favorite_categories: list[str]
    favorite_notes: list[int]
    disliked_notes: list[int]
    moods: list[str]
    occasions: list[str]
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        intensity = self.intensity

        favorite_categories = self.favorite_categories

        favorite_notes = self.favorite_notes

        disliked_notes = self.disliked_notes

        moods = self.moods

        occasions = self.occasions

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "intensity": intensity,
                "favorite_categories": favorite_categories,
                "favorite_notes": favorite_notes,
                "disliked_notes": disliked_notes,
                "moods": moods,
                "occasions": occasions,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        intensity = d.pop("intensity")

        favorite_categories = cast(list[str], d.pop("favorite_categories"))

        favorite_notes = cast(list[int], d.pop("favorite_notes"))

        disliked_notes = cast(list[int], d.pop("disliked_notes"))

        moods = cast(list[str], d.pop("moods"))

        occasions = cast(list[str], d.pop("occasions"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        scent_profile = cls(
            intensity=intensity,
            favorite_categories=favorite_categories,
            favorite_notes=favorite_notes,
            disliked_notes=disliked_notes,
            moods=moods,
            occasions=occasions,
            updated_at=updated_at,
        )

        scent_profile.additional_properties = d
        return scent_profile

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
