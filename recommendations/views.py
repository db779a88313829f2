"""Recommendation, meeting and document pages."""

from django.views.generic import DetailView, ListView

from recommendations.models import Document, Meeting, Recommendation


class RecommendationListView(ListView):
    queryset = Recommendation.objects.published().select_related("document")
    template_name = "recommendations/recommendation_list.html"
    paginate_by = 50


class RecommendationDetailView(DetailView):
    queryset = Recommendation.objects.published().select_related("document")
    template_name = "recommendations/recommendation_detail.html"


class MeetingDetailView(DetailView):
    queryset = Meeting.objects.published()
    template_name = "recommendations/meeting_detail.html"


class DocumentDetailView(DetailView):
    queryset = Document.objects.published()
    slug_field = slug_url_kwarg = "symbol"
    template_name = "recommendations/document_detail.html"
