from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.paginated_product_list import PaginatedProductList
from ...models.products_list_in_stock import ProductsListInStock
from ...models.products_list_order import ProductsListOrder
from ...models.products_list_ordering import ProductsListOrdering
from ...models.products_list_product_type import ProductsListProductType
from ...models.products_list_sort import ProductsListSort
from ...models.products_list_status import ProductsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    collection: str | Unset = UNSET,
    in_stock: ProductsListInStock | Unset = UNSET,
    limit: int | Unset = 20,
    order: ProductsListOrder | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    price_max: float | Unset = UNSET,
    price_min: float | Unset = UNSET,
    product_type: ProductsListProductType | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: ProductsListSort | Unset = UNSET,
    status: ProductsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["category"] = category

    params["collection"] = collection

    json_in_stock: str | Unset = UNSET
    if not isinstance(in_stock, Unset):
        json_in_stock = in_stock

    params["in_stock"] = json_in_stock

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering

    params["ordering"] = json_ordering

    params["page"] = page

    params["price_max"] = price_max

    params["price_min"] = price_min

    json_product_type: str | Unset = UNSET
    if not isinstance(product_type, Unset):
        json_product_type = product_type

    params["product_type"] = json_product_type

    params["search"] = search

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["tag"] = tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/products/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | PaginatedProductList | None:
    if response.status_code == 200:
        response_200 = PaginatedProductList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | ErrorEnvelope | PaginatedProductList]:
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
    collection: str | Unset = UNSET,
    in_stock: ProductsListInStock | Unset = UNSET,
    limit: int | Unset = 20,
    order: ProductsListOrder | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    price_max: float | Unset = UNSET,
    price_min: float | Unset = UNSET,
    product_type: ProductsListProductType | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: ProductsListSort | Unset = UNSET,
    status: ProductsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | PaginatedProductList]:
    """List products

     Anyone browses active products; admins (products:read) also see drafts, archived and stock.

    Args:
        category (str | Unset):
        collection (str | Unset):
        in_stock (ProductsListInStock | Unset):
        limit (int | Unset):  Default: 20.
        order (ProductsListOrder | Unset):
        ordering (ProductsListOrdering | Unset):
        page (int | Unset):
        price_max (float | Unset):
        price_min (float | Unset):
        product_type (ProductsListProductType | Unset):
        search (str | Unset):
        sort (ProductsListSort | Unset):
        status (ProductsListStatus | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PaginatedProductList]
    """

    kwargs = _get_kwargs(
        category=category,
        collection=collection,
        in_stock=in_stock,
        limit=limit,
        order=order,
        ordering=ordering,
        page=page,
        price_max=price_max,
        price_min=price_min,
        product_type=product_type,
        search=search,
        sort=sort,
        status=status,
        tag=tag,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    collection: str | Unset = UNSET,
    in_stock: ProductsListInStock | Unset = UNSET,
    limit: int | Unset = 20,
    order: ProductsListOrder | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    price_max: float | Unset = UNSET,
    price_min: float | Unset = UNSET,
    product_type: ProductsListProductType | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: ProductsListSort | Unset = UNSET,
    status: ProductsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Any | ErrorEnvelope | PaginatedProductList | None:
    """List products

     Anyone browses active products; admins (products:read) also see drafts, archived and stock.

    Args:
        category (str | Unset):
        collection (str | Unset):
        in_stock (ProductsListInStock | Unset):
        limit (int | Unset):  Default: 20.
        order (ProductsListOrder | Unset):
        ordering (ProductsListOrdering | Unset):
        page (int | Unset):
        price_max (float | Unset):
        price_min (float | Unset):
        product_type (ProductsListProductType | Unset):
        search (str | Unset):
        sort (ProductsListSort | Unset):
        status (ProductsListStatus | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PaginatedProductList
    """

    return sync_detailed(
        client=client,
        category=category,
        collection=collection,
        in_stock=in_stock,
        limit=limit,
        order=order,
        ordering=ordering,
        page=page,
        price_max=price_max,
        price_min=price_min,
        product_type=product_type,
        search=search,
        sort=sort,
        status=status,
        tag=tag,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    collection: str | Unset = UNSET,
    in_stock: ProductsListInStock | Unset = UNSET,
    limit: int | Unset = 20,
    order: ProductsListOrder | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    price_max: float | Unset = UNSET,
    price_min: float | Unset = UNSET,
    product_type: ProductsListProductType | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: ProductsListSort | Unset = UNSET,
    status: ProductsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | PaginatedProductList]:
    """List products

     Anyone browses active products; admins (products:read) also see drafts, archived and stock.

    Args:
        category (str | Unset):
        collection (str | Unset):
        in_stock (ProductsListInStock | Unset):
        limit (int | Unset):  Default: 20.
        order (ProductsListOrder | Unset):
        ordering (ProductsListOrdering | Unset):
        page (int | Unset):
        price_max (float | Unset):
        price_min (float | Unset):
        product_type (ProductsListProductType | Unset):
        search (str | Unset):
        sort (ProductsListSort | Unset):
        status (ProductsListStatus | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PaginatedProductList]
    """

    kwargs = _get_kwargs(
        category=category,
        collection=collection,
        in_stock=in_stock,
        limit=limit,
        order=order,
        ordering=ordering,
        page=page,
        price_max=price_max,
        price_min=price_min,
        product_type=product_type,
        search=search,
        sort=sort,
        status=status,
        tag=tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    category: str | Unset = UNSET,
    collection: str | Unset = UNSET,
    in_stock: ProductsListInStock | Unset = UNSET,
    limit: int | Unset = 20,
    order: ProductsListOrder | Unset = UNSET,
    ordering: ProductsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    price_max: float | Unset = UNSET,
    price_min: float | Unset = UNSET,
    product_type: ProductsListProductType | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: ProductsListSort | Unset = UNSET,
    status: ProductsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Any | ErrorEnvelope | PaginatedProductList | None:
    """List products

     Anyone browses active products; admins (products:read) also see drafts, archived and stock.

    Args:
        category (str | Unset):
        collection (str | Unset):
        in_stock (ProductsListInStock | Unset):
        limit (int | Unset):  Default: 20.
        order (ProductsListOrder | Unset):
        ordering (ProductsListOrdering | Unset):
        page (int | Unset):
        price_max (float | Unset):
        price_min (float | Unset):
        product_type (ProductsListProductType | Unset):
        search (str | Unset):
        sort (ProductsListSort | Unset):
        status (ProductsListStatus | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PaginatedProductList
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            collection=collection,
            in_stock=in_stock,
            limit=limit,
            order=order,
            ordering=ordering,
            page=page,
            price_max=price_max,
            price_min=price_min,
            product_type=product_type,
            search=search,
            sort=sort,
            status=status,
            tag=tag,
        )
    ).parsed
