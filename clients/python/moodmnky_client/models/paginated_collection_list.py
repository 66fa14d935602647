from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.collection import Collection
    from ..models.paginated_collection_list_links import PaginatedCollectionListLinks
    from ..models.paginated_collection_list_meta import PaginatedCollectionListMeta


T = TypeVar("T", bound="PaginatedCollectionList")


@_attrs_define
class PaginatedCollectionList:
    data: list[Collection]
    meta: PaginatedCollectionListMeta
    links: PaginatedCollectionListLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        meta = self.meta.to_dict()

        links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "meta": meta,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection import Collection  # noqa: PLC0415
        from ..models.paginated_collection_list_links import PaginatedCollectionListLinks  # noqa: PLC0415
        from ..models.paginated_collection_list_meta import PaginatedCollectionListMeta  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Collection.from_dict(data_item_data)

            data.append(data_item)

        meta = PaginatedCollectionListMeta.from_dict(d.pop("meta"))

        links = PaginatedCollectionListLinks.from_dict(d.pop("links"))

        paginated_collection_list = cls(
            data=data,
            meta=meta,
            links=links,
        )

        paginated_collection_list.additional_properties = d
        return paginated_collection_list

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
