"""Everything under /api/: the overview page, v1, the schema and the docs; anything else is a JSON 404."""

from __future__ import annotations

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from portal.api.errors import not_found
from portal.api.pagination import MAX_PAGE_SIZE, PAGE_SIZE
from portal.api.routes import API_NAMESPACE, build_router
from portal.api.viewsets import PublicAPIMixin


class APIOverviewView(TemplateView):
    """The human guide to the API: identifiers, filters, harvesting, formats, versioning."""

    template_name = "api/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["api_root"] = self.request.build_absolute_uri(reverse(f"{API_NAMESPACE}:api-root"))
        context["breadcrumbs"] = [(_("Home"), reverse("portal:home")), (_("API"), "")]
        context["page_size"], context["max_page_size"] = PAGE_SIZE, MAX_PAGE_SIZE
        return context


class SchemaView(PublicAPIMixin, SpectacularAPIView):
    """The OpenAPI 3 schema (YAML; ?format=json for JSON)."""


class DocsView(PublicAPIMixin, SpectacularSwaggerSplitView):
    """Swagger UI over the schema, its assets served from this site (drf-spectacular-sidecar).

    The split view serves the start-up script as a file (?script), so the page runs under the
    site's Content-Security-Policy without inline script; the template moves the inline style out too.
    """

    template_name = "api/swagger_ui.html"


def api_urls() -> list:
    """The URL map under /api/, with v1 built from the route registry as it stands."""
    return [
        path("", APIOverviewView.as_view(), name="api-overview"),
        # Where a newcomer guesses them: the schema and the docs belong to the API, not to one version.
        path("v1/schema/", RedirectView.as_view(pattern_name="api-schema", query_string=True, permanent=True)),
        path("v1/docs/", RedirectView.as_view(pattern_name="api-docs", query_string=True, permanent=True)),
        path("v1/", include((build_router().urls, API_NAMESPACE), namespace=API_NAMESPACE)),
        path("schema/", SchemaView.as_view(), name="api-schema"),
        path("docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
        re_path(r"^(?:.*/)?$", not_found),
    ]


# Built when the URL map is first loaded, after every app's api_views has registered its routes.
urlpatterns = api_urls()
