from django.urls import path

from portal import converters  # noqa: F401  (registers the symbol converter)
from recommendations import views

app_name = "recommendations"

urlpatterns = [
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation-list"),
    path("recommendations/<slug:slug>/", views.RecommendationDetailView.as_view(), name="recommendation-detail"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    # UN symbols contain slashes (A/CONF.234/5), so the whole remaining path is the symbol.
    path("documents/<symbol:symbol>/", views.DocumentDetailView.as_view(), name="document-detail"),
]
