from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum, check_action_enum

T = TypeVar("T", bound="AccountHistory")


@_attrs_define
class AccountHistory:
    """An audit entry as its customer sees it: staff are named by role only."""

    action: ActionEnum
    """ * `profile_updated` - Profile updated
    * `password_changed` - Password changed
    * `password_reset` - Password reset
    * `address_created` - Address created
    * `address_updated` - Address updated
    * `address_deleted` - Address deleted
    * `anonymized` - Account anonymised """
    by: str
    address_id: int | None
    changes: Any
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        by = self.by

        address_id: int | None
        address_id = self.address_id

        changes = self.changes

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "by": by,
                "address_id": address_id,
                "changes": changes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = check_action_enum(d.pop("action"))

        by = d.pop("by")

        def _parse_address_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        address_id = _parse_address_id(d.pop("address_id"))

        changes = d.pop("changes")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        account_history = cls(
            action=action,
            by=by,
            address_id=address_id,
            changes=changes,
            created_at=created_at,
        )

        account_history.additional_properties = d
        return account_history

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
