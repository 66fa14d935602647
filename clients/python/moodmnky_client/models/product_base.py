from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ifra_category_enum import IfraCategoryEnum, check_ifra_category_enum
from ..models.product_base_type_enum import ProductBaseTypeEnum, check_product_base_type_enum

T = TypeVar("T", bound="ProductBase")


@_attrs_define
class ProductBase:
    id: int
    slug: str
    name: str
    description: str
    product_type: ProductBaseTypeEnum
    ifra_category: IfraCategoryEnum
    fragrance_load: str
    """ Percent of the finished product's weight that is fragrance. """
    fill_weight_g: str
    """ Finished weight of one unit (fragrance + carrier/wax), grams. """
    price: str
    """ One unit before the blend premium. """
    blend_price: str
    """ Price of one unit made with a custom blend. """
    currency: str
    cure_days: int
    """ Days from pouring until it can ship. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        name = self.name

        description = self.description

        product_type: str = self.product_type

        ifra_category: str = self.ifra_category

        fragrance_load = self.fragrance_load

        fill_weight_g = self.fill_weight_g

        price = self.price

        blend_price = self.blend_price

        currency = self.currency

        cure_days = self.cure_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "description": description,
                "product_type": product_type,
                "ifra_category": ifra_category,
                "fragrance_load": fragrance_load,
                "fill_weight_g": fill_weight_g,
                "price": price,
                "blend_price": blend_price,
                "currency": currency,
                "cure_days": cure_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        slug = d.pop("slug")

        name = d.pop("name")

        description = d.pop("description")

        product_type = check_product_base_type_enum(d.pop("product_type"))

        ifra_category = check_ifra_category_enum(d.pop("ifra_category"))

        fragrance_load = d.pop("fragrance_load")

        fill_weight_g = d.pop("fill_weight_g")

        price = d.pop("price")

        blend_price = d.pop("blend_price")

        currency = d.pop("currency")

        cure_days = d.pop("cure_days")

        product_base = cls(
            id=id,
            slug=slug,
            name=name,
            description=description,
            product_type=product_type,
            ifra_category=ifra_category,
            fragrance_load=fragrance_load,
            fill_weight_g=fill_weight_g,
            price=price,
            blend_price=blend_price,
            currency=currency,
            cure_days=cure_days,
        )

        product_base.additional_properties = d
        return product_base

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
