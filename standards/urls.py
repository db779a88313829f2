from django.urls import path

from standards import views

app_name = "standards"

urlpatterns = [
    path("", views.InstrumentListView.as_view(), name="instrument-list"),
    path("<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument-detail"),
    path("<slug:slug>/<slug:ref>/", views.ProvisionDetailView.as_view(), name="provision-detail"),
]
