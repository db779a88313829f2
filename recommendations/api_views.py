"""API v1 endpoints for meetings, documents and recommendations (registered with portal.api.routes)."""

from django.db.models import Prefetch

from portal.api.routes import register
from portal.api.viewsets import PublicReadOnlyViewSet, published_links
from portal.models import published_themes
from recommendations.filters import DocumentFilter, MeetingFilter, RecommendationFilter
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationGoal,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from recommendations.serializers import (
    DocumentDetailSerializer,
    DocumentSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    RecommendationDetailSerializer,
    RecommendationSerializer,
)


class MeetingViewSet(PublicReadOnlyViewSet):
    """Crime Congresses, Commission sessions and preparatory meetings, by slug."""

    filterset_class = MeetingFilter
    serializer_class = MeetingDetailSerializer
    list_serializer_class = MeetingSerializer
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Meeting.objects.published()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.published().prefetch_related(published_themes()).order_by("position"),
                ),
                Prefetch("documents", queryset=Document.objects.published().order_by("symbol")),
            )
        return queryset


class DocumentViewSet(PublicReadOnlyViewSet):
    """UN documents, by symbol. Symbols keep their slashes: /api/v1/documents/A/CONF.234/5/."""

    filterset_class = DocumentFilter
    serializer_class = DocumentDetailSerializer
    list_serializer_class = DocumentSerializer
    lookup_field = "symbol"
    lookup_value_regex = "[^?#]+"

    def get_queryset(self):
        return (
            Document.objects.published()
            .select_related("meeting", "agenda_item__meeting")
            .prefetch_related(published_themes())
        )


class RecommendationViewSet(PublicReadOnlyViewSet):
    """Recommendations and questions from Congress documents, by slug (`a-conf-234-5-para-44-b`)."""

    filterset_class = RecommendationFilter
    serializer_class = RecommendationDetailSerializer
    list_serializer_class = RecommendationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        keys = ("code", "slug", "slug", "code") if self.action == "list" else ("", "", "", "")  # a list shows only keys
        return (
            Recommendation.objects.published()
            .select_related("document__meeting", "agenda_item__meeting")
            .prefetch_related(
                published_themes(),
                published_links("target_links", RecommendationTarget, "target", "target__position", key=keys[0]),
                published_links("goal_links", RecommendationGoal, "goal", "goal__number", key=keys[3]),
                published_links(
                    "instrument_links", RecommendationInstrument, "instrument", "instrument__title", key=keys[1]
                ),
                published_links(
                    "programme_links", RecommendationProgramme, "programme", "programme__title", key=keys[2]
                ),
            )
        )


register("meetings", MeetingViewSet, basename="meeting", order=300)
register("documents", DocumentViewSet, basename="document", order=310)
register("recommendations", RecommendationViewSet, basename="recommendation", order=320)
