"""REST API v1: the one router and the pieces every endpoint shares.

Each app's viewsets live in its `api_views.py` and build on `PublicReadOnlyViewSet` below;
`urls()` mounts them, the OpenAPI schema, the interactive docs and the overview page under /api/.

Behaviour every endpoint shares, documented for partners on the overview page
(templates/api/overview.html):

- Errors are JSON, always shaped `{"errors": [{"parameter": ..., "message": ..., "code": ...}]}`;
  `parameter` names the query parameter at fault, or is null.
- Unknown query parameters and empty values are rejected (400), so a misspelt filter never
  silently returns everything.
- Lists are paginated (`page`, `page_size` up to 100) in a total order, and render as JSON or CSV.
- Every successful response carries an ETag (a hash of its body) and a Last-Modified date, and
  answers If-None-Match / If-Modified-Since with 304.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from django.core.paginator import EmptyPage
from django.db.models import Max, Prefetch
from django.http import Http404, JsonResponse
from django.urls import include, path, re_path, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, mixins, renderers, routers, serializers, viewsets
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import exception_handler as drf_exception_handler

from portal.models import PublicationStatus
from portal.outage import is_outage_error, record_failure, unavailable_response

API_NAMESPACE = "api"
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
CSV_LIST_SEPARATOR = "|"
DIGITS = re.compile(r"^[0-9]+$")
LARGEST_NUMBER = 10**12


# --- Errors ------------------------------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True, help_text=_("The query parameter at fault (e.g. target, page, format), or null.")
    )
    message = serializers.CharField(help_text=_("What is wrong, in English."))
    code = serializers.CharField(help_text=_('A stable machine-readable code, e.g. "invalid_choice", "not_found".'))


class ErrorResponseSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


def invalid(parameter: str, message: str, code: str = "invalid") -> ValidationError:
    return ValidationError({parameter: [ErrorDetail(message, code=code)]})


def error_items(detail, parameter: str | None = None):
    """Flatten DRF's error detail (dict, list or string) into {parameter, message, code} items."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = None if key in (api_settings.NON_FIELD_ERRORS_KEY, "detail") else str(key)
            yield from error_items(value, name)
    elif isinstance(detail, list):
        for item in detail:
            yield from error_items(item, parameter)
    else:
        yield {"parameter": parameter, "message": str(detail), "code": getattr(detail, "code", "error")}


def error_body(detail, parameter: str | None = None) -> dict:
    return {"errors": list(error_items(detail, parameter))}


def exception_handler(exc, context):
    """DRF's handler (status codes, Retry-After), with every error body in the one documented shape.

    A database outage is a 503 with Retry-After (portal/outage.py), not DRF's re-raise into a 500."""
    if is_outage_error(exc):
        record_failure(context["request"], exc)
        return unavailable_response(context["request"])
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = error_body(exc.detail)
    return response


def not_found(request, *args, **kwargs):
    """Any address under /api/ that no endpoint answers: a JSON 404 rather than the HTML page."""
    body = error_body(ErrorDetail(f"No API endpoint at {request.path}; the list is at /api/v1/.", code="not_found"))
    return JsonResponse(body, status=404)


# --- Formats -----------------------------------------------------------------------


