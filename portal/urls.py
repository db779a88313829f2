"""Root URL map: the public pages of each app, the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("portal.site_urls")),
    path("instruments/", include("standards.urls")),
    path("", include("programmes.urls")),
    path("", include("recommendations.urls")),
    path("admin/", admin.site.urls),
    # The REST API (portal/api.py) is mounted here under /api/.
]
