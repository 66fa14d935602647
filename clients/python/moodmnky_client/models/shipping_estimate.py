from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipping_method_enum import ShippingMethodEnum, check_shipping_method_enum

T = TypeVar("T", bound="ShippingEstimate")


@_attrs_define
class ShippingEstimate:
    method: ShippingMethodEnum
    carrier: str
    cost: str
    currency: str
    estimated_delivery_min: datetime.date
    estimated_delivery_max: datetime.date
    selected: bool
    """ The method the cart's shipping_total uses. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method: str = self.method

        carrier = self.carrier

        cost = self.cost

        currency = self.currency

        estimated_delivery_min = self.estimated_delivery_min.isoformat()

        estimated_delivery_max = self.estimated_delivery_max.isoformat()

        selected = self.selected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "carrier": carrier,
                "cost": cost,
                "currency": currency,
                "estimated_delivery_min": estimated_delivery_min,
                "estimated_delivery_max": estimated_delivery_max,
                "selected": selected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = check_shipping_method_enum(d.pop("method"))

        carrier = d.pop("carrier")

        cost = d.pop("cost")

        currency = d.pop("currency")

        estimated_delivery_min = datetime.date.fromisoformat(d.pop("estimated_delivery_min"))

        estimated_delivery_max = datetime.date.fromisoformat(d.pop("estimated_delivery_max"))

        selected = d.pop("selected")

        shipping_estimate = cls(
            method=method,
            carrier=carrier,
            cost=cost,
            currency=currency,
            estimated_delivery_min=estimated_delivery_min,
            estimated_delivery_max=estimated_delivery_max,
            selected=selected,
        )

        shipping_estimate.additional_properties = d
        return shipping_estimate

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
