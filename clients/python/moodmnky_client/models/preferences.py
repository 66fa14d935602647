from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reminder_frequency_enum import ReminderFrequencyEnum, check_reminder_frequency_enum

T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    email_marketing: bool
    sms_marketing: bool
    preferred_currency: str
    """ ISO 4217 display currency. """
    reminder_frequency: ReminderFrequencyEnum
    """ * `never` - Never
    * `weekly` - Weekly
    * `monthly` - Monthly
    * `quarterly` - Quarterly """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_marketing = self.email_marketing

        sms_marketing = self.sms_marketing

        preferred_currency = self.preferred_currency

        reminder_frequency: str = self.reminder_frequency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email_marketing": email_marketing,
                "sms_marketing": sms_marketing,
                "preferred_currency": preferred_currency,
                "reminder_frequency": reminder_frequency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_marketing = d.pop("email_marketing")

        sms_marketing = d.pop("sms_marketing")

        preferred_currency = d.pop("preferred_currency")

        reminder_frequency = check_reminder_frequency_enum(d.pop("reminder_frequency"))

        preferences = cls(
            email_marketing=email_marketing,
            sms_marketing=sms_marketing,
            preferred_currency=preferred_currency,
            reminder_frequency=reminder_frequency,
        )

        preferences.additional_properties = d
        return preferences

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
