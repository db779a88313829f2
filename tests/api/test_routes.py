"""The API root lists what the apps register in portal.api.routes, in the registry's order."""

import types
from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import include, path

from portal.api import routes
from portal.api.urls import api_urls
from portal.api_views import ThemeViewSet
from tests.api.conftest import get_ok

pytestmark = pytest.mark.django_db

DOCUMENTED_ORDER = [
    "goals", "targets", "indicators", "themes",  # the core: 10-99
    "instruments", "provisions",  # standards: 100-199 (provisions of one instrument are nested, not listed)
    "programmes", "resources", "activities", "countries",  # programmes: 200-299
    "meetings", "documents", "recommendations",  # recommendations: 300-399
]  # fmt: skip


def test_the_api_root_lists_the_collections_in_the_documented_order(api):
    assert list(get_ok(api, "/api/v1/")) == DOCUMENTED_ORDER
    assert [route.order for route in routes.routes()] == sorted(route.order for route in routes.routes())


@pytest.fixture
def throwaway_route(settings):
    """A route registered by a test, served by a URL map built after it was registered."""
    routes.register("throwaway-themes", ThemeViewSet, basename="throwaway-theme", order=150)
    urlconf = types.ModuleType("throwaway_urls")
    urlconf.urlpatterns = [path("", include("portal.site_urls")), path("api/", include(api_urls()))]
    settings.ROOT_URLCONF = urlconf
    yield
    routes.unregister("throwaway-theme")


def test_a_registered_route_is_served_and_listed_where_its_order_puts_it(api, throwaway_route):
    root = get_ok(api, "/api/v1/")
    assert list(root) == [*DOCUMENTED_ORDER[:6], "throwaway-themes", *DOCUMENTED_ORDER[6:]]
    assert root["throwaway-themes"] == "http://testserver/api/v1/throwaway-themes/"
    detail = get_ok(api, "/api/v1/throwaway-themes/access-to-justice/")
    assert detail["url"] == "http://testserver/api/v1/themes/access-to-justice/"  # the viewset's own serializer


def test_a_route_clashing_with_a_registered_one_is_refused():
    with pytest.raises(ImproperlyConfigured, match="already registered"):
        routes.register("goals-again", ThemeViewSet, basename="goal", order=999)
    with pytest.raises(ImproperlyConfigured, match="already taken"):
        routes.register("goals-again", ThemeViewSet, basename="goal-again", order=10)


def test_the_api_root_links_its_guide_schema_and_docs(api):
    response = api.get("/api/v1/")
    assert response.status_code == HTTPStatus.OK
    link = response["Link"]
    assert '<http://testserver/api/>; rel="service-doc"' in link
    assert '<http://testserver/api/schema/>; rel="service-desc"' in link
    assert '<http://testserver/api/docs/>; rel="help"' in link
    assert all(value.startswith("http://testserver/api/v1/") for value in response.json().values())


@pytest.mark.parametrize(("guess", "answer"), [("/api/v1/schema/", "/api/schema/"), ("/api/v1/docs/", "/api/docs/")])
def test_the_schema_and_docs_are_found_under_v1_too(api, guess, answer):
    response = api.get(guess)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == answer
