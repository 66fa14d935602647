from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.custom_blends_notes_list_volatility import (
    CustomBlendsNotesListVolatility,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_note_list import PaginatedNoteList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    mood: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    volatility: CustomBlendsNotesListVolatility | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["category"] = category

    params["limit"] = limit

    params["mood"] = mood

    params["page"] = page

    params["search"] = search

    json_volatility: str | Unset = UNSET
    if not isinstance(volatility, Unset):
        json_volatility = volatility

    params["volatility"] = json_volatility

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/custom-blends/notes/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedNoteList | None:
    if response.status_code == 200:
        response_200 = PaginatedNoteList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

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
) -> Response[ErrorEnvelope | PaginatedNoteList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    mood: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    volatility: CustomBlendsNotesListVolatility | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedNoteList]:
    """Blendable fragrance oils; admins (blends:read) also see inactive notes, cost and stock.

    Args:
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        mood (str | Unset):
        page (int | Unset):
        search (str | Unset):
        volatility (CustomBlendsNotesListVolatility | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedNoteList]
    """

    kwargs = _get_kwargs(
        category=category,
        limit=limit,
        mood=mood,
        page=page,
        search=search,
        volatility=volatility,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    mood: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    volatility: CustomBlendsNotesListVolatility | Unset = UNSET,
) -> ErrorEnvelope | PaginatedNoteList | None:
    """Blendable fragrance oils; admins (blends:read) also see inactive notes, cost and stock.

    Args:
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        mood (str | Unset):
        page (int | Unset):
        search (str | Unset):
        volatility (CustomBlendsNotesListVolatility | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedNoteList
    """

    return sync_detailed(
        client=client,
        category=category,
        limit=limit,
        mood=mood,
        page=page,
        search=search,
        volatility=volatility,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    mood: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    volatility: CustomBlendsNotesListVolatility | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedNoteList]:
    """Blendable fragrance oils; admins (blends:read) also see inactive notes, cost and stock.

    Args:
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        mood (str | Unset):
        page (int | Unset):
        search (str | Unset):
        volatility (CustomBlendsNotesListVolatility | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedNoteList]
    """

    kwargs = _get_kwargs(
        category=category,
        limit=limit,
        mood=mood,
        page=page,
        search=search,
        volatility=volatility,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    mood: str | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    volatility: CustomBlendsNotesListVolatility | Unset = UNSET,
) -> ErrorEnvelope | PaginatedNoteList | None:
    """Blendable fragrance oils; admins (blends:read) also see inactive notes, cost and stock.

    Args:
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        mood (str | Unset):
        page (int | Unset):
        search (str | Unset):
        volatility (CustomBlendsNotesListVolatility | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedNoteList
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            limit=limit,
            mood=mood,
            page=page,
            search=search,
            volatility=volatility,
        )
    ).parsed
