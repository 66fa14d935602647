from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.discount_type_enum import DiscountTypeEnum, check_discount_type_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DiscountWrite")


@_attrs_define
class DiscountWrite:
    code: str
    type_: DiscountTypeEnum
    description: str | Unset = UNSET
    value: str | Unset = UNSET
    minimum_subtotal: str | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    usage_limit: int | None | Unset = UNSET
    usage_limit_per_customer: int | None | Unset = UNSET
    product_ids: list[int] | Unset = UNSET
    category_ids: list[int] | Unset = UNSET
    combinable: bool | Unset = UNSET
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        type_: str = self.type_

        description = self.description

        value = self.value

        minimum_subtotal = self.minimum_subtotal

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        usage_limit: int | None | Unset
        if isinstance(self.usage_limit, Unset):
            usage_limit = UNSET
        else:
            usage_limit = self.usage_limit

        usage_limit_per_customer: int | None | Unset
        if isinstance(self.usage_limit_per_customer, Unset):
            usage_limit_per_customer = UNSET
        else:
            usage_limit_per_customer = self.usage_limit_per_customer

        product_ids: list[int] | Unset = UNSET
        if not isinstance(self.product_ids, Unset):
            product_ids = self.product_ids

        category_ids: list[int] | Unset = UNSET
        if not isinstance(self.category_ids, Unset):
            category_ids = self.category_ids

        combinable = self.combinable

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "type": type_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if value is not UNSET:
            field_dict["value"] = value
        if minimum_subtotal is not UNSET:
            field_dict["minimum_subtotal"] = minimum_subtotal
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if usage_limit is not UNSET:
            field_dict["usage_limit"] = usage_limit
        if usage_limit_per_customer is not UNSET:
            field_dict["usage_limit_per_customer"] = usage_limit_per_customer
        if product_ids is not UNSET:
            field_dict["product_ids"] = product_ids
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids
        if combinable is not UNSET:
            field_dict["combinable"] = combinable
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        type_ = check_discount_type_enum(d.pop("type"))

        description = d.pop("description", UNSET)

        value = d.pop("value", UNSET)

        minimum_subtotal = d.pop("minimum_subtotal", UNSET)

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_usage_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit", UNSET))

        def _parse_usage_limit_per_customer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_limit_per_customer = _parse_usage_limit_per_customer(d.pop("usage_limit_per_customer", UNSET))

        product_ids = cast(list[int], d.pop("product_ids", UNSET))

        category_ids = cast(list[int], d.pop("category_ids", UNSET))

        combinable = d.pop("combinable", UNSET)

        is_active = d.pop("is_active", UNSET)

        discount_write = cls(
            code=code,
            type_=type_,
            description=description,
            value=value,
            minimum_subtotal=minimum_subtotal,
            starts_at=starts_at,
            ends_at=ends_at,
            usage_limit=usage_limit,
            usage_limit_per_customer=usage_limit_per_customer,
            product_ids=product_ids,
            category_ids=category_ids,
            combinable=combinable,
            is_active=is_active,
        )

        discount_write.additional_properties = d
        return discount_write

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
