from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.preferred_currency_enum import PreferredCurrencyEnum, check_preferred_currency_enum
from ..models.reminder_frequency_enum import ReminderFrequencyEnum, check_reminder_frequency_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreferencesUpdate")


@_attrs_define
class PreferencesUpdate:
    email_marketing: bool | Unset = UNSET
    sms_marketing: bool | Unset = UNSET
    preferred_currency: PreferredCurrencyEnum | Unset = UNSET
    """ * `AUD` - AUD
    * `CAD` - CAD
    * `CHF` - CHF
    * `DKK` - DKK
    * `EUR` - EUR
    * `GBP` - GBP
    * `JPY` - JPY
    * `NOK` - NOK
    * `NZD` - NZD
    * `SEK` - SEK
    * `USD` - USD """
    reminder_frequency: ReminderFrequencyEnum | Unset = UNSET
    """ * `never` - Never
    * `weekly` - Weekly
    * `monthly` - Monthly
    * `quarterly` - Quarterly """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_marketing = self.email_marketing

        sms_marketing = self.sms_marketing

        preferred_currency: str | Unset = UNSET
        if not isinstance(self.preferred_currency, Unset):
            preferred_currency = self.preferred_currency

        reminder_frequency: str | Unset = UNSET
        if not isinstance(self.reminder_frequency, Unset):
            reminder_frequency = self.reminder_frequency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_marketing is not UNSET:
            field_dict["email_marketing"] = email_marketing
        if sms_marketing is not UNSET:
            field_dict["sms_marketing"] = sms_marketing
        if preferred_currency is not UNSET:
            field_dict["preferred_currency"] = preferred_currency
        if reminder_frequency is not UNSET:
            field_dict["reminder_frequency"] = reminder_frequency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_marketing = d.pop("email_marketing", UNSET)

        sms_marketing = d.pop("sms_marketing", UNSET)

        _preferred_currency = d.pop("preferred_currency", UNSET)
        preferred_currency: PreferredCurrencyEnum | Unset
        if isinstance(_preferred_currency, Unset):
            preferred_currency = UNSET
        else:
            preferred_currency = check_preferred_currency_enum(_preferred_currency)

        _reminder_frequency = d.pop("reminder_frequency", UNSET)
        reminder_frequency: ReminderFrequencyEnum | Unset
        if isinstance(_reminder_frequency, Unset):
            reminder_frequency = UNSET
        else:
            reminder_frequency = check_reminder_frequency_enum(_reminder_frequency)

        preferences_update = cls(
            email_marketing=email_marketing,
            sms_marketing=sms_marketing,
            preferred_currency=preferred_currency,
            reminder_frequency=reminder_frequency,
        )

        preferences_update.additional_properties = d
        return preferences_update

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
