"""GET /api/v1/search/: the site search as JSON, with the same parameters, results and facet
counts as the HTML page /search/ (both call `portal.search.run_search`)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import renderers, serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api.conditional import conditional_response
from portal.api.errors import ErrorResponseSerializer
from portal.api.schema import CONDITIONAL_HEADERS, LANGUAGE_PARAMETERS
from portal.api.viewsets import PublicAPIMixin, check_language
from portal.languages import LANGUAGE_PARAMETER
from portal.search import (
    FACET_LIMIT,
    FACETS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    PARAMETERS,
    RANKED_LIMIT,
    run_search,
    sources,
)

RESULT_TYPES = [source.type for source in sources()]


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=RESULT_TYPES, help_text=_("What the result is."))
    id = serializers.CharField(
        help_text=_('Its natural key: a slug, "instrument-slug/ref" for a provision, a symbol or an SDG code.')
    )
    title = serializers.CharField()
    context = serializers.CharField(help_text=_("A line that places the result (section, full title, goal)."))
    url = serializers.CharField(
        help_text=_("Path of the page that shows it: the exact provision, paragraph or indicator (#indicator-…).")
    )
    html_url = serializers.URLField(help_text=_("The same page as an absolute URL."))
    snippet = serializers.CharField(
        help_text=_("HTML: the text around the matched words, escaped, with each match in <mark>…</mark>.")
    )
    score = serializers.FloatField(help_text=_("Relevance; results come in decreasing order."))


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("The value to pass in the facet's parameter."))
    label = serializers.CharField()
    count = serializers.IntegerField(help_text=_("Number of results with this value chosen (other facets kept)."))
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    type = FacetValueSerializer(many=True)
    theme = FacetValueSerializer(many=True)
    goal = FacetValueSerializer(many=True)
    document = FacetValueSerializer(many=True)


class FacetOtherCountSerializer(serializers.Serializer):
    type = serializers.IntegerField()
    theme = serializers.IntegerField()
    goal = serializers.IntegerField()
    document = serializers.IntegerField()


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text=_("The search text as understood (spaces collapsed)."))
    suggestion = serializers.CharField(
        allow_null=True, help_text=_('"Did you mean": the query with misspelt words corrected, or null.')
    )
    corrected = serializers.BooleanField(
        help_text=_("True when nothing matched the query and the results are those of the suggestion.")
    )
    count = serializers.IntegerField(help_text=_("Number of results with the chosen facets."))
    ranked = serializers.IntegerField(
        allow_null=True,
        help_text=_(
            "With no facet chosen and more than %(n)d results: how many of the best are ranked, paged and counted "
            "in the facets (choose a facet to search all of them again); otherwise null."
        )
        % {"n": RANKED_LIMIT},
    )
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    facets = FacetsSerializer(
        help_text=_("Per facet, at most %(n)d values: those with the most results, and the one chosen.")
        % {"n": FACET_LIMIT}
    )
    other_count = FacetOtherCountSerializer(help_text=_("Per facet, the number of values not listed in facets."))
    results = SearchResultSerializer(many=True)


FACET_DESCRIPTIONS = {
    "type": _("Only results of this type: %(types)s.") % {"types": ", ".join(RESULT_TYPES)},
    "theme": _("Only results tagged with this theme (a theme slug, e.g. access-to-justice)."),
    "goal": _('Only results linked to this SDG goal ("16").'),
    "document": _("Only recommendations from this document, or the document itself (a symbol, e.g. A/CONF.234/5)."),
}


def invalid(parameter: str, message: str, code: str) -> ValidationError:
    return ValidationError({parameter: [ErrorDetail(message, code=code)]})


class SearchView(PublicAPIMixin, APIView):
    """Search every kind of published content: ranked, faceted, with highlighted snippets."""

    renderer_classes = [renderers.JSONRenderer]

    @extend_schema(
        operation_id="search",
        summary="Site search",
        description=(
            "One query across instruments, provisions, programmes, tools and publications, recommendations, "
            'documents and SDG targets and indicators. Web-search syntax: "quoted phrase", `or`, `-word`. '
            "Words are stemmed and accents ignored; a misspelt query is corrected (see `suggestion`). "
            "Facet counts are the number of results each facet value gives with the other facets kept. "
            "On the embedded SQLite database the matching is simpler (substring) and the ranking coarser."
        ),
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description=_("The search text, at most %(n)d characters.") % {"n": MAX_QUERY_LENGTH},
            ),
            *[OpenApiParameter(name, OpenApiTypes.STR, description=FACET_DESCRIPTIONS[name]) for name in FACETS],
            OpenApiParameter("page", OpenApiTypes.INT, description=_("Page number (from 1).")),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=_("Results per page: %(default)d by default, at most %(max)d.")
                % {"default": PAGE_SIZE, "max": MAX_PAGE_SIZE},
            ),
            OpenApiParameter(
                "correct",
                OpenApiTypes.BOOL,
                description=_(
                    "true (the default): when nothing matches, show the results of the suggestion; "
                    "false: search for exactly the words given (the suggestion is still offered)."
                ),
            ),
            OpenApiParameter("format", OpenApiTypes.STR, enum=["json"], description=_("Response format (json).")),
            *LANGUAGE_PARAMETERS,
            *CONDITIONAL_HEADERS,
            OpenApiParameter("ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304]),
        ],
        responses={
            200: SearchResponseSerializer,
            304: OpenApiResponse(description=_("Not modified: the copy named by If-None-Match is current.")),
            400: OpenApiResponse(ErrorResponseSerializer, description=_("Invalid parameter.")),
            429: OpenApiResponse(ErrorResponseSerializer, description=_("Throttled: retry after Retry-After seconds.")),
        },
    )
    def get(self, request):
        known = {*PARAMETERS, "format", LANGUAGE_PARAMETER}
        unknown = sorted(name for name in request.query_params if name not in known)
        if unknown:
            allowed = ", ".join(sorted(known))
            raise ValidationError(
                {
                    name: [ErrorDetail(f"Unknown query parameter. This endpoint accepts: {allowed}.", code="unknown")]
                    for name in unknown
                }
            )
        check_language(request)
        if not (request.query_params.get("q") or "").strip():
            raise invalid("q", "Enter the text to search for.", "required")
        outcome = run_search(request.query_params)
        if outcome.problems:
            raise ValidationError(
                {problem.parameter: [ErrorDetail(problem.message, code=problem.code)] for problem in outcome.problems}
            )
        if outcome.notice:
            raise invalid("q", outcome.notice, "no_terms")
        params = outcome.params

        def page_url(number):
            return request.build_absolute_uri(f"{request.path}?{params.query_string(page=number)}")

        data = {
            "query": params.q,
            "suggestion": outcome.suggestion or None,
            "corrected": outcome.corrected,
            "count": outcome.count,
            "ranked": outcome.ranked or None,
            "page": outcome.page,
            "pages": outcome.pages,
            "next": page_url(outcome.page + 1) if outcome.page < outcome.pages else None,
            "previous": page_url(outcome.page - 1) if outcome.page > 1 else None,
            "facets": {
                name: [
                    {"value": value.value, "label": value.label, "count": value.count, "selected": value.selected}
                    for value in outcome.facets.get(name, [])
                ]
                for name in FACETS
            },
            "other_count": {name: outcome.other_count.get(name, 0) for name in FACETS},
            "results": [
                {
                    "type": hit.type,
                    "id": hit.identifier,
                    "title": hit.title,
                    "context": hit.context,
                    "url": hit.url,
                    "html_url": request.build_absolute_uri(hit.url),
                    "snippet": str(hit.snippet),
                    "score": round(hit.score, 6),
                }
                for hit in outcome.hits
            ],
        }
        return Response(data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            response.accepted_renderer = renderers.JSONRenderer()
            response.accepted_media_type = response.accepted_renderer.media_type
            return response
        # Results carry no dates, so only an ETag (no Last-Modified): a repeated search can be answered 304.
        return conditional_response(request, response)
