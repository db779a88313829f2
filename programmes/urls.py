from django.urls import path

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme-detail"),
    path("resources/", views.ResourceListView.as_view(), name="resource-list"),
    path("resources/<slug:slug>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
]