def csv_columns(serializer: serializers.Serializer) -> list[tuple[str, ...]]:
    """One column per field; a nested object (e.g. titles) gives one column per sub-field."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            columns += [(name, sub) for sub in field.fields]
        else:
            columns.append((name,))
    return columns


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join(csv_cell(item) for item in value)
    return str(value)


def csv_value(row: dict, column: tuple[str, ...]):
    value = row
    for key in column:
        value = value.get(key) if isinstance(value, dict) else None
    return value


class CSVRenderer(renderers.BaseRenderer):
    """A list as CSV: a header row, then one row per object of the current page.

    Columns are the fields of the list serializer (`titles.en` for a nested field); a list of
    values becomes one cell joined with "|"; null becomes an empty cell; booleans are true/false.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        view = renderer_context.get("view")
        rows = data.get("results", []) if isinstance(data, dict) else data or []
        if view is not None and hasattr(view, "get_serializer"):
            columns = csv_columns(view.get_serializer())
        else:
            columns = [(key,) for key in (rows[0] if rows else {})]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([".".join(column) for column in columns])
        for row in rows:
            writer.writerow([csv_cell(csv_value(row, column)) for column in columns])
        response = renderer_context.get("response")
        if response is not None and view is not None:
            response["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return buffer.getvalue().encode(self.charset)


class PortalContentNegotiation(DefaultContentNegotiation):
    """An unknown ?format= is a client error (400) naming the parameter, not DRF's 404."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise invalid("format", f'Unknown format "{format}"; this endpoint offers: {offered}.', "invalid_choice")
        return matching


# --- Filtering and pagination --------------------------------------------------------


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


# --- Throttling ---------------------------------------------------------------------


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate at each request (so settings overrides apply)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


# --- Conditional requests -------------------------------------------------------------


def latest_update(data, found: datetime | None = None) -> datetime | None:
    """The newest `updated_at` anywhere in serialized data (objects, nested objects, links)."""
    if isinstance(data, dict):
        stamp = data.get("updated_at")
        if isinstance(stamp, str) and (moment := parse_datetime(stamp)) and (found is None or moment > found):
            found = moment
        for value in data.values():
            if isinstance(value, dict | list):
                found = latest_update(value, found)
    elif isinstance(data, list):
        for item in data:
            found = latest_update(item, found)
    return found


def conditional_response(request, response, extra_moment: datetime | None = None):
    """Add ETag and Last-Modified to a successful response; answer 304 when the client's copy is current."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    moments = [moment for moment in (latest_update(response.data), extra_moment) if moment is not None]
    response.render()
    set_response_etag(response)
    last_modified = None
    if moments:
        last_modified = int(max(moments).timestamp())
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Accept"])
    return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


# --- Schema ----------------------------------------------------------------------------

CONDITIONAL_HEADERS = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description=_("An ETag from an earlier response: 304 Not Modified if the content has not changed."),
    ),
    OpenApiParameter(
        "If-Modified-Since",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description=_("An HTTP date: 304 Not Modified if nothing in the response changed since then."),
    ),
]
RESPONSE_HEADERS = [
    OpenApiParameter("ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
    OpenApiParameter("Last-Modified", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
]
LIST_RESPONSE_HEADERS = [
    OpenApiParameter(
        "Link",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200],
        description=_('RFC 8288 links to the next and previous pages (rel="next", rel="prev").'),
    ),
    OpenApiParameter(
        "X-Total-Count", OpenApiTypes.INT, OpenApiParameter.HEADER, response=[200], description=_("Total results.")
    ),
]


class PortalAutoSchema(AutoSchema):
    """Documents what every endpoint shares: ?format, conditional headers, error responses."""

    def is_list(self) -> bool:
        return getattr(self.view, "action", None) == "list"

    def get_override_parameters(self):
        formats = [renderer.format for renderer in self.view.get_renderers()]
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                "format", OpenApiTypes.STR, enum=formats, description=_("Response format (default: json).")
            ),
            *CONDITIONAL_HEADERS,
            *RESPONSE_HEADERS,
            *(LIST_RESPONSE_HEADERS if self.is_list() else []),
        ]

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if not isinstance(getattr(self.view, "action", None), str):
            return serializer
        responses = {(200, "application/json"): serializer}
        if self.is_list():
            responses[(200, "text/csv")] = OpenApiTypes.STR
        errors = {
            304: OpenApiResponse(description=_("Not modified: the copy named by If-None-Match is current.")),
            400: OpenApiResponse(ErrorResponseSerializer, description=_("Invalid parameter.")),
            404: OpenApiResponse(ErrorResponseSerializer, description=_("No such object.")),
            429: OpenApiResponse(ErrorResponseSerializer, description=_("Throttled: retry after Retry-After seconds.")),
            503: OpenApiResponse(
                ErrorResponseSerializer, description=_("Database unavailable: retry after Retry-After seconds.")
            ),
        }
        responses.update({(code, "application/json") if code != 304 else code: body for code, body in errors.items()})
        return responses


