from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_status import ProductStatus, check_product_status
from ..models.product_type_enum import ProductTypeEnum, check_product_type_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_variant import AdminVariant
    from ..models.category_ref import CategoryRef
    from ..models.collection_ref import CollectionRef
    from ..models.media import Media
    from ..models.price_range import PriceRange
    from ..models.scent_notes import ScentNotes


T = TypeVar("T", bound="AdminProduct")


@_attrs_define
class AdminProduct:
    """The admin representation: drafts and archived products too, and stock fields on variants."""

    id: int
    slug: str
    name: str
    product_type: ProductTypeEnum
    """ * `candle` - Candle
    * `wax_melt` - Wax melt
    * `reed_diffuser` - Reed diffuser
    * `room_spray` - Room spray
    * `body_oil` - Body oil
    * `soap` - Soap
    * `gift_set` - Gift set
    * `accessory` - Accessory """
    status: ProductStatus
    """ draft, active or archived; only active is visible to shoppers. """
    category: CategoryRef | None
    collections: list[CollectionRef]
    scent_notes: ScentNotes
    price_range: None | PriceRange
    currency: str
    variants: list[AdminVariant]
    media: list[Media]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: str | Unset = UNSET
    tags: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.category_ref import CategoryRef  # noqa: PLC0415
        from ..models.price_range import PriceRange  # noqa: PLC0415

        id = self.id

        slug = self.slug

        name = self.name

        product_type: str = self.product_type

        status: str = self.status

        category: dict[str, Any] | None
        if isinstance(self.category, CategoryRef):
            category = self.category.to_dict()
        else:
            category = self.category

        collections = []
        for collections_item_data in self.collections:
            collections_item = collections_item_data.to_dict()
            collections.append(collections_item)

        scent_notes = self.scent_notes.to_dict()

        price_range: dict[str, Any] | None
        if isinstance(self.price_range, PriceRange):
            price_range = self.price_range.to_dict()
        else:
            price_range = self.price_range

        currency = self.currency

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        media = []
        for media_item_data in self.media:
            media_item = media_item_data.to_dict()
            media.append(media_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "product_type": product_type,
                "status": status,
                "category": category,
                "collections": collections,
                "scent_notes": scent_notes,
                "price_range": price_range,
                "currency": currency,
                "variants": variants,
                "media": media,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_variant import AdminVariant  # noqa: PLC0415
        from ..models.category_ref import CategoryRef  # noqa: PLC0415
        from ..models.collection_ref import CollectionRef  # noqa: PLC0415
        from ..models.media import Media  # noqa: PLC0415
        from ..models.price_range import PriceRange  # noqa: PLC0415
        from ..models.scent_notes import ScentNotes  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        slug = d.pop("slug")

        name = d.pop("name")

        product_type = check_product_type_enum(d.pop("product_type"))

        status = check_product_status(d.pop("status"))

        def _parse_category(data: object) -> CategoryRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                category_type_1 = CategoryRef.from_dict(data)

                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CategoryRef | None, data)

        category = _parse_category(d.pop("category"))

        collections = []
        _collections = d.pop("collections")
        for collections_item_data in _collections:
            collections_item = CollectionRef.from_dict(collections_item_data)

            collections.append(collections_item)

        scent_notes = ScentNotes.from_dict(d.pop("scent_notes"))

        def _parse_price_range(data: object) -> None | PriceRange:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                price_range_type_1 = PriceRange.from_dict(data)

                return price_range_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PriceRange, data)

        price_range = _parse_price_range(d.pop("price_range"))

        currency = d.pop("currency")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = AdminVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        media = []
        _media = d.pop("media")
        for media_item_data in _media:
            media_item = Media.from_dict(media_item_data)

            media.append(media_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        description = d.pop("description", UNSET)

        tags = d.pop("tags", UNSET)

        admin_product = cls(
            id=id,
            slug=slug,
            name=name,
            product_type=product_type,
            status=status,
            category=category,
            collections=collections,
            scent_notes=scent_notes,
            price_range=price_range,
            currency=currency,
            variants=variants,
            media=media,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            tags=tags,
        )

        admin_product.additional_properties = d
        return admin_product

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
