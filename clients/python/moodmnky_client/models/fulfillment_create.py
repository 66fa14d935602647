from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fulfillment_line_input import FulfillmentLineInput


T = TypeVar("T", bound="FulfillmentCreate")


@_attrs_define
class FulfillmentCreate:
    lines: list[FulfillmentLineInput] | Unset = UNSET
    """ Omitted: everything not yet fulfilled. """
    carrier: str | Unset = ""
    tracking_number: str | Unset = ""
    tracking_url: str | Unset = UNSET
    notify_customer: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        carrier = self.carrier

        tracking_number = self.tracking_number

        tracking_url: str | Unset
        if isinstance(self.tracking_url, Unset):
            tracking_url = UNSET
        else:
            tracking_url = self.tracking_url

        notify_customer = self.notify_customer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lines is not UNSET:
            field_dict["lines"] = lines
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_number is not UNSET:
            field_dict["tracking_number"] = tracking_number
        if tracking_url is not UNSET:
            field_dict["tracking_url"] = tracking_url
        if notify_customer is not UNSET:
            field_dict["notify_customer"] = notify_customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fulfillment_line_input import FulfillmentLineInput  # noqa: PLC0415

        d = dict(src_dict)
        _lines = d.pop("lines", UNSET)
        lines: list[FulfillmentLineInput] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = FulfillmentLineInput.from_dict(lines_item_data)

                lines.append(lines_item)

        carrier = d.pop("carrier", UNSET)

        tracking_number = d.pop("tracking_number", UNSET)

        def _parse_tracking_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        tracking_url = _parse_tracking_url(d.pop("tracking_url", UNSET))

        notify_customer = d.pop("notify_customer", UNSET)

        fulfillment_create = cls(
            lines=lines,
            carrier=carrier,
            tracking_number=tracking_number,
            tracking_url=tracking_url,
            notify_customer=notify_customer,
        )

        fulfillment_create.additional_properties = d
        return fulfillment_create

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
