"""How recommendations appear on the shared pages (registered with `portal.pages`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.pages import HomeCount, LinkPart, LinkSection, RecentEntries, ThemeSection, register
from recommendations.models import Recommendation, RecommendationKind
from recommendations.serializers import RecommendationLinkSerializer

register(
    LinkSection(
        name="recommendation",
        order=300,
        heading=_("Recommendations"),
        anchor="recommendations",
        column=_("Recommendations"),
        nouns=(_("recommendation"), _("recommendations")),
        empty=_("No recommendation is linked to this target yet."),
        row_template="recommendations/includes/target_recommendation_link.html",
        select_related=("recommendation__document",),
        order_by=("recommendation__document__symbol", "recommendation__position"),
        published=("recommendation", "recommendation__document"),
        api_field="recommendations",
        api_serializer=RecommendationLinkSerializer,
        api_list="api:recommendation-list",
        page_list="recommendations:recommendation-list",
        parts=(
            LinkPart(
                anchor="recommendations",
                heading=_("Recommendations"),
                nouns=(_("recommendation"), _("recommendations")),
                # A finding linked to a target (A/CONF.234/PM.1 para 30 names target 8.8) is shown here,
                # labelled as a finding by the row, rather than nowhere on the target page.
                filters={"recommendation__kind__in": [RecommendationKind.RECOMMENDATION, RecommendationKind.FINDING]},
                empty=_("No recommendation is linked to this target yet."),
                list_query={"kind": RecommendationKind.RECOMMENDATION},
            ),
            LinkPart(
                anchor="questions",
                heading=_("Questions for discussion and views expressed"),
                nouns=(_("question or view for discussion"), _("questions and views for discussion")),
                filters={
                    "recommendation__kind__in": [RecommendationKind.QUESTION, RecommendationKind.SUMMARY_OF_VIEWS]
                },
                empty=_("No question for discussion is linked to this target yet."),
            ),
        ),
    )
)

register(
    HomeCount(
        order=300,
        label=pgettext_lazy("counted: 120 recommendations and questions", "recommendations and questions"),
        queryset=lambda: Recommendation.objects.published().exclude(kind=RecommendationKind.FINDING),
        url_name="recommendations:recommendation-list",
    )
)
register(RecentEntries(order=300, queryset=lambda: Recommendation.objects.published().select_related("document")))

register(
    ThemeSection(
        order=300,
        heading=_("Recommendations"),
        entries=lambda theme: (
            Recommendation.objects.published()
            .filter(themes=theme)
            .exclude(kind=RecommendationKind.FINDING)
            .select_related("document")
        ),
        row_template="recommendations/includes/theme_recommendation.html",
        tagged=Recommendation,
        count_nouns=(_("recommendation"), _("recommendations")),
        page_list="recommendations:recommendation-list",
    )
)
