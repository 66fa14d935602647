from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_event_type_enum import OrderEventTypeEnum, check_order_event_type_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderEvent")


@_attrs_define
class OrderEvent:
    id: int
    type_: OrderEventTypeEnum
    """ * `created` - Created
    * `confirmed` - Confirmed
    * `paid` - Paid
    * `processing` - Processing
    * `fulfilled` - Fulfilled
    * `shipped` - Shipped
    * `delivered` - Delivered
    * `cancelled` - Cancelled
    * `refunded` - Refunded
    * `note` - Note """
    created_at: datetime.datetime
    from_status: str | Unset = UNSET
    to_status: str | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str = self.type_

        created_at = self.created_at.isoformat()

        from_status = self.from_status

        to_status = self.to_status

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
            }
        )
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if to_status is not UNSET:
            field_dict["to_status"] = to_status
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_order_event_type_enum(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        from_status = d.pop("from_status", UNSET)

        to_status = d.pop("to_status", UNSET)

        note = d.pop("note", UNSET)

        order_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            from_status=from_status,
            to_status=to_status,
            note=note,
        )

        order_event.additional_properties = d
        return order_event

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
