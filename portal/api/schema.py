"""The OpenAPI description of what every endpoint shares: ?format, conditional headers, errors."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from portal.api.errors import ErrorResponseSerializer

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
LANGUAGE_PARAMETERS = [
    OpenApiParameter(
        "lang",
        OpenApiTypes.STR,
        enum=[code for code, _name in settings.LANGUAGES],
        description=_(
            "The language of the SDG goal, target and indicator titles (`title`, `short_title`, here and wherever "
            "they are embedded, CSV included): one of the six UN languages (zh is accepted for zh-hans). "
            "Without it, the first UN language Accept-Language names, else English. An indicator not "
            "translated into the language keeps its English title (its `titles` entry is null). "
            "The response names the language in Content-Language. An unknown value is a 400."
        ),
    ),
    OpenApiParameter(
        "Accept-Language",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description=_("The language of the SDG titles when `lang` is not given, e.g. `fr` or `zh-CN`."),
    ),
]
RESPONSE_HEADERS = [
    OpenApiParameter("ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
    OpenApiParameter("Last-Modified", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
    OpenApiParameter(
        "Content-Language",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description=_("The language of the SDG titles in the response."),
    ),
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
            *LANGUAGE_PARAMETERS,
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
