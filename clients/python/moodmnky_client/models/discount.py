from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.discount_state_enum import DiscountStateEnum, check_discount_state_enum
from ..models.discount_type_enum import DiscountTypeEnum, check_discount_type_enum

T = TypeVar("T", bound="Discount")


@_attrs_define
class Discount:
    """A discount code as staff see it."""

    id: int
    code: str
    """ Case-insensitive; shoppers may type it in any case. """
    description: str
    type_: DiscountTypeEnum
    value: str
    """ Percent (0–100) or an amount; ignored for free shipping. """
    minimum_subtotal: str
    currency: str
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    usage_limit: int | None
    """ Total uses; empty = unlimited. """
    usage_limit_per_customer: int | None
    times_used: int
    product_ids: list[int]
    category_ids: list[int]
    combinable: bool
    """ May be used together with other combinable codes. """
    is_active: bool
    state: DiscountStateEnum
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        description = self.description

        type_: str = self.type_

        value = self.value

        minimum_subtotal = self.minimum_subtotal

        currency = self.currency

        starts_at: None | str
        if isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        usage_limit: int | None
        usage_limit = self.usage_limit

        usage_limit_per_customer: int | None
        usage_limit_per_customer = self.usage_limit_per_customer

        times_used = self.times_used

        product_ids = self.product_ids

        category_ids = self.category_ids

        combinable = self.combinable

        is_active = self.is_active

        state: str = self.state

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "description": description,
                "type": type_,
                "value": value,
                "minimum_subtotal": minimum_subtotal,
                "currency": currency,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "usage_limit": usage_limit,
                "usage_limit_per_customer": usage_limit_per_customer,
                "times_used": times_used,
                "product_ids": product_ids,
                "category_ids": category_ids,
                "combinable": combinable,
                "is_active": is_active,
                "state": state,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        description = d.pop("description")

        type_ = check_discount_type_enum(d.pop("type"))

        value = d.pop("value")

        minimum_subtotal = d.pop("minimum_subtotal")

        currency = d.pop("currency")

        def _parse_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        starts_at = _parse_starts_at(d.pop("starts_at"))

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        def _parse_usage_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit"))

        def _parse_usage_limit_per_customer(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        usage_limit_per_customer = _parse_usage_limit_per_customer(d.pop("usage_limit_per_customer"))

        times_used = d.pop("times_used")

        product_ids = cast(list[int], d.pop("product_ids"))

        category_ids = cast(list[int], d.pop("category_ids"))

        combinable = d.pop("combinable")

        is_active = d.pop("is_active")

        state = check_discount_state_enum(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        discount = cls(
            id=id,
            code=code,
            description=description,
            type_=type_,
            value=value,
            minimum_subtotal=minimum_subtotal,
            currency=currency,
            starts_at=starts_at,
            ends_at=ends_at,
            usage_limit=usage_limit,
            usage_limit_per_customer=usage_limit_per_customer,
            times_used=times_used,
            product_ids=product_ids,
            category_ids=category_ids,
            combinable=combinable,
            is_active=is_active,
            state=state,
            created_at=created_at,
            updated_at=updated_at,
        )

        discount.additional_properties = d
        return discount

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
