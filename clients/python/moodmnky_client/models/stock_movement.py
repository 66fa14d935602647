from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_movement_reason_enum import StockMovementReasonEnum, check_stock_movement_reason_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="StockMovement")


@_attrs_define
class StockMovement:
    id: int
    variant_id: int | None
    sku: str
    delta: int
    quantity_after: int
    reason: StockMovementReasonEnum
    """ * `sale` - Sale
    * `cancel` - Cancel
    * `refund` - Refund
    * `adjustment` - Adjustment
    * `receive` - Receive
    * `return` - Return
    * `damage` - Damage """
    actor: str
    note: str | Unset = UNSET
    reference: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        variant_id: int | None
        variant_id = self.variant_id

        sku = self.sku

        delta = self.delta

        quantity_after = self.quantity_after

        reason: str = self.reason

        actor = self.actor

        note = self.note

        reference = self.reference

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "variant_id": variant_id,
                "sku": sku,
                "delta": delta,
                "quantity_after": quantity_after,
                "reason": reason,
                "actor": actor,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if reference is not UNSET:
            field_dict["reference"] = reference
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

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

        delta = d.pop("delta")

        quantity_after = d.pop("quantity_after")

        reason = check_stock_movement_reason_enum(d.pop("reason"))

        actor = d.pop("actor")

        note = d.pop("note", UNSET)

        reference = d.pop("reference", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        stock_movement = cls(
            id=id,
            variant_id=variant_id,
            sku=sku,
            delta=delta,
            quantity_after=quantity_after,
            reason=reason,
            actor=actor,
            note=note,
            reference=reference,
            created_at=created_at,
        )

        stock_movement.additional_properties = d
        return stock_movement

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
