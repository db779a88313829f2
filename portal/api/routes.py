"""The route registry: every endpoint of v1, registered by the app that owns it.

An app's `api_views.py` calls `register(prefix, viewset, basename=..., order=...)`; the router
lists the routes by `order`, which is the order of the API root (`/api/v1/`). The core takes
10-99 (goals, targets, indicators, themes), standards 100-199, programmes 200-299,
recommendations 300-399; a new app takes the next free hundred.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from rest_framework import renderers, routers

from portal.api.viewsets import PublicAPIMixin

API_NAMESPACE = "api"


@dataclass(frozen=True)
class Route:
    prefix: str  # the path under /api/v1/, a regular expression for nested routes
    viewset: type
    basename: str  # URL names are `api:<basename>-list` and `api:<basename>-detail`
    order: int


_routes: dict[str, Route] = {}


def register(prefix: str, viewset: type, *, basename: str, order: int) -> Route:
    """Mount a viewset under /api/v1/<prefix>/; call it from the owning app's `api_views.py`."""
    taken = {route.order: route.basename for route in _routes.values()}
    if basename in _routes:
        raise ImproperlyConfigured(f'The API route "{basename}" is already registered.')
    if order in taken:
        raise ImproperlyConfigured(f'The API route "{basename}" has order {order}, already taken by "{taken[order]}".')
    route = Route(prefix=prefix, viewset=viewset, basename=basename, order=order)
    _routes[basename] = route
    return route


def unregister(basename: str) -> None:
    del _routes[basename]


def routes() -> list[Route]:
    return sorted(_routes.values(), key=lambda route: route.order)


class APIRootView(PublicAPIMixin, routers.APIRootView):
    """API v1: one URL per collection. The guide is at /api/, the OpenAPI schema at /api/schema/.

    The body lists only collections, so clients may iterate over it; the guide, the schema and the
    interactive docs are linked from the `Link` header (RFC 8631: service-doc, service-desc, help).
    """

    renderer_classes = [renderers.JSONRenderer]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        links = {"service-doc": "api-overview", "service-desc": "api-schema", "help": "api-docs"}
        response["Link"] = ", ".join(
            f'<{request.build_absolute_uri(reverse(name))}>; rel="{rel}"' for rel, name in links.items()
        )
        return response


class PortalRouter(routers.DefaultRouter):
    include_format_suffixes = False
    APIRootView = APIRootView


def build_router() -> PortalRouter:
    """Every registered endpoint of v1, in the registry's order."""
    router = PortalRouter(trailing_slash=True)
    for route in routes():
        router.register(route.prefix, route.viewset, basename=route.basename)
    return router
