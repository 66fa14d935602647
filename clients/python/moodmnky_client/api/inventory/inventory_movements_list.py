import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.inventory_movements_list_reason import (
    InventoryMovementsListReason,
)
from ...models.paginated_stock_movement_list import PaginatedStockMovementList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    reason: InventoryMovementsListReason | Unset = UNSET,
    reference: str | Unset = UNSET,
    sku: str | Unset = UNSET,
    variant_id: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["created_after"] = json_created_after

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["created_before"] = json_created_before

    params["limit"] = limit

    params["page"] = page

    json_reason: str | Unset = UNSET
    if not isinstance(reason, Unset):
        json_reason = reason

    params["reason"] = json_reason

    params["reference"] = reference

    params["sku"] = sku

    params["variant_id"] = variant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/inventory/movements/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedStockMovementList | None:
    if response.status_code == 200:
        response_200 = PaginatedStockMovementList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | PaginatedStockMovementList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    reason: InventoryMovementsListReason | Unset = UNSET,
    reference: str | Unset = UNSET,
    sku: str | Unset = UNSET,
    variant_id: float | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedStockMovementList]:
    """The inventory ledger, newest first.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        reason (InventoryMovementsListReason | Unset):
        reference (str | Unset):
        sku (str | Unset):
        variant_id (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedStockMovementList]
    """

    kwargs = _get_kwargs(
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        page=page,
        reason=reason,
        reference=reference,
        sku=sku,
        variant_id=variant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    reason: InventoryMovementsListReason | Unset = UNSET,
    reference: str | Unset = UNSET,
    sku: str | Unset = UNSET,
    variant_id: float | Unset = UNSET,
) -> ErrorEnvelope | PaginatedStockMovementList | None:
    """The inventory ledger, newest first.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        reason (InventoryMovementsListReason | Unset):
        reference (str | Unset):
        sku (str | Unset):
        variant_id (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedStockMovementList
    """

    return sync_detailed(
        client=client,
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        page=page,
        reason=reason,
        reference=reference,
        sku=sku,
        variant_id=variant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    reason: InventoryMovementsListReason | Unset = UNSET,
    reference: str | Unset = UNSET,
    sku: str | Unset = UNSET,
    variant_id: float | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedStockMovementList]:
    """The inventory ledger, newest first.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        reason (InventoryMovementsListReason | Unset):
        reference (str | Unset):
        sku (str | Unset):
        variant_id (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedStockMovementList]
    """

    kwargs = _get_kwargs(
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        page=page,
        reason=reason,
        reference=reference,
        sku=sku,
        variant_id=variant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    reason: InventoryMovementsListReason | Unset = UNSET,
    reference: str | Unset = UNSET,
    sku: str | Unset = UNSET,
    variant_id: float | Unset = UNSET,
) -> ErrorEnvelope | PaginatedStockMovementList | None:
    """The inventory ledger, newest first.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        reason (InventoryMovementsListReason | Unset):
        reference (str | Unset):
        sku (str | Unset):
        variant_id (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedStockMovementList
    """

    return (
        await asyncio_detailed(
            client=client,
            created_after=created_after,
            created_before=created_before,
            limit=limit,
            page=page,
            reason=reason,
            reference=reference,
            sku=sku,
            variant_id=variant_id,
        )
    ).parsed
