"""Filtering and pagination: FilterSet errors and bad page numbers are 400s naming the parameter."""

from __future__ import annotations

import re

from django.core.paginator import EmptyPage
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from rest_framework.pagination import PageNumberPagination

from portal.api.errors import invalid

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
DIGITS = re.compile(r"^[0-9]+$")
LARGEST_NUMBER = 10**12


class PortalFilterBackend(DjangoFilterBackend):
    """The app's FilterSet; its errors become the API's 400 body."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise filter_utils.translate_validation(filterset.errors)
        return filterset.qs


class PortalFilterExtension(DjangoFilterExtension):
    """Documents a filter by natural key (target=16.3) with the type of that key, also when the
    FilterSet filters through a method (links with evidence) rather than a model field."""

    target_class = PortalFilterBackend
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        for parameter in parameters:
            schema = parameter["schema"]
            if schema.get("type") == "string" and "enum" not in schema and "format" not in schema:
                schema["minLength"] = 1  # empty values are rejected
            elif schema.get("type") == "array":
                schema["minItems"] = 1
        return parameters

    def _get_model_field(self, filter_field, model):
        queryset, to_field = filter_field.extra.get("queryset"), filter_field.extra.get("to_field_name")
        if queryset is not None and not callable(queryset) and to_field:
            return queryset.model._meta.get_field(to_field)
        return super()._get_model_field(filter_field, model)


def positive_int(parameter: str, raw: str) -> int:
    """A positive whole number in ASCII digits; absurdly long ones count as very large."""
    if not DIGITS.match(raw) or not raw.strip("0"):
        raise invalid(parameter, f'"{raw}" is not a positive whole number.')
    return int(raw) if len(raw) <= 12 else LARGEST_NUMBER


class PortalPagination(PageNumberPagination):
    """Numbered pages with the total count; page_size is capped at 100.

    A page that is not a positive number or does not exist is a 400 naming `page`, not a 404.
    Lists also carry `Link` (next/prev) and `X-Total-Count` headers, so CSV clients can page too.
    """

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return min(positive_int(self.page_size_query_param, raw), self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = positive_int(self.page_query_param, request.query_params.get(self.page_query_param, "1"))
        try:
            self.page = paginator.page(number)
        except EmptyPage:
            raise invalid(
                self.page_query_param,
                f"Page {number} does not exist; the last page is {paginator.num_pages}.",
                "out_of_range",
            ) from None
        return list(self.page)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(self.page.paginator.count)
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Number of results per page: {PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}."
                )
        return parameters
