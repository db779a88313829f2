"""Recommendation, meeting and document pages."""

from itertools import groupby

from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from portal.models import PublicationStatus, published_themes
from portal.views import BreadcrumbMixin, FilteredListView
from recommendations.filters import DocumentFilter, MeetingFilter, RecommendationFilter
from recommendations.models import AgendaItem, Document, Meeting, Recommendation, RecommendationKind, SourceList

PUBLISHED = PublicationStatus.PUBLISHED


class RecommendationListView(FilteredListView):
    template_name = "recommendations/recommendation_list.html"
    filterset_class = RecommendationFilter
    queryset = Recommendation.objects.published().select_related("document")

    def get_breadcrumbs(self):
        return [(_("Recommendations"), "")]


class RecommendationDetailView(BreadcrumbMixin, DetailView):
    template_name = "recommendations/recommendation_detail.html"

    def get_queryset(self):
        return (
            Recommendation.objects.published()
            .select_related("document")
            .select_published("document__meeting", "agenda_item")
            .prefetch_related(published_themes())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recommendation = self.object
        context.update(
            target_links=recommendation.target_links.published().select_related("target"),
            goal_links=recommendation.goal_links.published().select_related("goal"),
            instrument_links=recommendation.instrument_links.published()
            .filter(instrument__status=PUBLISHED)
            .select_related("instrument"),
            programme_links=recommendation.programme_links.published()
            .filter(programme__status=PUBLISHED)
            .select_related("programme"),
            source_lists=SourceList.resolve(
                SourceList.objects.stated_in(recommendation.document, recommendation.paragraph)
            ),
        )
        return context

    def get_breadcrumbs(self):
        document = self.object.document
        return [
            (_("Recommendations"), reverse("recommendations:recommendation-list")),
            (str(document), document.get_absolute_url()),
            (f"Para. {self.object.paragraph}", ""),
        ]


class MeetingListView(FilteredListView):
    template_name = "recommendations/meeting_list.html"
    filterset_class = MeetingFilter
    queryset = Meeting.objects.published()

    def get_breadcrumbs(self):
        return [(_("Meetings"), "")]


class DocumentListView(FilteredListView):
    template_name = "recommendations/document_list.html"
    filterset_class = DocumentFilter
    # The newest first; a document without a date (the brochure) last.
    queryset = Document.objects.published().select_published("meeting").order_by(F("issued_on").desc(nulls_last=True))

    def get_breadcrumbs(self):
        return [(_("Documents"), "")]


class MeetingDetailView(BreadcrumbMixin, DetailView):
    template_name = "recommendations/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.published().prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.published()),
            Prefetch("documents", queryset=Document.objects.published()),
        )

    def get_breadcrumbs(self):
        return [(_("Meetings"), reverse("recommendations:meeting-list")), (str(self.object), "")]


class DocumentDetailView(BreadcrumbMixin, DetailView):
    slug_field = slug_url_kwarg = "symbol"
    template_name = "recommendations/document_detail.html"

    def get_queryset(self):
        return Document.objects.published().select_published("meeting", "agenda_item")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = (
            Recommendation.objects.published()
            .filter(document=self.object)
            .select_published("agenda_item")
            .order_by("position", "pk")
        )
        # The document's findings (its analysis) are listed apart from its recommendations and questions.
        recommendations = [entry for entry in entries if entry.kind != RecommendationKind.FINDING]
        context["findings"] = [entry for entry in entries if entry.kind == RecommendationKind.FINDING]
        context["source_lists"] = SourceList.resolve(SourceList.objects.stated_in(self.object))
        # An agenda item belongs to the document's meeting: a hidden meeting hides its items too.
        meeting_shown = self.object.published_meeting is not None
        context["groups"] = [
            (item, list(entries))
            for item, entries in groupby(
                recommendations, key=lambda r: r.published_agenda_item if meeting_shown else None
            )
        ]
        context["recommendation_count"] = sum(len(entries) for _item, entries in context["groups"])
        return context

    def get_breadcrumbs(self):
        return [(_("Recommendations"), reverse("recommendations:recommendation-list")), (str(self.object), "")]
