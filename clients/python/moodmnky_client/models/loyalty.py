from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.loyalty_transaction import LoyaltyTransaction
    from ..models.next_tier import NextTier


T = TypeVar("T", bound="Loyalty")


@_attrs_define
class Loyalty:
    membership_tier: str
    points: int
    lifetime_points: int
    next_tier: NextTier | None
    transactions: list[LoyaltyTransaction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.next_tier import NextTier  # noqa: PLC0415

        membership_tier = self.membership_tier

        points = self.points

        lifetime_points = self.lifetime_points

        next_tier: dict[str, Any] | None
        if isinstance(self.next_tier, NextTier):
            next_tier = self.next_tier.to_dict()
        else:
            next_tier = self.next_tier

        transactions = []
        for transactions_item_data in self.transactions:
            transactions_item = transactions_item_data.to_dict()
            transactions.append(transactions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "membership_tier": membership_tier,
                "points": points,
                "lifetime_points": lifetime_points,
                "next_tier": next_tier,
                "transactions": transactions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loyalty_transaction import LoyaltyTransaction  # noqa: PLC0415
        from ..models.next_tier import NextTier  # noqa: PLC0415

        d = dict(src_dict)
        membership_tier = d.pop("membership_tier")

        points = d.pop("points")

        lifetime_points = d.pop("lifetime_points")

        def _parse_next_tier(data: object) -> NextTier | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_tier_type_1 = NextTier.from_dict(data)

                return next_tier_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextTier | None, data)

        next_tier = _parse_next_tier(d.pop("next_tier"))

        transactions = []
        _transactions = d.pop("transactions")
        for transactions_item_data in _transactions:
            transactions_item = LoyaltyTransaction.from_dict(transactions_item_data)

            transactions.append(transactions_item)

        loyalty = cls(
            membership_tier=membership_tier,
            points=points,
            lifetime_points=lifetime_points,
            next_tier=next_tier,
            transactions=transactions,
        )

        loyalty.additional_properties = d
        return loyalty

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
