from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_webhook_delivery_list import PaginatedWebhookDeliveryList
from ...models.webhooks_deliveries_list_status import (
    WebhooksDeliveriesListStatus,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    event_type: str | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["event_type"] = event_type

    params["limit"] = limit

    params["page"] = page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{id}/deliveries/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PaginatedWebhookDeliveryList | None:
    if response.status_code == 200:
        response_200 = PaginatedWebhookDeliveryList.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

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
) -> Response[ErrorEnvelope | PaginatedWebhookDeliveryList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    event_type: str | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedWebhookDeliveryList]:
    """Deliveries of a subscription, newest first, with their attempts

     Webhook subscriptions; the secret is returned once, in the 201 of the creation.

    **Admin scope:** `webhooks:manage` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        id (str):
        event_type (str | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedWebhookDeliveryList]
    """

    kwargs = _get_kwargs(
        id=id,
        event_type=event_type,
        limit=limit,
        page=page,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    event_type: str | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedWebhookDeliveryList | None:
    """Deliveries of a subscription, newest first, with their attempts

     Webhook subscriptions; the secret is returned once, in the 201 of the creation.

    **Admin scope:** `webhooks:manage` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        id (str):
        event_type (str | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedWebhookDeliveryList
    """

    return sync_detailed(
        id=id,
        client=client,
        event_type=event_type,
        limit=limit,
        page=page,
        status=status,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    event_type: str | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Response[ErrorEnvelope | PaginatedWebhookDeliveryList]:
    """Deliveries of a subscription, newest first, with their attempts

     Webhook subscriptions; the secret is returned once, in the 201 of the creation.

    **Admin scope:** `webhooks:manage` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        id (str):
        event_type (str | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PaginatedWebhookDeliveryList]
    """

    kwargs = _get_kwargs(
        id=id,
        event_type=event_type,
        limit=limit,
        page=page,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    event_type: str | Unset = UNSET,
    limit: int | Unset = 20,
    page: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> ErrorEnvelope | PaginatedWebhookDeliveryList | None:
    """Deliveries of a subscription, newest first, with their attempts

     Webhook subscriptions; the secret is returned once, in the 201 of the creation.

    **Admin scope:** `webhooks:manage` (held by an API key, or by a staff user's model permissions;
    `:write` includes `:read`).

    Args:
        id (str):
        event_type (str | Unset):
        limit (int | Unset):  Default: 20.
        page (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PaginatedWebhookDeliveryList
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            event_type=event_type,
            limit=limit,
            page=page,
            status=status,
        )
    ).parsed
