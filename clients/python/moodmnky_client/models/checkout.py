from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipping_method import ShippingMethod, check_shipping_method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_input import AddressInput
    from ..models.payment_input import PaymentInput


T = TypeVar("T", bound="Checkout")


@_attrs_define
class Checkout:
    """POST /carts/{id}/checkout/. `validated_data` holds the service's keyword arguments."""

    payment: PaymentInput
    email: str | Unset = UNSET
    """ Required for guests. """
    shipping_address: AddressInput | Unset = UNSET
    shipping_address_id: int | Unset = UNSET
    """ A saved address of the signed-in customer. """
    billing_address: AddressInput | None | Unset = UNSET
    shipping_method: ShippingMethod | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_input import AddressInput  # noqa: PLC0415

        payment = self.payment.to_dict()

        email: str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        shipping_address_id = self.shipping_address_id

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, AddressInput):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        shipping_method: str | Unset = UNSET
        if not isinstance(self.shipping_method, Unset):
            shipping_method = self.shipping_method

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payment": payment,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address
        if shipping_address_id is not UNSET:
            field_dict["shipping_address_id"] = shipping_address_id
        if billing_address is not UNSET:
            field_dict["billing_address"] = billing_address
        if shipping_method is not UNSET:
            field_dict["shipping_method"] = shipping_method
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput  # noqa: PLC0415
        from ..models.payment_input import PaymentInput  # noqa: PLC0415

        d = dict(src_dict)
        payment = PaymentInput.from_dict(d.pop("payment"))

        def _parse_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _shipping_address = d.pop("shipping_address", UNSET)
        shipping_address: AddressInput | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = AddressInput.from_dict(_shipping_address)

        shipping_address_id = d.pop("shipping_address_id", UNSET)

        def _parse_billing_address(data: object) -> AddressInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_address_type_1 = AddressInput.from_dict(data)

                return billing_address_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressInput | None | Unset, data)

        billing_address = _parse_billing_address(d.pop("billing_address", UNSET))

        _shipping_method = d.pop("shipping_method", UNSET)
        shipping_method: ShippingMethod | Unset
        if isinstance(_shipping_method, Unset):
            shipping_method = UNSET
        else:
            shipping_method = check_shipping_method(_shipping_method)

        note = d.pop("note", UNSET)

        checkout = cls(
            payment=payment,
            email=email,
            shipping_address=shipping_address,
            shipping_address_id=shipping_address_id,
            billing_address=billing_address,
            shipping_method=shipping_method,
            note=note,
        )

        checkout.additional_properties = d
        return checkout

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
