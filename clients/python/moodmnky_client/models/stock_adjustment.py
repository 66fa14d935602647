from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_adjustment_reason_enum import StockAdjustmentReasonEnum, check_stock_adjustment_reason_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="StockAdjustment")


@_attrs_define
class StockAdjustment:
    variant_id: int
    delta: int
    reason: StockAdjustmentReasonEnum | Unset = "adjustment"
    """ * `adjustment` - adjustment
    * `receive` - receive
    * `return` - return
    * `damage` - damage """
    note: str | Unset = UNSET
    reference: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        delta = self.delta

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason

        note = self.note

        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant_id": variant_id,
                "delta": delta,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if note is not UNSET:
            field_dict["note"] = note
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        variant_id = d.pop("variant_id")

        delta = d.pop("delta")

        _reason = d.pop("reason", UNSET)
        reason: StockAdjustmentReasonEnum | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = check_stock_adjustment_reason_enum(_reason)

        note = d.pop("note", UNSET)

        reference = d.pop("reference", UNSET)

        stock_adjustment = cls(
            variant_id=variant_id,
            delta=delta,
            reason=reason,
            note=note,
            reference=reference,
        )

        stock_adjustment.additional_properties = d
        return stock_adjustment

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
