from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderStats")


@_attrs_define
class OrderStats:
    total_orders: int
    total_spent: str
    average_order_value: str
    last_order_date: datetime.datetime | None
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_orders = self.total_orders

        total_spent = self.total_spent

        average_order_value = self.average_order_value

        last_order_date: None | str
        if isinstance(self.last_order_date, datetime.datetime):
            last_order_date = self.last_order_date.isoformat()
        else:
            last_order_date = self.last_order_date

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_orders": total_orders,
                "total_spent": total_spent,
                "average_order_value": average_order_value,
                "last_order_date": last_order_date,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_orders = d.pop("total_orders")

        total_spent = d.pop("total_spent")

        average_order_value = d.pop("average_order_value")

        def _parse_last_order_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_order_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_order_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_order_date = _parse_last_order_date(d.pop("last_order_date"))

        currency = d.pop("currency")

        order_stats = cls(
            total_orders=total_orders,
            total_spent=total_spent,
            average_order_value=average_order_value,
            last_order_date=last_order_date,
            currency=currency,
        )

        order_stats.additional_properties = d
        return order_stats

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
