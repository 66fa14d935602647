from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.paginated_product_list_meta_pagination import PaginatedProductListMetaPagination


T = TypeVar("T", bound="PaginatedProductListMeta")


@_attrs_define
class PaginatedProductListMeta:
    pagination: PaginatedProductListMetaPagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.paginated_product_list_meta_pagination import PaginatedProductListMetaPagination  # noqa: PLC0415

        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: PaginatedProductListMetaPagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = PaginatedProductListMetaPagination.from_dict(_pagination)

        paginated_product_list_meta = cls(
            pagination=pagination,
        )

        paginated_product_list_meta.additional_properties = d
        return paginated_product_list_meta

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
