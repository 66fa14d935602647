import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.orders_list_fulfillment_status import OrdersListFulfillmentStatus
from ...models.orders_list_payment_status import OrdersListPaymentStatus
from ...models.orders_list_status import OrdersListStatus
from ...models.paginated_order_list import PaginatedOrderList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    fulfillment_status: OrdersListFulfillmentStatus | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = UNSET,
    payment_status: OrdersListPaymentStatus | Unset = UNSET,
    status: OrdersListStatus | Unset = UNSET,
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

    params["email"] = email

    json_fulfillment_status: str | Unset = UNSET
    if not isinstance(fulfillment_status, Unset):
        json_fulfillment_status = fulfillment_status

    params["fulfillment_status"] = json_fulfillment_status

    params["limit"] = limit

    params["page"] = page

    json_payment_status: str | Unset = UNSET
    if not isinstance(payment_status, Unset):
        json_payment_status = payment_status

    params["payment_status"] = json_payment_status

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orders/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedOrderList | None:
    if response.status_code == 200:
        response_200 = PaginatedOrderList.from_dict(response.json())

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
) -> Response[ErrorEnvelope | PaginatedOrderList]:
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
    email: str | Unset = UNSET,
    fulfillment_status: OrdersListFulfillmentStatus | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = UNSET,
    payment_status: OrdersListPaymentStatus | Unset = UNSET,
    status: OrdersListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedOrderList]:
    """Orders: a customer sees their own; admins (`orders:read` / `orders:write`) see and change every
    order.

    **Admin scope:** `orders:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        email (str | Unset):
        fulfillment_status (OrdersListFulfillmentStatus | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):
        payment_status (OrdersListPaymentStatus | Unset):
        status (OrdersListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedOrderList]
    """

    kwargs = _get_kwargs(
        created_after=created_after,
        created_before=created_before,
        email=email,
        fulfillment_status=fulfillment_status,
        limit=limit,
        page=page,
        payment_status=payment_status,
        status=status,
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
    email: str | Unset = UNSET,
    fulfillment_status: OrdersListFulfillmentStatus | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = UNSET,
    payment_status: OrdersListPaymentStatus | Unset = UNSET,
    status: OrdersListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedOrderList | None:
    """Orders: a customer sees their own; admins (`orders:read` / `orders:write`) see and change every
    order.

    **Admin scope:** `orders:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        email (str | Unset):
        fulfillment_status (OrdersListFulfillmentStatus | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):
        payment_status (OrdersListPaymentStatus | Unset):
        status (OrdersListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedOrderList
    """

    return sync_detailed(
        client=client,
        created_after=created_after,
        created_before=created_before,
        email=email,
        fulfillment_status=fulfillment_status,
        limit=limit,
        page=page,
        payment_status=payment_status,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    fulfillment_status: OrdersListFulfillmentStatus | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = UNSET,
    payment_status: OrdersListPaymentStatus | Unset = UNSET,
    status: OrdersListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedOrderList]:
    """Orders: a customer sees their own; admins (`orders:read` / `orders:write`) see and change every
    order.

    **Admin scope:** `orders:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        email (str | Unset):
        fulfillment_status (OrdersListFulfillmentStatus | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):
        payment_status (OrdersListPaymentStatus | Unset):
        status (OrdersListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedOrderList]
    """

    kwargs = _get_kwargs(
        created_after=created_after,
        created_before=created_before,
        email=email,
        fulfillment_status=fulfillment_status,
        limit=limit,
        page=page,
        payment_status=payment_status,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    email: str | Unset = UNSET,
    fulfillment_status: OrdersListFulfillmentStatus | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = UNSET,
    payment_status: OrdersListPaymentStatus | Unset = UNSET,
    status: OrdersListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedOrderList | None:
    """Orders: a customer sees their own; admins (`orders:read` / `orders:write`) see and change every
    order.

    **Admin scope:** `orders:read` (held by an API key, or by a staff user's model permissions; `:write`
    includes `:read`).

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        email (str | Unset):
        fulfillment_status (OrdersListFulfillmentStatus | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):
        payment_status (OrdersListPaymentStatus | Unset):
        status (OrdersListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedOrderList
    """

    return (
        await asyncio_detailed(
            client=client,
            created_after=created_after,
            created_before=created_before,
            email=email,
            fulfillment_status=fulfillment_status,
            limit=limit,
            page=page,
            payment_status=payment_status,
            status=status,
        )
    ).parsed
