from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.starter_component import StarterComponent


T = TypeVar("T", bound="RecommendedBlend")


@_attrs_define
class RecommendedBlend:
    name: str
    components: list[StarterComponent]
    score: int
    """ 0–100 """
    reasons: list[str]
    moods: list[str]
    occasions: list[str]
    product_base_ids: list[int]
    """ Active bases of the product type it is compliant for. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        score = self.score

        reasons = self.reasons

        moods = self.moods

        occasions = self.occasions

        product_base_ids = self.product_base_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "components": components,
                "score": score,
                "reasons": reasons,
                "moods": moods,
                "occasions": occasions,
                "product_base_ids": product_base_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.starter_component import StarterComponent  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = StarterComponent.from_dict(components_item_data)

            components.append(components_item)

        score = d.pop("score")

        reasons = cast(list[str], d.pop("reasons"))

        moods = cast(list[str], d.pop("moods"))

        occasions = cast(list[str], d.pop("occasions"))

        product_base_ids = cast(list[int], d.pop("product_base_ids"))

        recommended_blend = cls(
            name=name,
            components=components,
            score=score,
            reasons=reasons,
            moods=moods,
            occasions=occasions,
            product_base_ids=product_base_ids,
        )

        recommended_blend.additional_properties = d
        return recommended_blend

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
