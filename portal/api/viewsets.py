"""The base classes every endpoint builds on: public lists and details of published content."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import Max, Prefetch
from rest_framework import exceptions, mixins, renderers, serializers, viewsets
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from portal.api.conditional import conditional_response
from portal.api.pagination import PortalFilterBackend, PortalPagination
from portal.api.renderers import CSVRenderer, PortalContentNegotiation
from portal.api.schema import PortalAutoSchema
from portal.languages import LANGUAGE_PARAMETER, api_language
from portal.models import PublicationStatus


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate at each request (so settings overrides apply)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


def check_language(request) -> None:
    """A `lang` that names no UN language is a 400 (an unknown Accept-Language is English)."""
    if api_language(request) is None:
        offered = ", ".join(code for code, _name in settings.LANGUAGES)
        message = f"Unknown language. Choose one of: {offered} (zh is accepted for zh-hans)."
        raise ValidationError({LANGUAGE_PARAMETER: [ErrorDetail(message, code="invalid_choice")]})


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
        known = {api_settings.URL_FORMAT_OVERRIDE, LANGUAGE_PARAMETER}
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
        check_language(request)

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


def published_links(relation: str, link_model, other: str, order_by: str, *, key: str = "") -> Prefetch:
    """Prefetch an object's published link rows whose other end (`other`) is published too, joined.

    With `key` (a list's serializer reads only `other.key`, e.g. "code"), only the columns that need are
    loaded: no evidence, no titles in six languages, per link of every row of the page."""
    queryset = link_model.objects.published().select_related(other).order_by(order_by)
    if any(field.name == "status" for field in link_model._meta.get_field(other).related_model._meta.fields):
        queryset = queryset.filter(**{f"{other}__status": PublicationStatus.PUBLISHED})
    if key:
        owner = next(name for name in link_model.link_fields if name != other)
        queryset = queryset.only(owner, other, f"{other}__{key}")
    return Prefetch(relation, queryset=queryset)
