from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus, check_order_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedStatusUpdate")


@_attrs_define
class PatchedStatusUpdate:
    status: OrderStatus | Unset = UNSET
    note: str | Unset = ""
    notify_customer: bool | Unset = True
    carrier: str | Unset = ""
    tracking_number: str | Unset = ""
    tracking_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        note = self.note

        notify_customer = self.notify_customer

        carrier = self.carrier

        tracking_number = self.tracking_number

        tracking_url: str | Unset
        if isinstance(self.tracking_url, Unset):
            tracking_url = UNSET
        else:
            tracking_url = self.tracking_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if note is not UNSET:
            field_dict["note"] = note
        if notify_customer is not UNSET:
            field_dict["notify_customer"] = notify_customer
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_number is not UNSET:
            field_dict["tracking_number"] = tracking_number
        if tracking_url is not UNSET:
            field_dict["tracking_url"] = tracking_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: OrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_order_status(_status)

        note = d.pop("note", UNSET)

        notify_customer = d.pop("notify_customer", UNSET)

        carrier = d.pop("carrier", UNSET)

        tracking_number = d.pop("tracking_number", UNSET)

        def _parse_tracking_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        tracking_url = _parse_tracking_url(d.pop("tracking_url", UNSET))

        patched_status_update = cls(
            status=status,
            note=note,
            notify_customer=notify_customer,
            carrier=carrier,
            tracking_number=tracking_number,
            tracking_url=tracking_url,
        )

        patched_status_update.additional_properties = d
        return patched_status_update

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
