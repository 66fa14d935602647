from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checkout import Checkout
from ...models.error_envelope import ErrorEnvelope
from ...models.order_envelope import OrderEnvelope
from ...types import Response


def _get_kwargs(
    cart_id: str,
    *,
    body: Checkout,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/carts/{cart_id}/checkout/".format(
            cart_id=quote(str(cart_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | OrderEnvelope | None:
    if response.status_code == 201:
        response_201 = OrderEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorEnvelope.from_dict(response.json())

        return response_402

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

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | OrderEnvelope]:
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
    body: Checkout,
) -> Response[ErrorEnvelope | OrderEnvelope]:
    """Check out: pay and turn the cart into a confirmed order

     Accepts `Idempotency-Key` (scoped to the customer, the API key, or for a guest the cart). A decline
    is 402 `payment_declined` and a gateway failure 502 `payment_error`; after either, nothing was
    charged, taken or counted.

    Args:
        cart_id (str):
        body (Checkout): POST /carts/{id}/checkout/. `validated_data` holds the service's keyword
            arguments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OrderEnvelope]
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
    body: Checkout,
) -> ErrorEnvelope | OrderEnvelope | None:
    """Check out: pay and turn the cart into a confirmed order

     Accepts `Idempotency-Key` (scoped to the customer, the API key, or for a guest the cart). A decline
    is 402 `payment_declined` and a gateway failure 502 `payment_error`; after either, nothing was
    charged, taken or counted.

    Args:
        cart_id (str):
        body (Checkout): POST /carts/{id}/checkout/. `validated_data` holds the service's keyword
            arguments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OrderEnvelope
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
    body: Checkout,
) -> Response[ErrorEnvelope | OrderEnvelope]:
    """Check out: pay and turn the cart into a confirmed order

     Accepts `Idempotency-Key` (scoped to the customer, the API key, or for a guest the cart). A decline
    is 402 `payment_declined` and a gateway failure 502 `payment_error`; after either, nothing was
    charged, taken or counted.

    Args:
        cart_id (str):
        body (Checkout): POST /carts/{id}/checkout/. `validated_data` holds the service's keyword
            arguments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | OrderEnvelope]
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
    body: Checkout,
) -> ErrorEnvelope | OrderEnvelope | None:
    """Check out: pay and turn the cart into a confirmed order

     Accepts `Idempotency-Key` (scoped to the customer, the API key, or for a guest the cart). A decline
    is 402 `payment_declined` and a gateway failure 502 `payment_error`; after either, nothing was
    charged, taken or counted.

    Args:
        cart_id (str):
        body (Checkout): POST /carts/{id}/checkout/. `validated_data` holds the service's keyword
            arguments.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | OrderEnvelope
    """

    return (
        await asyncio_detailed(
            cart_id=cart_id,
            client=client,
            body=body,
        )
    ).parsed