# --- Viewsets ---------------------------------------------------------------------------


class PublicAPIMixin:
    """What every view under /api/ shares: the anonymous throttle and 400 for an unknown ?format."""

    throttle_classes = [AnonymousRateThrottle]
    content_negotiation_class = PortalContentNegotiation


class PublicListViewSet(PublicAPIMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A list of published content for anonymous clients, as JSON or CSV.

    Subclasses define `get_queryset()` (`.published()`, with the joins and prefetches their
    serializers need, so a page costs the same number of queries whatever its size),
    `serializer_class`, `filterset_class` and, for details, `list_serializer_class` and `lookup_field`.
    """

    pagination_class = PortalPagination
    filter_backends = [PortalFilterBackend]
    schema = PortalAutoSchema()
    list_serializer_class: type[serializers.Serializer] | None = None
    list_renderer_classes = [renderers.JSONRenderer, CSVRenderer]
    detail_renderer_classes = [renderers.JSONRenderer]
    lookup_value_regex = "[^/]+"
    page_parameters = ("page", "page_size")

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return super().get_serializer_class()

    def get_renderers(self):
        classes = self.list_renderer_classes if self.action == "list" else self.detail_renderer_classes
        return [renderer() for renderer in classes]

    def known_parameters(self) -> set[str]:
        known = {api_settings.URL_FORMAT_OVERRIDE}
        if self.action == "list":
            known |= set(self.page_parameters)
            if self.filterset_class is not None:
                known |= set(self.filterset_class.base_filters)
        return known

    def initial(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names or not hasattr(self, request.method.lower()):
            raise exceptions.MethodNotAllowed(request.method)  # before judging its parameters
        super().initial(request, *args, **kwargs)
        self.check_parameters(request)

    def check_parameters(self, request):
        """Unknown parameters and empty values are rejected: a typo never silently widens a harvest."""
        known = self.known_parameters()
        allowed = ", ".join(sorted(known))
        errors = {}
        for name, values in request.query_params.lists():
            if name not in known:
                message = f"Unknown query parameter. This endpoint accepts: {allowed}."
                errors[name] = [ErrorDetail(message, code="unknown")]
            elif any(value == "" for value in values):
                errors[name] = [ErrorDetail("Empty value: leave the parameter out instead.", code="blank")]
        if errors:
            raise ValidationError(errors)

    def filter_queryset(self, queryset):
        # Filters apply to lists; a detail is found by its identifier alone.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_lookup(self) -> dict:
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        return {self.lookup_field: value}

    def get_object(self):
        lookup = self.get_lookup()
        model = self.get_queryset().model
        described = ", ".join(f'{name.replace("__", " ")} "{value}"' for name, value in lookup.items())
        missing = exceptions.NotFound(f"No {model._meta.verbose_name} has {described}.")
        if any("\x00" in str(value) for value in lookup.values()):
            raise missing
        try:
            return self.get_queryset().get(**lookup)
        except model.DoesNotExist:
            raise missing from None

    def list_last_modified(self) -> datetime | None:
        """The newest change to any entry of this kind, published or not, so a withdrawal shows too."""
        return self.get_queryset().model._default_manager.aggregate(latest=Max("updated_at"))["latest"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            # Errors are JSON whatever format was asked for.
            response.accepted_renderer = renderers.JSONRenderer()
            response.accepted_media_type = response.accepted_renderer.media_type
            return response
        if isinstance(response, Response) and response.status_code == 200:
            extra = self.list_last_modified() if self.action == "list" else None
            return conditional_response(request, response, extra)
        return response


class PublicReadOnlyViewSet(mixins.RetrieveModelMixin, PublicListViewSet):
    """A list and details (JSON) of published content, each object found by its natural key."""


def published_links(relation: str, link_model, other: str, order_by: str) -> Prefetch:
    """Prefetch an object's published link rows whose other end (`other`) is published too, joined."""
    queryset = link_model.objects.published().select_related(other).order_by(order_by)
    if any(field.name == "status" for field in link_model._meta.get_field(other).related_model._meta.fields):
        queryset = queryset.filter(**{f"{other}__status": PublicationStatus.PUBLISHED})
    return Prefetch(relation, queryset=queryset)


# --- Pages and routes -------------------------------------------------------------------


class APIOverviewView(TemplateView):
    """The human guide to the API: identifiers, filters, harvesting, formats, versioning."""

    template_name = "api/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["api_root"] = self.request.build_absolute_uri(reverse(f"{API_NAMESPACE}:api-root"))
        context["breadcrumbs"] = [(_("Home"), reverse("portal:home")), (_("API"), "")]
        context["page_size"], context["max_page_size"] = PAGE_SIZE, MAX_PAGE_SIZE
        return context


class APIRootView(PublicAPIMixin, routers.APIRootView):
    """API v1: one URL per collection. The guide is at /api/, the OpenAPI schema at /api/schema/."""

    renderer_classes = [renderers.JSONRenderer]


class SchemaView(PublicAPIMixin, SpectacularAPIView):
    """The OpenAPI 3 schema (YAML; ?format=json for JSON)."""


class DocsView(PublicAPIMixin, SpectacularSwaggerSplitView):
    """Swagger UI over the schema, its assets served from this site (drf-spectacular-sidecar).

    The split view serves the start-up script as a file (?script), so the page runs under the
    site's Content-Security-Policy without inline script; the template moves the inline style out too.
    """

    template_name = "api/swagger_ui.html"


class PortalRouter(routers.DefaultRouter):
    include_format_suffixes = False
    APIRootView = APIRootView


def build_router() -> PortalRouter:
    """Every endpoint of v1. The imports are here because each app's api_views builds on this module."""
    from portal.api_views import GoalViewSet, IndicatorViewSet, TargetViewSet, ThemeViewSet
    from programmes.api_views import ActivityViewSet, CountryViewSet, ProgrammeViewSet, ResourceViewSet
    from recommendations.api_views import DocumentViewSet, MeetingViewSet, RecommendationViewSet
    from standards.api_views import InstrumentProvisionViewSet, InstrumentViewSet, ProvisionViewSet

    router = PortalRouter(trailing_slash=True)
    router.register("goals", GoalViewSet, basename="goal")
    router.register("targets", TargetViewSet, basename="target")
    router.register("indicators", IndicatorViewSet, basename="indicator")
    router.register("themes", ThemeViewSet, basename="theme")
    router.register("instruments", InstrumentViewSet, basename="instrument")
    router.register(
        r"instruments/(?P<instrument_slug>[^/]+)/provisions",
        InstrumentProvisionViewSet,
        basename="instrument-provision",
    )
    router.register("provisions", ProvisionViewSet, basename="provision")
    router.register("programmes", ProgrammeViewSet, basename="programme")
    router.register("resources", ResourceViewSet, basename="resource")
    router.register("activities", ActivityViewSet, basename="activity")
    router.register("countries", CountryViewSet, basename="country")
    router.register("meetings", MeetingViewSet, basename="meeting")
    router.register("documents", DocumentViewSet, basename="document")
    router.register("recommendations", RecommendationViewSet, basename="recommendation")
    return router


def urls() -> list:
    """Everything under /api/: the overview page, v1, the schema and the docs; anything else is a JSON 404."""
    return [
        path("", APIOverviewView.as_view(), name="api-overview"),
        path("v1/", include((build_router().urls, API_NAMESPACE), namespace=API_NAMESPACE)),
        path("schema/", SchemaView.as_view(), name="api-schema"),
        path("docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
        re_path(r"^(?:.*/)?$", not_found),
    ]
