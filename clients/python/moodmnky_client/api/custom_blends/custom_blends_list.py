from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.custom_blends_list_status import CustomBlendsListStatus
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_blend_list import PaginatedBlendList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: float | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: CustomBlendsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["customer_id"] = customer_id

    params["limit"] = limit

    params["page"] = page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/custom-blends/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedBlendList | None:
    if response.status_code == 200:
        response_200 = PaginatedBlendList.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PaginatedBlendList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: float | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: CustomBlendsListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedBlendList]:
    """The caller's blends (admins: every blend)

     A customer's own blends (anyone else: 404); admins with blends:read/write see and manage all.

    **Admin scope:** `blends:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        customer_id (float | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (CustomBlendsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedBlendList]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        limit=limit,
        page=page,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    customer_id: float | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: CustomBlendsListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedBlendList | None:
    """The caller's blends (admins: every blend)

     A customer's own blends (anyone else: 404); admins with blends:read/write see and manage all.

    **Admin scope:** `blends:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        customer_id (float | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (CustomBlendsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedBlendList
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        limit=limit,
        page=page,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: float | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: CustomBlendsListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedBlendList]:
    """The caller's blends (admins: every blend)

     A customer's own blends (anyone else: 404); admins with blends:read/write see and manage all.

    **Admin scope:** `blends:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        customer_id (float | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (CustomBlendsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedBlendList]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        limit=limit,
        page=page,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: float | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: CustomBlendsListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedBlendList | None:
    """The caller's blends (admins: every blend)

     A customer's own blends (anyone else: 404); admins with blends:read/write see and manage all.

    **Admin scope:** `blends:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        customer_id (float | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (CustomBlendsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedBlendList
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            limit=limit,
            page=page,
            status=status,
        )
    ).parsed
