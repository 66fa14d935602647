from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_status import ProductStatus, check_product_status
from ..models.product_type_enum import ProductTypeEnum, check_product_type_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedProductUpdate")


@_attrs_define
class PatchedProductUpdate:
    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    description: str | Unset = UNSET
    product_type: ProductTypeEnum | Unset = UNSET
    """ * `candle` - Candle
    * `wax_melt` - Wax melt
    * `reed_diffuser` - Reed diffuser
    * `room_spray` - Room spray
    * `body_oil` - Body oil
    * `soap` - Soap
    * `gift_set` - Gift set
    * `accessory` - Accessory """
    status: ProductStatus | Unset = UNSET
    """ draft, active or archived; only active is visible to shoppers. """
    category_id: int | None | Unset = UNSET
    collection_ids: list[int] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    top_notes: str | Unset = UNSET
    heart_notes: str | Unset = UNSET
    base_notes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug: str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        description = self.description

        product_type: str | Unset = UNSET
        if not isinstance(self.product_type, Unset):
            product_type = self.product_type

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        category_id: int | None | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        else:
            category_id = self.category_id

        collection_ids: list[int] | Unset = UNSET
        if not isinstance(self.collection_ids, Unset):
            collection_ids = self.collection_ids

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        top_notes = self.top_notes

        heart_notes = self.heart_notes

        base_notes = self.base_notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if description is not UNSET:
            field_dict["description"] = description
        if product_type is not UNSET:
            field_dict["product_type"] = product_type
        if status is not UNSET:
            field_dict["status"] = status
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if collection_ids is not UNSET:
            field_dict["collection_ids"] = collection_ids
        if tags is not UNSET:
            field_dict["tags"] = tags
        if top_notes is not UNSET:
            field_dict["top_notes"] = top_notes
        if heart_notes is not UNSET:
            field_dict["heart_notes"] = heart_notes
        if base_notes is not UNSET:
            field_dict["base_notes"] = base_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_slug(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        description = d.pop("description", UNSET)

        _product_type = d.pop("product_type", UNSET)
        product_type: ProductTypeEnum | Unset
        if isinstance(_product_type, Unset):
            product_type = UNSET
        else:
            product_type = check_product_type_enum(_product_type)

        _status = d.pop("status", UNSET)
        status: ProductStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_product_status(_status)

        def _parse_category_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        category_id = _parse_category_id(d.pop("category_id", UNSET))

        collection_ids = cast(list[int], d.pop("collection_ids", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        top_notes = d.pop("top_notes", UNSET)

        heart_notes = d.pop("heart_notes", UNSET)

        base_notes = d.pop("base_notes", UNSET)

        patched_product_update = cls(
            name=name,
            slug=slug,
            description=description,
            product_type=product_type,
            status=status,
            category_id=category_id,
            collection_ids=collection_ids,
            tags=tags,
            top_notes=top_notes,
            heart_notes=heart_notes,
            base_notes=base_notes,
        )

        patched_product_update.additional_properties = d
        return patched_product_update

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
