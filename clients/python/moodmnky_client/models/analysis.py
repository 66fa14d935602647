from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.family_share import FamilyShare
    from ..models.ifra_result import IfraResult
    from ..models.pyramid import Pyramid
    from ..models.warning import Warning_


T = TypeVar("T", bound="Analysis")


@_attrs_define
class Analysis:
    total_percentage: str
    pyramid: Pyramid
    families: list[FamilyShare]
    intensity: str
    """ 1–5, weighted by percentage. """
    warnings: list[Warning_]
    ifra: list[IfraResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_percentage = self.total_percentage

        pyramid = self.pyramid.to_dict()

        families = []
        for families_item_data in self.families:
            families_item = families_item_data.to_dict()
            families.append(families_item)

        intensity = self.intensity

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        ifra = []
        for ifra_item_data in self.ifra:
            ifra_item = ifra_item_data.to_dict()
            ifra.append(ifra_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_percentage": total_percentage,
                "pyramid": pyramid,
                "families": families,
                "intensity": intensity,
                "warnings": warnings,
                "ifra": ifra,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.family_share import FamilyShare  # noqa: PLC0415
        from ..models.ifra_result import IfraResult  # noqa: PLC0415
        from ..models.pyramid import Pyramid  # noqa: PLC0415
        from ..models.warning import Warning_  # noqa: PLC0415

        d = dict(src_dict)
        total_percentage = d.pop("total_percentage")

        pyramid = Pyramid.from_dict(d.pop("pyramid"))

        families = []
        _families = d.pop("families")
        for families_item_data in _families:
            families_item = FamilyShare.from_dict(families_item_data)

            families.append(families_item)

        intensity = d.pop("intensity")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = Warning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        ifra = []
        _ifra = d.pop("ifra")
        for ifra_item_data in _ifra:
            ifra_item = IfraResult.from_dict(ifra_item_data)

            ifra.append(ifra_item)

        analysis = cls(
            total_percentage=total_percentage,
            pyramid=pyramid,
            families=families,
            intensity=intensity,
            warnings=warnings,
            ifra=ifra,
        )

        analysis.additional_properties = d
        return analysis

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
