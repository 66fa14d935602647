from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.formulation_line import FormulationLine
    from ..models.ifra_result import IfraResult


T = TypeVar("T", bound="Formulation")


@_attrs_define
class Formulation:
    blend_id: UUID
    blend_version: int
    product_base_id: int
    quantity: int
    total_grams: str
    fragrance_grams: str
    carrier_grams: str
    carrier_name: str
    components: list[FormulationLine]
    cost: str
    """ The fragrance oils at their cost per gram. """
    unit_price: str
    price: str
    """ unit_price × quantity. """
    currency: str
    cure_days: int
    ifra: IfraResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blend_id = str(self.blend_id)

        blend_version = self.blend_version

        product_base_id = self.product_base_id

        quantity = self.quantity

        total_grams = self.total_grams

        fragrance_grams = self.fragrance_grams

        carrier_grams = self.carrier_grams

        carrier_name = self.carrier_name

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        cost = self.cost

        unit_price = self.unit_price

        price = self.price

        currency = self.currency

        cure_days = self.cure_days

        ifra = self.ifra.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blend_id": blend_id,
                "blend_version": blend_version,
                "product_base_id": product_base_id,
                "quantity": quantity,
                "total_grams": total_grams,
                "fragrance_grams": fragrance_grams,
                "carrier_grams": carrier_grams,
                "carrier_name": carrier_name,
                "components": components,
                "cost": cost,
                "unit_price": unit_price,
                "price": price,
                "currency": currency,
                "cure_days": cure_days,
                "ifra": ifra,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.formulation_line import FormulationLine  # noqa: PLC0415
        from ..models.ifra_result import IfraResult  # noqa: PLC0415

        d = dict(src_dict)
        blend_id = UUID(d.pop("blend_id"))

        blend_version = d.pop("blend_version")

        product_base_id = d.pop("product_base_id")

        quantity = d.pop("quantity")

        total_grams = d.pop("total_grams")

        fragrance_grams = d.pop("fragrance_grams")

        carrier_grams = d.pop("carrier_grams")

        carrier_name = d.pop("carrier_name")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = FormulationLine.from_dict(components_item_data)

            components.append(components_item)

        cost = d.pop("cost")

        unit_price = d.pop("unit_price")

        price = d.pop("price")

        currency = d.pop("currency")

        cure_days = d.pop("cure_days")

        ifra = IfraResult.from_dict(d.pop("ifra"))

        formulation = cls(
            blend_id=blend_id,
            blend_version=blend_version,
            product_base_id=product_base_id,
            quantity=quantity,
            total_grams=total_grams,
            fragrance_grams=fragrance_grams,
            carrier_grams=carrier_grams,
            carrier_name=carrier_name,
            components=components,
            cost=cost,
            unit_price=unit_price,
            price=price,
            currency=currency,
            cure_days=cure_days,
            ifra=ifra,
        )

        formulation.additional_properties = d
        return formulation

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
