from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_policy_enum import ErrorPolicyEnum, check_error_policy_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_bulk_items_item import ProductBulkItemsItem


T = TypeVar("T", bound="ProductBulk")


@_attrs_define
class ProductBulk:
    items: list[ProductBulkItemsItem]
    """ Each a product create body (with `variants`). """
    error_policy: ErrorPolicyEnum | Unset = "reject_everything"
    """ * `reject_everything` - reject_everything
    * `reject_failed_rows` - reject_failed_rows """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        error_policy: str | Unset = UNSET
        if not isinstance(self.error_policy, Unset):
            error_policy = self.error_policy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if error_policy is not UNSET:
            field_dict["error_policy"] = error_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_bulk_items_item import ProductBulkItemsItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProductBulkItemsItem.from_dict(items_item_data)

            items.append(items_item)

        _error_policy = d.pop("error_policy", UNSET)
        error_policy: ErrorPolicyEnum | Unset
        if isinstance(_error_policy, Unset):
            error_policy = UNSET
        else:
            error_policy = check_error_policy_enum(_error_policy)

        product_bulk = cls(
            items=items,
            error_policy=error_policy,
        )

        product_bulk.additional_properties = d
        return product_bulk

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
