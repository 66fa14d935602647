from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.recommendations_envelope import RecommendationsEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    mood: str | Unset = UNSET,
    occasion: str | Unset = UNSET,
    product_type: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["category"] = category

    params["limit"] = limit

    params["mood"] = mood

    params["occasion"] = occasion

    params["product_type"] = product_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/custom-blends/recommendations/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | RecommendationsEnvelope | None:
    if response.status_code == 200:
        response_200 = RecommendationsEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | RecommendationsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    mood: str | Unset = UNSET,
    occasion: str | Unset = UNSET,
    product_type: str | Unset = UNSET,
) -> Response[ErrorEnvelope | RecommendationsEnvelope]:
    """Notes and starter blends for the caller's scent profile

     For a signed-in customer (staff included); API keys are refused with 403 `permission_denied`.

    Args:
        category (str | Unset):
        limit (int | Unset):
        mood (str | Unset):
        occasion (str | Unset):
        product_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RecommendationsEnvelope]
    """

    kwargs = _get_kwargs(
        category=category,
        limit=limit,
        mood=mood,
        occasion=occasion,
        product_type=product_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    mood: str | Unset = UNSET,
    occasion: str | Unset = UNSET,
    product_type: str | Unset = UNSET,
) -> ErrorEnvelope | RecommendationsEnvelope | None:
    """Notes and starter blends for the caller's scent profile

     For a signed-in customer (staff included); API keys are refused with 403 `permission_denied`.

    Args:
        category (str | Unset):
        limit (int | Unset):
        mood (str | Unset):
        occasion (str | Unset):
        product_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RecommendationsEnvelope
    """

    return sync_detailed(
        client=client,
        category=category,
        limit=limit,
        mood=mood,
        occasion=occasion,
        product_type=product_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    mood: str | Unset = UNSET,
    occasion: str | Unset = UNSET,
    product_type: str | Unset = UNSET,
) -> Response[ErrorEnvelope | RecommendationsEnvelope]:
    """Notes and starter blends for the caller's scent profile

     For a signed-in customer (staff included); API keys are refused with 403 `permission_denied`.

    Args:
        category (str | Unset):
        limit (int | Unset):
        mood (str | Unset):
        occasion (str | Unset):
        product_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RecommendationsEnvelope]
    """

    kwargs = _get_kwargs(
        category=category,
        limit=limit,
        mood=mood,
        occasion=occasion,
        product_type=product_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    mood: str | Unset = UNSET,
    occasion: str | Unset = UNSET,
    product_type: str | Unset = UNSET,
) -> ErrorEnvelope | RecommendationsEnvelope | None:
    """Notes and starter blends for the caller's scent profile

     For a signed-in customer (staff included); API keys are refused with 403 `permission_denied`.

    Args:
        category (str | Unset):
        limit (int | Unset):
        mood (str | Unset):
        occasion (str | Unset):
        product_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RecommendationsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            limit=limit,
            mood=mood,
            occasion=occasion,
            product_type=product_type,
        )
    ).parsed
