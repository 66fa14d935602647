from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipping_method_enum import ShippingMethodEnum, check_shipping_method_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedCartUpdate")


@_attrs_define
class PatchedCartUpdate:
    email: str | Unset = UNSET
    note: str | Unset = UNSET
    shipping_method: ShippingMethodEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        note = self.note

        shipping_method: str | Unset = UNSET
        if not isinstance(self.shipping_method, Unset):
            shipping_method = self.shipping_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if note is not UNSET:
            field_dict["note"] = note
        if shipping_method is not UNSET:
            field_dict["shipping_method"] = shipping_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        note = d.pop("note", UNSET)

        _shipping_method = d.pop("shipping_method", UNSET)
        shipping_method: ShippingMethodEnum | Unset
        if isinstance(_shipping_method, Unset):
            shipping_method = UNSET
        else:
            shipping_method = check_shipping_method_enum(_shipping_method)

        patched_cart_update = cls(
            email=email,
            note=note,
            shipping_method=shipping_method,
        )

        patched_cart_update.additional_properties = d
        return patched_cart_update

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
