from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    id: int
    variant_id: int | None
    sku: str
    name: str
    quantity: int
    unit_price: str
    line_total: str
    blend: Any
    """ The custom blend as bought (composition, version, base); null otherwise. """
    product_id: int | None | Unset = UNSET
    product_name: str | Unset = UNSET
    variant_name: str | Unset = UNSET
    discount_total: str | Unset = UNSET
    quantity_fulfilled: int | Unset = UNSET
    quantity_refunded: int | Unset = UNSET
    is_made_to_order: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        variant_id: int | None
        variant_id = self.variant_id

        sku = self.sku

        name = self.name

        quantity = self.quantity

        unit_price = self.unit_price

        line_total = self.line_total

        blend = self.blend

        product_id: int | None | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        product_name = self.product_name

        variant_name = self.variant_name

        discount_total = self.discount_total

        quantity_fulfilled = self.quantity_fulfilled

        quantity_refunded = self.quantity_refunded

        is_made_to_order = self.is_made_to_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "variant_id": variant_id,
                "sku": sku,
                "name": name,
                "quantity": quantity,
                "unit_price": unit_price,
                "line_total": line_total,
                "blend": blend,
            }
        )
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if product_name is not UNSET:
            field_dict["product_name"] = product_name
        if variant_name is not UNSET:
            field_dict["variant_name"] = variant_name
        if discount_total is not UNSET:
            field_dict["discount_total"] = discount_total
        if quantity_fulfilled is not UNSET:
            field_dict["quantity_fulfilled"] = quantity_fulfilled
        if quantity_refunded is not UNSET:
            field_dict["quantity_refunded"] = quantity_refunded
        if is_made_to_order is not UNSET:
            field_dict["is_made_to_order"] = is_made_to_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_variant_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        variant_id = _parse_variant_id(d.pop("variant_id"))

        sku = d.pop("sku")

        name = d.pop("name")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        line_total = d.pop("line_total")

        blend = d.pop("blend")

        def _parse_product_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        product_name = d.pop("product_name", UNSET)

        variant_name = d.pop("variant_name", UNSET)

        discount_total = d.pop("discount_total", UNSET)

        quantity_fulfilled = d.pop("quantity_fulfilled", UNSET)

        quantity_refunded = d.pop("quantity_refunded", UNSET)

        is_made_to_order = d.pop("is_made_to_order", UNSET)

        order_line = cls(
            id=id,
            variant_id=variant_id,
            sku=sku,
            name=name,
            quantity=quantity,
            unit_price=unit_price,
            line_total=line_total,
            blend=blend,
            product_id=product_id,
            product_name=product_name,
            variant_name=variant_name,
            discount_total=discount_total,
            quantity_fulfilled=quantity_fulfilled,
            quantity_refunded=quantity_refunded,
            is_made_to_order=is_made_to_order,
        )

        order_line.additional_properties = d
        return order_line

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
