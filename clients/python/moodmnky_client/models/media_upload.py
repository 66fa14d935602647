from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="MediaUpload")


@_attrs_define
class MediaUpload:
    image: File
    """ JPEG, PNG, WebP or GIF; at most 5 MB and 6000×6000 pixels. """
    alt: str | Unset = UNSET
    position: int | Unset = UNSET
    variant_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image = self.image.to_tuple()

        alt = self.alt

        position = self.position

        variant_id: int | None | Unset
        if isinstance(self.variant_id, Unset):
            variant_id = UNSET
        else:
            variant_id = self.variant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image": image,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt
        if position is not UNSET:
            field_dict["position"] = position
        if variant_id is not UNSET:
            field_dict["variant_id"] = variant_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("image", self.image.to_tuple()))

        if not isinstance(self.alt, Unset):
            files.append(("alt", (None, str(self.alt).encode(), "text/plain")))

        if not isinstance(self.position, Unset):
            files.append(("position", (None, str(self.position).encode(), "text/plain")))

        if not isinstance(self.variant_id, Unset):
            if isinstance(self.variant_id, int):
                files.append(("variant_id", (None, str(self.variant_id).encode(), "text/plain")))
            else:
                files.append(("variant_id", (None, str(self.variant_id).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = File(payload=BytesIO(d.pop("image")))

        alt = d.pop("alt", UNSET)

        position = d.pop("position", UNSET)

        def _parse_variant_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        variant_id = _parse_variant_id(d.pop("variant_id", UNSET))

        media_upload = cls(
            image=image,
            alt=alt,
            position=position,
            variant_id=variant_id,
        )

        media_upload.additional_properties = d
        return media_upload

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
