from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.order_stats import OrderStats
    from ..models.preferences import Preferences


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """The customer's own profile (the Customer shape)."""

    id: int
    email: str
    first_name: str
    last_name: str
    phone: str
    birthday: datetime.date | None
    preferences: Preferences
    order_stats: OrderStats
    membership_tier: str
    loyalty_points: int
    date_joined: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        phone = self.phone

        birthday: None | str
        if isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

        preferences = self.preferences.to_dict()

        order_stats = self.order_stats.to_dict()

        membership_tier = self.membership_tier

        loyalty_points = self.loyalty_points

        date_joined = self.date_joined.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "phone": phone,
                "birthday": birthday,
                "preferences": preferences,
                "order_stats": order_stats,
                "membership_tier": membership_tier,
                "loyalty_points": loyalty_points,
                "date_joined": date_joined,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_stats import OrderStats  # noqa: PLC0415
        from ..models.preferences import Preferences  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        phone = d.pop("phone")

        def _parse_birthday(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birthday = _parse_birthday(d.pop("birthday"))

        preferences = Preferences.from_dict(d.pop("preferences"))

        order_stats = OrderStats.from_dict(d.pop("order_stats"))

        membership_tier = d.pop("membership_tier")

        loyalty_points = d.pop("loyalty_points")

        date_joined = datetime.datetime.fromisoformat(d.pop("date_joined"))

        customer = cls(
            id=id,
            email=email,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            birthday=birthday,
            preferences=preferences,
            order_stats=order_stats,
            membership_tier=membership_tier,
            loyalty_points=loyalty_points,
            date_joined=date_joined,
        )

        customer.additional_properties = d
        return customer

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
