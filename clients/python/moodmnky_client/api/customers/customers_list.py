import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customers_list_is_active import CustomersListIsActive
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_admin_customer_list import PaginatedAdminCustomerList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_joined_after: datetime.date | Unset = UNSET,
    date_joined_before: datetime.date | Unset = UNSET,
    is_active: CustomersListIsActive | Unset = UNSET,
    limit: int | Unset = 20,
    membership_tier: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_joined_after: str | Unset = UNSET
    if not isinstance(date_joined_after, Unset):
        json_date_joined_after = date_joined_after.isoformat()
    params["date_joined_after"] = json_date_joined_after

    json_date_joined_before: str | Unset = UNSET
    if not isinstance(date_joined_before, Unset):
        json_date_joined_before = date_joined_before.isoformat()
    params["date_joined_before"] = json_date_joined_before

    json_is_active: str | Unset = UNSET
    if not isinstance(is_active, Unset):
        json_is_active = is_active

    params["is_active"] = json_is_active

    params["limit"] = limit

    params["membership_tier"] = membership_tier

    params["ordering"] = ordering

    params["page"] = page

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedAdminCustomerList | None:
    if response.status_code == 200:
        response_200 = PaginatedAdminCustomerList.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PaginatedAdminCustomerList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_joined_after: datetime.date | Unset = UNSET,
    date_joined_before: datetime.date | Unset = UNSET,
    is_active: CustomersListIsActive | Unset = UNSET,
    limit: int | Unset = 20,
    membership_tier: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedAdminCustomerList]:
    """Admin: every customer with order count and total spent (annotated in the list query).

    **Admin scope:** `customers:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        date_joined_after (datetime.date | Unset):
        date_joined_before (datetime.date | Unset):
        is_active (CustomersListIsActive | Unset):
        limit (int | Unset):  Default: 20.
        membership_tier (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedAdminCustomerList]
    """

    kwargs = _get_kwargs(
        date_joined_after=date_joined_after,
        date_joined_before=date_joined_before,
        is_active=is_active,
        limit=limit,
        membership_tier=membership_tier,
        ordering=ordering,
        page=page,
        search=search,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_joined_after: datetime.date | Unset = UNSET,
    date_joined_before: datetime.date | Unset = UNSET,
    is_active: CustomersListIsActive | Unset = UNSET,
    limit: int | Unset = 20,
    membership_tier: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ErrorEnvelope | PaginatedAdminCustomerList | None:
    """Admin: every customer with order count and total spent (annotated in the list query).

    **Admin scope:** `customers:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        date_joined_after (datetime.date | Unset):
        date_joined_before (datetime.date | Unset):
        is_active (CustomersListIsActive | Unset):
        limit (int | Unset):  Default: 20.
        membership_tier (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedAdminCustomerList
    """

    return sync_detailed(
        client=client,
        date_joined_after=date_joined_after,
        date_joined_before=date_joined_before,
        is_active=is_active,
        limit=limit,
        membership_tier=membership_tier,
        ordering=ordering,
        page=page,
        search=search,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_joined_after: datetime.date | Unset = UNSET,
    date_joined_before: datetime.date | Unset = UNSET,
    is_active: CustomersListIsActive | Unset = UNSET,
    limit: int | Unset = 20,
    membership_tier: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedAdminCustomerList]:
    """Admin: every customer with order count and total spent (annotated in the list query).

    **Admin scope:** `customers:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        date_joined_after (datetime.date | Unset):
        date_joined_before (datetime.date | Unset):
        is_active (CustomersListIsActive | Unset):
        limit (int | Unset):  Default: 20.
        membership_tier (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedAdminCustomerList]
    """

    kwargs = _get_kwargs(
        date_joined_after=date_joined_after,
        date_joined_before=date_joined_before,
        is_active=is_active,
        limit=limit,
        membership_tier=membership_tier,
        ordering=ordering,
        page=page,
        search=search,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_joined_after: datetime.date | Unset = UNSET,
    date_joined_before: datetime.date | Unset = UNSET,
    is_active: CustomersListIsActive | Unset = UNSET,
    limit: int | Unset = 20,
    membership_tier: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ErrorEnvelope | PaginatedAdminCustomerList | None:
    """Admin: every customer with order count and total spent (annotated in the list query).

    **Admin scope:** `customers:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        date_joined_after (datetime.date | Unset):
        date_joined_before (datetime.date | Unset):
        is_active (CustomersListIsActive | Unset):
        limit (int | Unset):  Default: 20.
        membership_tier (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedAdminCustomerList
    """

    return (
        await asyncio_detailed(
            client=client,
            date_joined_after=date_joined_after,
            date_joined_before=date_joined_before,
            is_active=is_active,
            limit=limit,
            membership_tier=membership_tier,
            ordering=ordering,
            page=page,
            search=search,
        )
    ).parsed
