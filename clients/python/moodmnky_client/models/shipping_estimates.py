from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.shipping_estimate import ShippingEstimate


T = TypeVar("T", bound="ShippingEstimates")


@_attrs_define
class ShippingEstimates:
    estimates: list[ShippingEstimate]
    free_shipping_threshold: str
    amount_to_free_shipping: str
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimates = []
        for estimates_item_data in self.estimates:
            estimates_item = estimates_item_data.to_dict()
            estimates.append(estimates_item)

        free_shipping_threshold = self.free_shipping_threshold

        amount_to_free_shipping = self.amount_to_free_shipping

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimates": estimates,
                "free_shipping_threshold": free_shipping_threshold,
                "amount_to_free_shipping": amount_to_free_shipping,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shipping_estimate import ShippingEstimate  # noqa: PLC0415

        d = dict(src_dict)
        estimates = []
        _estimates = d.pop("estimates")
        for estimates_item_data in _estimates:
            estimates_item = ShippingEstimate.from_dict(estimates_item_data)

            estimates.append(estimates_item)

        free_shipping_threshold = d.pop("free_shipping_threshold")

        amount_to_free_shipping = d.pop("amount_to_free_shipping")

        currency = d.pop("currency")

        shipping_estimates = cls(
            estimates=estimates,
            free_shipping_threshold=free_shipping_threshold,
            amount_to_free_shipping=amount_to_free_shipping,
            currency=currency,
        )

        shipping_estimates.additional_properties = d
        return shipping_estimates

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
