from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.loyalty_transaction_type_enum import LoyaltyTransactionTypeEnum, check_loyalty_transaction_type_enum

T = TypeVar("T", bound="LoyaltyTransaction")


@_attrs_define
class LoyaltyTransaction:
    id: int
    type_: LoyaltyTransactionTypeEnum
    """ * `earn` - Earned
    * `reverse` - Reversed
    * `redeem` - Redeemed
    * `adjust` - Adjusted """
    points: int
    """ Signed: earnings are positive, reversals and redemptions negative. """
    description: str
    order_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str = self.type_

        points = self.points

        description = self.description

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "points": points,
                "description": description,
                "order_id": order_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_loyalty_transaction_type_enum(d.pop("type"))

        points = d.pop("points")

        description = d.pop("description")

        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        loyalty_transaction = cls(
            id=id,
            type_=type_,
            points=points,
            description=description,
            order_id=order_id,
            created_at=created_at,
        )

        loyalty_transaction.additional_properties = d
        return loyalty_transaction

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
