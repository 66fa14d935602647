from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.discounts_list_state import DiscountsListState
from ...models.discounts_list_type import DiscountsListType
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_discount_list import PaginatedDiscountList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    code: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    state: DiscountsListState | Unset = UNSET,
    type_: DiscountsListType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params["is_active"] = is_active

    params["limit"] = limit

    params["page"] = page

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/discounts/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedDiscountList | None:
    if response.status_code == 200:
        response_200 = PaginatedDiscountList.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PaginatedDiscountList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    code: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    state: DiscountsListState | Unset = UNSET,
    type_: DiscountsListType | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedDiscountList]:
    """Discount codes (admin).

    **Admin scope:** `discounts:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        code (str | Unset):
        is_active (bool | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        state (DiscountsListState | Unset):
        type_ (DiscountsListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedDiscountList]
    """

    kwargs = _get_kwargs(
        code=code,
        is_active=is_active,
        limit=limit,
        page=page,
        state=state,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    code: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    state: DiscountsListState | Unset = UNSET,
    type_: DiscountsListType | Unset = UNSET,
) -> ErrorEnvelope | PaginatedDiscountList | None:
    """Discount codes (admin).

    **Admin scope:** `discounts:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        code (str | Unset):
        is_active (bool | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        state (DiscountsListState | Unset):
        type_ (DiscountsListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedDiscountList
    """

    return sync_detailed(
        client=client,
        code=code,
        is_active=is_active,
        limit=limit,
        page=page,
        state=state,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    code: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    state: DiscountsListState | Unset = UNSET,
    type_: DiscountsListType | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedDiscountList]:
    """Discount codes (admin).

    **Admin scope:** `discounts:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        code (str | Unset):
        is_active (bool | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        state (DiscountsListState | Unset):
        type_ (DiscountsListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedDiscountList]
    """

    kwargs = _get_kwargs(
        code=code,
        is_active=is_active,
        limit=limit,
        page=page,
        state=state,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    code: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    state: DiscountsListState | Unset = UNSET,
    type_: DiscountsListType | Unset = UNSET,
) -> ErrorEnvelope | PaginatedDiscountList | None:
    """Discount codes (admin).

    **Admin scope:** `discounts:read` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        code (str | Unset):
        is_active (bool | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        state (DiscountsListState | Unset):
        type_ (DiscountsListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedDiscountList
    """

    return (
        await asyncio_detailed(
            client=client,
            code=code,
            is_active=is_active,
            limit=limit,
            page=page,
            state=state,
            type_=type_,
        )
    ).parsed
