from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shipping_method import ShippingMethod, check_shipping_method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_input import AddressInput
    from ..models.order_line_input import OrderLineInput
    from ..models.payment_input import PaymentInput


T = TypeVar("T", bound="AdminOrderCreate")


@_attrs_define
class AdminOrderCreate:
    """POST /orders/ (phone and manual orders)."""

    lines: list[OrderLineInput]
    shipping_address: AddressInput
    email: str | Unset = UNSET
    customer_id: int | Unset = UNSET
    billing_address: AddressInput | None | Unset = UNSET
    shipping_method: ShippingMethod | Unset = "standard"
    payment: PaymentInput | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_input import AddressInput  # noqa: PLC0415

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        shipping_address = self.shipping_address.to_dict()

        email: str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        customer_id = self.customer_id

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

        payment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment, Unset):
            payment = self.payment.to_dict()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "shipping_address": shipping_address,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if billing_address is not UNSET:
            field_dict["billing_address"] = billing_address
        if shipping_method is not UNSET:
            field_dict["shipping_method"] = shipping_method
        if payment is not UNSET:
            field_dict["payment"] = payment
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput  # noqa: PLC0415
        from ..models.order_line_input import OrderLineInput  # noqa: PLC0415
        from ..models.payment_input import PaymentInput  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineInput.from_dict(lines_item_data)

            lines.append(lines_item)

        shipping_address = AddressInput.from_dict(d.pop("shipping_address"))

        def _parse_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        customer_id = d.pop("customer_id", UNSET)

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

        _payment = d.pop("payment", UNSET)
        payment: PaymentInput | Unset
        if isinstance(_payment, Unset):
            payment = UNSET
        else:
            payment = PaymentInput.from_dict(_payment)

        note = d.pop("note", UNSET)

        admin_order_create = cls(
            lines=lines,
            shipping_address=shipping_address,
            email=email,
            customer_id=customer_id,
            billing_address=billing_address,
            shipping_method=shipping_method,
            payment=payment,
            note=note,
        )

        admin_order_create.additional_properties = d
        return admin_order_create

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
