"""page/limit pagination filling meta.pagination and links, with the contract's clamping rules."""

import math

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from moodmnky.counts import capped_count


def _positive_int(request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: [f"`{name}` must be a whole number of at least 1."]}) from None
    if value < 1:
        raise ValidationError({name: [f"`{name}` must be a whole number of at least 1."]})
    return value


class PageLimitPagination(BasePagination):
    default_limit = 20
    max_limit = 100
    # Past this many matches `total` (and `pages`) is PostgreSQL's estimate (docs/api.md "Pagination").
    exact_count_up_to = 1_000

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = _positive_int(request, "page", 1)
        self.limit = min(_positive_int(request, "limit", self.default_limit), self.max_limit)
        offset = (self.page - 1) * self.limit
        if isinstance(queryset, list):
            self.total, exact = len(queryset), True
        else:
            self.total, exact = capped_count(queryset, self.exact_count_up_to)
        if exact and offset >= self.total:
            return []
        rows = list(queryset[offset:offset + self.limit])
        if not exact and len(rows) < self.limit:
            # The end is on this page (or before it): the estimate gives way to the exact figure.
            self.total = offset + len(rows) if rows else queryset.count()
        elif not exact:
            self.total = max(self.total, offset + len(rows) + 1)  # at least one more row may follow
        return rows

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.limit) if self.total else 0

    def _link(self, page: int | None) -> str | None:
        if page is None:
            return None
        url = self.request.build_absolute_uri()
        url = replace_query_param(url, "page", page)
        return replace_query_param(url, "limit", self.limit)

    def get_paginated_response(self, data):
        last = max(self.pages, 1)
        return Response({
            "data": data,
            "meta": {"pagination": {"total": self.total, "pages": self.pages, "page": self.page,
                                    "limit": self.limit}},
            "links": {
                "self": self._link(self.page),
                "first": self._link(1),
                "prev": self._link(min(self.page - 1, last)) if self.page > 1 else None,
                "next": self._link(self.page + 1) if self.page < self.pages else None,
                "last": self._link(last),
            },
        })

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["data", "meta", "links"],
            "properties": {
                "data": schema,
                "meta": {"type": "object", "properties": {"pagination": {
                    "type": "object",
                    "properties": {name: {"type": "integer"} for name in ("total", "pages", "page", "limit")},
                }}},
                "links": {"type": "object",
                          "properties": dict.fromkeys(("self", "first", "prev", "next", "last"), link)},
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1},
             "description": "1-based page number."},
            {"name": "limit", "in": "query", "required": False,
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_limit, "default": self.default_limit},
             "description": f"Page size (default {self.default_limit}; "
                            f"larger values are clamped to {self.max_limit})."},
        ]


class OrderPagination(PageLimitPagination):
    default_limit = 10
    max_limit = 50
