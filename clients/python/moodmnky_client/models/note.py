from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.volatility_enum import VolatilityEnum, check_volatility_enum

if TYPE_CHECKING:
    from ..models.ifra_limit import IfraLimit
    from ..models.note_ifra_limits import NoteIfraLimits


T = TypeVar("T", bound="Note")


@_attrs_define
class Note:
    """A blendable fragrance oil; `ifra_limits` maps an IFRA category to the most percent allowed in the
    finished product (a category absent means no limit).

    """

    id: int
    slug: str
    name: str
    description: str
    category: str
    volatility: VolatilityEnum
    intensity: int
    moods: Any
    complementary_notes: list[int]
    ifra_limits: NoteIfraLimits
    ifra_limit_details: list[IfraLimit]
    allergens: str
    """ Allergen declaration as the supplier publishes it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        name = self.name

        description = self.description

        category = self.category

        volatility: str = self.volatility

        intensity = self.intensity

        moods = self.moods

        complementary_notes = self.complementary_notes

        ifra_limits = self.ifra_limits.to_dict()

        ifra_limit_details = []
        for ifra_limit_details_item_data in self.ifra_limit_details:
            ifra_limit_details_item = ifra_limit_details_item_data.to_dict()
            ifra_limit_details.append(ifra_limit_details_item)

        allergens = self.allergens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "description": description,
                "category": category,
                "volatility": volatility,
                "intensity": intensity,
                "moods": moods,
                "complementary_notes": complementary_notes,
                "ifra_limits": ifra_limits,
                "ifra_limit_details": ifra_limit_details,
                "allergens": allergens,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ifra_limit import IfraLimit  # noqa: PLC0415
        from ..models.note_ifra_limits import NoteIfraLimits  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        slug = d.pop("slug")

        name = d.pop("name")

        description = d.pop("description")

        category = d.pop("category")

        volatility = check_volatility_enum(d.pop("volatility"))

        intensity = d.pop("intensity")

        moods = d.pop("moods")

        complementary_notes = cast(list[int], d.pop("complementary_notes"))

        ifra_limits = NoteIfraLimits.from_dict(d.pop("ifra_limits"))

        ifra_limit_details = []
        _ifra_limit_details = d.pop("ifra_limit_details")
        for ifra_limit_details_item_data in _ifra_limit_details:
            ifra_limit_details_item = IfraLimit.from_dict(ifra_limit_details_item_data)

            ifra_limit_details.append(ifra_limit_details_item)

        allergens = d.pop("allergens")

        note = cls(
            id=id,
            slug=slug,
            name=name,
            description=description,
            category=category,
            volatility=volatility,
            intensity=intensity,
            moods=moods,
            complementary_notes=complementary_notes,
            ifra_limits=ifra_limits,
            ifra_limit_details=ifra_limit_details,
            allergens=allergens,
        )

        note.additional_properties = d
        return note

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
