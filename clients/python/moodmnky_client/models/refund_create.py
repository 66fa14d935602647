from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.refund_line_input import RefundLineInput


T = TypeVar("T", bound="RefundCreate")


@_attrs_define
class RefundCreate:
    amount: str
    reason: str | Unset = ""
    lines: list[RefundLineInput] | Unset = UNSET
    notify_customer: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        reason = self.reason

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        notify_customer = self.notify_customer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if lines is not UNSET:
            field_dict["lines"] = lines
        if notify_customer is not UNSET:
            field_dict["notify_customer"] = notify_customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.refund_line_input import RefundLineInput  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        reason = d.pop("reason", UNSET)

        _lines = d.pop("lines", UNSET)
        lines: list[RefundLineInput] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = RefundLineInput.from_dict(lines_item_data)

                lines.append(lines_item)

        notify_customer = d.pop("notify_customer", UNSET)

        refund_create = cls(
            amount=amount,
            reason=reason,
            lines=lines,
            notify_customer=notify_customer,
        )

        refund_create.additional_properties = d
        return refund_create

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
