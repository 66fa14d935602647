from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CartItem")


@_attrs_define
class CartItem:
    """A cart line (a PricedLine): prices are today's catalog prices."""

    id: int
    variant_id: int | None
    blend_id: None | UUID
    product_base_id: int | None
    product_id: int | None
    name: str
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    unit_price: str
    compare_at_price: None | str
    line_total: str
    discount_total: str
    """ This line's share of the cart's discount_total. """
    price_changed: bool
    """ The catalog price moved since the line was added. """
    previous_unit_price: None | str
    """ The price when added, if it changed since. """
    is_available: bool
    """ On sale and in stock for this quantity. """
    available_quantity: int | None
    """ Units that can be bought now; null = no limit. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        variant_id: int | None
        variant_id = self.variant_id

        blend_id: None | str
        if isinstance(self.blend_id, UUID):
            blend_id = str(self.blend_id)
        else:
            blend_id = self.blend_id

        product_base_id: int | None
        product_base_id = self.product_base_id

        product_id: int | None
        product_id = self.product_id

        name = self.name

        product_name = self.product_name

        variant_name = self.variant_name

        sku = self.sku

        quantity = self.quantity

        unit_price = self.unit_price

        compare_at_price: None | str
        compare_at_price = self.compare_at_price

        line_total = self.line_total

        discount_total = self.discount_total

        price_changed = self.price_changed

        previous_unit_price: None | str
        previous_unit_price = self.previous_unit_price

        is_available = self.is_available

        available_quantity: int | None
        available_quantity = self.available_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "variant_id": variant_id,
                "blend_id": blend_id,
                "product_base_id": product_base_id,
                "product_id": product_id,
                "name": name,
                "product_name": product_name,
                "variant_name": variant_name,
                "sku": sku,
                "quantity": quantity,
                "unit_price": unit_price,
                "compare_at_price": compare_at_price,
                "line_total": line_total,
                "discount_total": discount_total,
                "price_changed": price_changed,
                "previous_unit_price": previous_unit_price,
                "is_available": is_available,
                "available_quantity": available_quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_variant_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        variant_id = _parse_variant_id(d.pop("variant_id"))

        def _parse_blend_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                blend_id_type_0 = UUID(data)

                return blend_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        blend_id = _parse_blend_id(d.pop("blend_id"))

        def _parse_product_base_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_base_id = _parse_product_base_id(d.pop("product_base_id"))

        def _parse_product_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_id = _parse_product_id(d.pop("product_id"))

        name = d.pop("name")

        product_name = d.pop("product_name")

        variant_name = d.pop("variant_name")

        sku = d.pop("sku")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        def _parse_compare_at_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        compare_at_price = _parse_compare_at_price(d.pop("compare_at_price"))

        line_total = d.pop("line_total")

        discount_total = d.pop("discount_total")

        price_changed = d.pop("price_changed")

        def _parse_previous_unit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_unit_price = _parse_previous_unit_price(d.pop("previous_unit_price"))

        is_available = d.pop("is_available")

        def _parse_available_quantity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        available_quantity = _parse_available_quantity(d.pop("available_quantity"))

        cart_item = cls(
            id=id,
            variant_id=variant_id,
            blend_id=blend_id,
            product_base_id=product_base_id,
            product_id=product_id,
            name=name,
            product_name=product_name,
            variant_name=variant_name,
            sku=sku,
            quantity=quantity,
            unit_price=unit_price,
            compare_at_price=compare_at_price,
            line_total=line_total,
            discount_total=discount_total,
            price_changed=price_changed,
            previous_unit_price=previous_unit_price,
            is_available=is_available,
            available_quantity=available_quantity,
        )

        cart_item.additional_properties = d
        return cart_item

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
