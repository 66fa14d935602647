from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cart_status_enum import CartStatusEnum, check_cart_status_enum
from ..models.shipping_method_enum import ShippingMethodEnum, check_shipping_method_enum

if TYPE_CHECKING:
    from ..models.cart_discount_code import CartDiscountCode
    from ..models.cart_item import CartItem


T = TypeVar("T", bound="Cart")


@_attrs_define
class Cart:
    """A cart priced now: total = subtotal − discount_total + shipping_total + tax_total."""

    id: UUID
    customer: int | None
    status: CartStatusEnum
    email: str
    """ Empty until the shopper gives one. """
    note: str
    items: list[CartItem]
    discount_codes: list[CartDiscountCode]
    shipping_method: ShippingMethodEnum
    subtotal: str
    discount_total: str
    shipping_total: str
    tax_total: str
    total: str
    currency: str
    item_count: int
    """ Units, not lines. """
    merged_into: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer: int | None
        customer = self.customer

        status: str = self.status

        email = self.email

        note = self.note

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        discount_codes = []
        for discount_codes_item_data in self.discount_codes:
            discount_codes_item = discount_codes_item_data.to_dict()
            discount_codes.append(discount_codes_item)

        shipping_method: str = self.shipping_method

        subtotal = self.subtotal

        discount_total = self.discount_total

        shipping_total = self.shipping_total

        tax_total = self.tax_total

        total = self.total

        currency = self.currency

        item_count = self.item_count

        merged_into: None | str
        if isinstance(self.merged_into, UUID):
            merged_into = str(self.merged_into)
        else:
            merged_into = self.merged_into

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer": customer,
                "status": status,
                "email": email,
                "note": note,
                "items": items,
                "discount_codes": discount_codes,
                "shipping_method": shipping_method,
                "subtotal": subtotal,
                "discount_total": discount_total,
                "shipping_total": shipping_total,
                "tax_total": tax_total,
                "total": total,
                "currency": currency,
                "item_count": item_count,
                "merged_into": merged_into,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cart_discount_code import CartDiscountCode  # noqa: PLC0415
        from ..models.cart_item import CartItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_customer(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        customer = _parse_customer(d.pop("customer"))

        status = check_cart_status_enum(d.pop("status"))

        email = d.pop("email")

        note = d.pop("note")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CartItem.from_dict(items_item_data)

            items.append(items_item)

        discount_codes = []
        _discount_codes = d.pop("discount_codes")
        for discount_codes_item_data in _discount_codes:
            discount_codes_item = CartDiscountCode.from_dict(discount_codes_item_data)

            discount_codes.append(discount_codes_item)

        shipping_method = check_shipping_method_enum(d.pop("shipping_method"))

        subtotal = d.pop("subtotal")

        discount_total = d.pop("discount_total")

        shipping_total = d.pop("shipping_total")

        tax_total = d.pop("tax_total")

        total = d.pop("total")

        currency = d.pop("currency")

        item_count = d.pop("item_count")

        def _parse_merged_into(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_type_0 = UUID(data)

                return merged_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        cart = cls(
            id=id,
            customer=customer,
            status=status,
            email=email,
            note=note,
            items=items,
            discount_codes=discount_codes,
            shipping_method=shipping_method,
            subtotal=subtotal,
            discount_total=discount_total,
            shipping_total=shipping_total,
            tax_total=tax_total,
            total=total,
            currency=currency,
            item_count=item_count,
            merged_into=merged_into,
            created_at=created_at,
            updated_at=updated_at,
        )

        cart.additional_properties = d
        return cart

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
