from django.urls import path

from portal import converters, trust, views  # noqa: F401  (converters registers the path converters)

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("sdg/", views.GoalListView.as_view(), name="goal-list"),
    path("sdg/<goal:code>/", views.GoalDetailView.as_view(), name="goal-detail"),
    path("sdg/<target:code>/", views.TargetDetailView.as_view(), name="target-detail"),
    path("themes/", views.ThemeListView.as_view(), name="theme-list"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("search/", views.search, name="search"),
    path("about/", trust.AboutView.as_view(), name="about"),
    path("methodology/", trust.MethodologyView.as_view(), name="methodology"),
    path("sitemap/", trust.SitemapPageView.as_view(), name="sitemap-page"),
]
