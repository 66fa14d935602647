from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.inventory_list_low_stock import InventoryListLowStock
from ...models.paginated_inventory_item_list import PaginatedInventoryItemList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    low_stock: InventoryListLowStock | Unset = UNSET,
    page: int | Unset = UNSET,
    product_id: float | Unset = UNSET,
    sku: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_low_stock: str | Unset = UNSET
    if not isinstance(low_stock, Unset):
        json_low_stock = low_stock

    params["low_stock"] = json_low_stock

    params["page"] = page

    params["product_id"] = product_id

    params["sku"] = sku

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/inventory/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedInventoryItemList | None:
    if response.status_code == 200:
        response_200 = PaginatedInventoryItemList.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PaginatedInventoryItemList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    low_stock: InventoryListLowStock | Unset = UNSET,
    page: int | Unset = UNSET,
    product_id: float | Unset = UNSET,
    sku: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedInventoryItemList]:
    """Stock per variant.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        limit (int | Unset):  Default: 20.
        low_stock (InventoryListLowStock | Unset):
        page (int | Unset):
        product_id (float | Unset):
        sku (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedInventoryItemList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        low_stock=low_stock,
        page=page,
        product_id=product_id,
        sku=sku,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    low_stock: InventoryListLowStock | Unset = UNSET,
    page: int | Unset = UNSET,
    product_id: float | Unset = UNSET,
    sku: str | Unset = UNSET,
) -> ErrorEnvelope | PaginatedInventoryItemList | None:
    """Stock per variant.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        limit (int | Unset):  Default: 20.
        low_stock (InventoryListLowStock | Unset):
        page (int | Unset):
        product_id (float | Unset):
        sku (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedInventoryItemList
    """

    return sync_detailed(
        client=client,
        limit=limit,
        low_stock=low_stock,
        page=page,
        product_id=product_id,
        sku=sku,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    low_stock: InventoryListLowStock | Unset = UNSET,
    page: int | Unset = UNSET,
    product_id: float | Unset = UNSET,
    sku: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedInventoryItemList]:
    """Stock per variant.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        limit (int | Unset):  Default: 20.
        low_stock (InventoryListLowStock | Unset):
        page (int | Unset):
        product_id (float | Unset):
        sku (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedInventoryItemList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        low_stock=low_stock,
        page=page,
        product_id=product_id,
        sku=sku,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    low_stock: InventoryListLowStock | Unset = UNSET,
    page: int | Unset = UNSET,
    product_id: float | Unset = UNSET,
    sku: str | Unset = UNSET,
) -> ErrorEnvelope | PaginatedInventoryItemList | None:
    """Stock per variant.

    **Admin scope:** `inventory:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        limit (int | Unset):  Default: 20.
        low_stock (InventoryListLowStock | Unset):
        page (int | Unset):
        product_id (float | Unset):
        sku (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedInventoryItemList
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            low_stock=low_stock,
            page=page,
            product_id=product_id,
            sku=sku,
        )
    ).parsed
