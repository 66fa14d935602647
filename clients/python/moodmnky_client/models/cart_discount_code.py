from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.discount_type_enum import DiscountTypeEnum, check_discount_type_enum

T = TypeVar("T", bound="CartDiscountCode")


@_attrs_define
class CartDiscountCode:
    code: str
    type_: DiscountTypeEnum
    amount: str
    """ What the code saves now; for free shipping, the shipping it waives. """
    applicable: bool
    """ False when it saves nothing now (e.g. below its minimum). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        type_: str = self.type_

        amount = self.amount

        applicable = self.applicable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "type": type_,
                "amount": amount,
                "applicable": applicable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        type_ = check_discount_type_enum(d.pop("type"))

        amount = d.pop("amount")

        applicable = d.pop("applicable")

        cart_discount_code = cls(
            code=code,
            type_=type_,
            amount=amount,
            applicable=applicable,
        )

        cart_discount_code.additional_properties = d
        return cart_discount_code

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
