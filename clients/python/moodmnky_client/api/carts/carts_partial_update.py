from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cart_envelope import CartEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.patched_cart_update import PatchedCartUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    cart_id: str,
    *,
    body: PatchedCartUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/carts/{cart_id}/".format(
            cart_id=quote(str(cart_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CartEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CartEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())

        return response_415

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
) -> Response[CartEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cart_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PatchedCartUpdate | Unset = UNSET,
) -> Response[CartEnvelope | ErrorEnvelope]:
    """Change the cart's email, note or shipping method

     Base: a guest cart is anyone's who knows its id; a customer's cart is 404 to everyone else.

    Args:
        cart_id (str):
        body (PatchedCartUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CartEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        cart_id=cart_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    cart_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PatchedCartUpdate | Unset = UNSET,
) -> CartEnvelope | ErrorEnvelope | None:
    """Change the cart's email, note or shipping method

     Base: a guest cart is anyone's who knows its id; a customer's cart is 404 to everyone else.

    Args:
        cart_id (str):
        body (PatchedCartUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CartEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        cart_id=cart_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    cart_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PatchedCartUpdate | Unset = UNSET,
) -> Response[CartEnvelope | ErrorEnvelope]:
    """Change the cart's email, note or shipping method

     Base: a guest cart is anyone's who knows its id; a customer's cart is 404 to everyone else.

    Args:
        cart_id (str):
        body (PatchedCartUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CartEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        cart_id=cart_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cart_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PatchedCartUpdate | Unset = UNSET,
) -> CartEnvelope | ErrorEnvelope | None:
    """Change the cart's email, note or shipping method

     Base: a guest cart is anyone's who knows its id; a customer's cart is 404 to everyone else.

    Args:
        cart_id (str):
        body (PatchedCartUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CartEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            cart_id=cart_id,
            client=client,
            body=body,
        )
    ).parsed
