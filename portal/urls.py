"""Root URL map: health checks, the admin, the API and the machine-readable files at fixed
addresses; the public pages of each app in every UN language (English unprefixed, the others
under /ar/, /zh-hans/, /fr/, /ru/, /es/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import health, languages, search_api, views
from portal.sitemaps import RegisteredSitemaps

urlpatterns = [
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": RegisteredSitemaps()}, name="sitemap"),
    path("language/", languages.switch_language, name="switch-language"),
    path("api/v1/search/", search_api.SearchView.as_view(), name="search-api"),
    path("admin/", admin.site.urls),
    path("api/", include("portal.api.urls")),  # REST API v1, its schema, docs and overview (portal/api/)
    *i18n_patterns(
        path("", include("portal.site_urls")),
        path("instruments/", include("standards.urls")),
        path("", include("programmes.urls")),
        path("", include("recommendations.urls")),
        prefix_default_language=False,
    ),
]
