from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InventoryItem")


@_attrs_define
class InventoryItem:
    variant_id: int
    sku: str
    product_id: int
    product_name: str
    variant_name: str
    in_stock: bool
    is_low_stock: bool
    updated_at: datetime.datetime
    quantity: int | Unset = UNSET
    low_stock_threshold: int | Unset = UNSET
    track_inventory: bool | Unset = UNSET
    allow_backorder: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        sku = self.sku

        product_id = self.product_id

        product_name = self.product_name

        variant_name = self.variant_name

        in_stock = self.in_stock

        is_low_stock = self.is_low_stock

        updated_at = self.updated_at.isoformat()

        quantity = self.quantity

        low_stock_threshold = self.low_stock_threshold

        track_inventory = self.track_inventory

        allow_backorder = self.allow_backorder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant_id": variant_id,
                "sku": sku,
                "product_id": product_id,
                "product_name": product_name,
                "variant_name": variant_name,
                "in_stock": in_stock,
                "is_low_stock": is_low_stock,
                "updated_at": updated_at,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if low_stock_threshold is not UNSET:
            field_dict["low_stock_threshold"] = low_stock_threshold
        if track_inventory is not UNSET:
            field_dict["track_inventory"] = track_inventory
        if allow_backorder is not UNSET:
            field_dict["allow_backorder"] = allow_backorder

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        variant_id = d.pop("variant_id")

        sku = d.pop("sku")

        product_id = d.pop("product_id")

        product_name = d.pop("product_name")

        variant_name = d.pop("variant_name")

        in_stock = d.pop("in_stock")

        is_low_stock = d.pop("is_low_stock")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        quantity = d.pop("quantity", UNSET)

        low_stock_threshold = d.pop("low_stock_threshold", UNSET)

        track_inventory = d.pop("track_inventory", UNSET)

        allow_backorder = d.pop("allow_backorder", UNSET)

        inventory_item = cls(
            variant_id=variant_id,
            sku=sku,
            product_id=product_id,
            product_name=product_name,
            variant_name=variant_name,
            in_stock=in_stock,
            is_low_stock=is_low_stock,
            updated_at=updated_at,
            quantity=quantity,
            low_stock_threshold=low_stock_threshold,
            track_inventory=track_inventory,
            allow_backorder=allow_backorder,
        )

        inventory_item.additional_properties = d
        return inventory_item

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
