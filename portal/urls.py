"""Root URL map: health checks, the public pages of each app, the admin, the API."""

from django.contrib import admin
from django.urls import include, path

from portal import health

urlpatterns = [
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path("", include("portal.site_urls")),
    path("instruments/", include("standards.urls")),
    path("", include("programmes.urls")),
    path("", include("recommendations.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("portal.api.urls")),  # REST API v1, its schema, docs and overview (portal/api/)
]
