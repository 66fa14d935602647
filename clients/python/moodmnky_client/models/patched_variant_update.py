from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.patched_variant_update_options import PatchedVariantUpdateOptions


T = TypeVar("T", bound="PatchedVariantUpdate")


@_attrs_define
class PatchedVariantUpdate:
    """PATCH /variants/{id}/: any variant field except `quantity` (stock moves through the ledger)."""

    sku: str | Unset = UNSET
    name: str | Unset = UNSET
    options: PatchedVariantUpdateOptions | Unset = UNSET
    price: str | Unset = UNSET
    compare_at_price: None | str | Unset = UNSET
    weight_grams: None | str | Unset = UNSET
    quantity: int | Unset = UNSET
    """ Opening stock, recorded as a `receive` movement. """
    track_inventory: bool | Unset = UNSET
    allow_backorder: bool | Unset = UNSET
    low_stock_threshold: int | Unset = UNSET
    position: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        name = self.name

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        price = self.price

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

        quantity = self.quantity

        track_inventory = self.track_inventory

        allow_backorder = self.allow_backorder

        low_stock_threshold = self.low_stock_threshold

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sku is not UNSET:
            field_dict["sku"] = sku
        if name is not UNSET:
            field_dict["name"] = name
        if options is not UNSET:
            field_dict["options"] = options
        if price is not UNSET:
            field_dict["price"] = price
        if compare_at_price is not UNSET:
            field_dict["compare_at_price"] = compare_at_price
        if weight_grams is not UNSET:
            field_dict["weight_grams"] = weight_grams
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if track_inventory is not UNSET:
            field_dict["track_inventory"] = track_inventory
        if allow_backorder is not UNSET:
            field_dict["allow_backorder"] = allow_backorder
        if low_stock_threshold is not UNSET:
            field_dict["low_stock_threshold"] = low_stock_threshold
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.patched_variant_update_options import PatchedVariantUpdateOptions  # noqa: PLC0415

        d = dict(src_dict)
        sku = d.pop("sku", UNSET)

        name = d.pop("name", UNSET)

        _options = d.pop("options", UNSET)
        options: PatchedVariantUpdateOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = PatchedVariantUpdateOptions.from_dict(_options)

        price = d.pop("price", UNSET)

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

        quantity = d.pop("quantity", UNSET)

        track_inventory = d.pop("track_inventory", UNSET)

        allow_backorder = d.pop("allow_backorder", UNSET)

        low_stock_threshold = d.pop("low_stock_threshold", UNSET)

        position = d.pop("position", UNSET)

        patched_variant_update = cls(
            sku=sku,
            name=name,
            options=options,
            price=price,
            compare_at_price=compare_at_price,
            weight_grams=weight_grams,
            quantity=quantity,
            track_inventory=track_inventory,
            allow_backorder=allow_backorder,
            low_stock_threshold=low_stock_threshold,
            position=position,
        )

        patched_variant_update.additional_properties = d
        return patched_variant_update

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
