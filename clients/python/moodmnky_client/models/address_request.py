from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressRequest")


@_attrs_define
class AddressRequest:
    """Output, and input for create/PATCH: the service validates the merged address as a whole."""

    first_name: str
    last_name: str
    line1: str
    city: str
    country: str
    """ ISO 3166-1 alpha-2 code, e.g. US. """
    company: str | Unset = UNSET
    line2: str | Unset = UNSET
    region: str | Unset = UNSET
    """ State/province; required (code or name) for US, CA and AU. """
    postal_code: str | Unset = UNSET
    """ Checked against the country's format for the countries in docs/customers.md; required there. """
    phone: str | Unset = UNSET
    """ International format with country code, e.g. +14155550123. """
    is_default_shipping: bool | Unset = UNSET
    is_default_billing: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        line1 = self.line1

        city = self.city

        country = self.country

        company = self.company

        line2 = self.line2

        region = self.region

        postal_code = self.postal_code

        phone = self.phone

        is_default_shipping = self.is_default_shipping

        is_default_billing = self.is_default_billing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
                "line1": line1,
                "city": city,
                "country": country,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if region is not UNSET:
            field_dict["region"] = region
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if phone is not UNSET:
            field_dict["phone"] = phone
        if is_default_shipping is not UNSET:
            field_dict["is_default_shipping"] = is_default_shipping
        if is_default_billing is not UNSET:
            field_dict["is_default_billing"] = is_default_billing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        line1 = d.pop("line1")

        city = d.pop("city")

        country = d.pop("country")

        company = d.pop("company", UNSET)

        line2 = d.pop("line2", UNSET)

        region = d.pop("region", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        phone = d.pop("phone", UNSET)

        is_default_shipping = d.pop("is_default_shipping", UNSET)

        is_default_billing = d.pop("is_default_billing", UNSET)

        address_request = cls(
            first_name=first_name,
            last_name=last_name,
            line1=line1,
            city=city,
            country=country,
            company=company,
            line2=line2,
            region=region,
            postal_code=postal_code,
            phone=phone,
            is_default_shipping=is_default_shipping,
            is_default_billing=is_default_billing,
        )

        address_request.additional_properties = d
        return address_request

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
