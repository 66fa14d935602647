from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminVariant")


@_attrs_define
class AdminVariant:
    """Adds the stock fields for admin callers (products:read or staff)."""

    id: int
    product_id: int
    sku: str
    name: str
    price: str
    currency: str
    in_stock: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    options: Any | Unset = UNSET
    compare_at_price: None | str | Unset = UNSET
    weight_grams: None | str | Unset = UNSET
    position: int | Unset = UNSET
    quantity: int | Unset = UNSET
    track_inventory: bool | Unset = UNSET
    allow_backorder: bool | Unset = UNSET
    low_stock_threshold: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        product_id = self.product_id

        sku = self.sku

        name = self.name

        price = self.price

        currency = self.currency

        in_stock = self.in_stock

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        options = self.options

        compare_at_price: None | str | Unset
        if isinstance(self.compare_at_price, Unset):
            compare_at_price = UNSET
        else:
            compare_at_price = self.compare_at_price

        weight_grams: None | str | Unset
        if isinstance(self.weight_grams, Unset):
            weight_grams = UNSET
        else:
            weight_grams = self.weight_grams

        position = self.position

        quantity = self.quantity

        track_inventory = self.track_inventory

        allow_backorder = self.allow_backorder

        low_stock_threshold = self.low_stock_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "product_id": product_id,
                "sku": sku,
                "name": name,
                "price": price,
                "currency": currency,
                "in_stock": in_stock,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if compare_at_price is not UNSET:
            field_dict["compare_at_price"] = compare_at_price
        if weight_grams is not UNSET:
            field_dict["weight_grams"] = weight_grams
        if position is not UNSET:
            field_dict["position"] = position
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if track_inventory is not UNSET:
            field_dict["track_inventory"] = track_inventory
        if allow_backorder is not UNSET:
            field_dict["allow_backorder"] = allow_backorder
        if low_stock_threshold is not UNSET:
            field_dict["low_stock_threshold"] = low_stock_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        product_id = d.pop("product_id")

        sku = d.pop("sku")

        name = d.pop("name")

        price = d.pop("price")

        currency = d.pop("currency")

        in_stock = d.pop("in_stock")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        options = d.pop("options", UNSET)

        def _parse_compare_at_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price", UNSET))

        def _parse_weight_grams(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        weight_grams = _parse_weight_grams(d.pop("weight_grams", UNSET))

        position = d.pop("position", UNSET)

        quantity = d.pop("quantity", UNSET)

        track_inventory = d.pop("track_inventory", UNSET)

        allow_backorder = d.pop("allow_backorder", UNSET)

        low_stock_threshold = d.pop("low_stock_threshold", UNSET)

        admin_variant = cls(
            id=id,
            product_id=product_id,
            sku=sku,
            name=name,
            price=price,
            currency=currency,
            in_stock=in_stock,
            created_at=created_at,
            updated_at=updated_at,
            options=options,
            compare_at_price=compare_at_price,
            weight_grams=weight_grams,
            position=position,
            quantity=quantity,
            track_inventory=track_inventory,
            allow_backorder=allow_backorder,
            low_stock_threshold=low_stock_threshold,
        )

        admin_variant.additional_properties = d
        return admin_variant

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
