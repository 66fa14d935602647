from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CartItemCreate")


@_attrs_define
class CartItemCreate:
    variant_id: int | Unset = UNSET
    blend_id: UUID | Unset = UNSET
    product_base_id: int | Unset = UNSET
    quantity: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        blend_id: str | Unset = UNSET
        if not isinstance(self.blend_id, Unset):
            blend_id = str(self.blend_id)

        product_base_id = self.product_base_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if variant_id is not UNSET:
            field_dict["variant_id"] = variant_id
        if blend_id is not UNSET:
            field_dict["blend_id"] = blend_id
        if product_base_id is not UNSET:
            field_dict["product_base_id"] = product_base_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        variant_id = d.pop("variant_id", UNSET)

        _blend_id = d.pop("blend_id", UNSET)
        blend_id: UUID | Unset
        if isinstance(_blend_id, Unset):
            blend_id = UNSET
        else:
            blend_id = UUID(_blend_id)

        product_base_id = d.pop("product_base_id", UNSET)

        quantity = d.pop("quantity", UNSET)

        cart_item_create = cls(
            variant_id=variant_id,
            blend_id=blend_id,
            product_base_id=product_base_id,
            quantity=quantity,
        )

        cart_item_create.additional_properties = d
        return cart_item_create

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
