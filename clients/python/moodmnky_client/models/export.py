from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_history import AccountHistory
    from ..models.address import Address
    from ..models.customer import Customer
    from ..models.loyalty import Loyalty


T = TypeVar("T", bound="Export")


@_attrs_define
class Export:
    """Everything the platform holds about the customer; parts of later apps come from customers.registry."""

    profile: Customer
    """ The customer's own profile (the Customer shape). """
    addresses: list[Address]
    orders: Any
    blends: Any
    scent_profile: Any
    loyalty: Loyalty
    account_history: list[AccountHistory]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile.to_dict()

        addresses = []
        for addresses_item_data in self.addresses:
            addresses_item = addresses_item_data.to_dict()
            addresses.append(addresses_item)

        orders = self.orders

        blends = self.blends

        scent_profile = self.scent_profile

        loyalty = self.loyalty.to_dict()

        account_history = []
        for account_history_item_data in self.account_history:
            account_history_item = account_history_item_data.to_dict()
            account_history.append(account_history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profile": profile,
                "addresses": addresses,
                "orders": orders,
                "blends": blends,
                "scent_profile": scent_profile,
                "loyalty": loyalty,
                "account_history": account_history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_history import AccountHistory  # noqa: PLC0415
        from ..models.address import Address  # noqa: PLC0415
        from ..models.customer import Customer  # noqa: PLC0415
        from ..models.loyalty import Loyalty  # noqa: PLC0415

        d = dict(src_dict)
        profile = Customer.from_dict(d.pop("profile"))

        addresses = []
        _addresses = d.pop("addresses")
        for addresses_item_data in _addresses:
            addresses_item = Address.from_dict(addresses_item_data)

            addresses.append(addresses_item)

        orders = d.pop("orders")

        blends = d.pop("blends")

        scent_profile = d.pop("scent_profile")

        loyalty = Loyalty.from_dict(d.pop("loyalty"))

        account_history = []
        _account_history = d.pop("account_history")
        for account_history_item_data in _account_history:
            account_history_item = AccountHistory.from_dict(account_history_item_data)

            account_history.append(account_history_item)

        export = cls(
            profile=profile,
            addresses=addresses,
            orders=orders,
            blends=blends,
            scent_profile=scent_profile,
            loyalty=loyalty,
            account_history=account_history,
        )

        export.additional_properties = d
        return export

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
