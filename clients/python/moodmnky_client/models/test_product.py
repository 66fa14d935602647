from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ifra_category_enum import IfraCategoryEnum, check_ifra_category_enum

if TYPE_CHECKING:
    from ..models.performance import Performance
    from ..models.violation import Violation
    from ..models.warning import Warning_


T = TypeVar("T", bound="TestProduct")


@_attrs_define
class TestProduct:
    product_base_id: int
    product_base_slug: str
    ifra_category: IfraCategoryEnum
    compliant: bool
    violations: list[Violation]
    warnings: list[Warning_]
    fragrance_load: str
    max_compliant_load: str
    estimated_performance: Performance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_base_id = self.product_base_id

        product_base_slug = self.product_base_slug

        ifra_category: str = self.ifra_category

        compliant = self.compliant

        violations = []
        for violations_item_data in self.violations:
            violations_item = violations_item_data.to_dict()
            violations.append(violations_item)

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        fragrance_load = self.fragrance_load

        max_compliant_load = self.max_compliant_load

        estimated_performance = self.estimated_performance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_base_id": product_base_id,
                "product_base_slug": product_base_slug,
                "ifra_category": ifra_category,
                "compliant": compliant,
                "violations": violations,
                "warnings": warnings,
                "fragrance_load": fragrance_load,
                "max_compliant_load": max_compliant_load,
                "estimated_performance": estimated_performance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.performance import Performance  # noqa: PLC0415
        from ..models.violation import Violation  # noqa: PLC0415
        from ..models.warning import Warning_  # noqa: PLC0415

        d = dict(src_dict)
        product_base_id = d.pop("product_base_id")

        product_base_slug = d.pop("product_base_slug")

        ifra_category = check_ifra_category_enum(d.pop("ifra_category"))

        compliant = d.pop("compliant")

        violations = []
        _violations = d.pop("violations")
        for violations_item_data in _violations:
            violations_item = Violation.from_dict(violations_item_data)

            violations.append(violations_item)

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = Warning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        fragrance_load = d.pop("fragrance_load")

        max_compliant_load = d.pop("max_compliant_load")

        estimated_performance = Performance.from_dict(d.pop("estimated_performance"))

        test_product = cls(
            product_base_id=product_base_id,
            product_base_slug=product_base_slug,
            ifra_category=ifra_category,
            compliant=compliant,
            violations=violations,
            warnings=warnings,
            fragrance_load=fragrance_load,
            max_compliant_load=max_compliant_load,
            estimated_performance=estimated_performance,
        )

        test_product.additional_properties = d
        return test_product

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
