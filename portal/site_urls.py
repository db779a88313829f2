from django.contrib.sitemaps.views import sitemap
from django.urls import path

from portal import converters, search_api, views  # noqa: F401  (converters registers the path converters)
from portal.sitemaps import RegisteredSitemaps

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("sdg/", views.GoalListView.as_view(), name="goal-list"),
    path("sdg/<goal:code>/", views.GoalDetailView.as_view(), name="goal-detail"),
    path("sdg/<target:code>/", views.TargetDetailView.as_view(), name="target-detail"),
    path("themes/", views.ThemeListView.as_view(), name="theme-list"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("search/", views.search, name="search"),
    path("api/v1/search/", search_api.SearchView.as_view(), name="search-api"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": RegisteredSitemaps()}, name="sitemap"),
]
