from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.recommended_blend import RecommendedBlend
    from ..models.recommended_note import RecommendedNote


T = TypeVar("T", bound="Recommendations")


@_attrs_define
class Recommendations:
    notes: list[RecommendedNote]
    blends: list[RecommendedBlend]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notes = []
        for notes_item_data in self.notes:
            notes_item = notes_item_data.to_dict()
            notes.append(notes_item)

        blends = []
        for blends_item_data in self.blends:
            blends_item = blends_item_data.to_dict()
            blends.append(blends_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notes": notes,
                "blends": blends,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recommended_blend import RecommendedBlend  # noqa: PLC0415
        from ..models.recommended_note import RecommendedNote  # noqa: PLC0415

        d = dict(src_dict)
        notes = []
        _notes = d.pop("notes")
        for notes_item_data in _notes:
            notes_item = RecommendedNote.from_dict(notes_item_data)

            notes.append(notes_item)

        blends = []
        _blends = d.pop("blends")
        for blends_item_data in _blends:
            blends_item = RecommendedBlend.from_dict(blends_item_data)

            blends.append(blends_item)

        recommendations = cls(
            notes=notes,
            blends=blends,
        )

        recommendations.additional_properties = d
        return recommendations

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
