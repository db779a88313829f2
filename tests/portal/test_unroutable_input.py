"""Input no route or filter can match (a NUL byte, broken UTF-8, absurd length): 404 or 400, never a 500.

PostgreSQL refuses NUL bytes in text parameters (a DataError), so an identifier or filter value that
reaches a query with one would be a server error there; SQLite would simply find nothing.
"""

from http import HTTPStatus

import pytest
from django.urls import resolve

from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db

BAD_IDENTIFIERS = ["a%00b", "%00", "%FF%FE", "%C0%80", "%ED%A0%80", "x" * 3000]

PAGE_DETAIL_ROUTES = [
    "/sdg/{}/",
    "/sdg/16.{}/",
    "/themes/{}/",
    "/instruments/{}/",
    "/instruments/nelson-mandela-rules/{}/",
    "/programmes/{}/",
    "/resources/{}/",
    "/countries/{}/",
    "/recommendations/{}/",
    "/meetings/{}/",
    "/documents/{}/",
    "/documents/A/CONF.234/{}/",
]

API_DETAIL_ROUTES = [
    *(f"{list_url(name)}{{}}/" for name in LISTS),
    "/api/v1/documents/A/CONF.234/{}/",
    "/api/v1/instruments/{}/provisions/",
    "/api/v1/instruments/nelson-mandela-rules/provisions/{}/",
]

PAGE_LISTS = ["/instruments/", "/programmes/", "/activities/", "/recommendations/"]
NUL_VALUES = ["a%00b", "%00"]
ODD_VALUES = ["%FF%FE", "%C0%80", "%ED%A0%80", "x" * 3000]


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}


def filters_of(url: str) -> list[str]:
    view = resolve(url).func
    filterset_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    return sorted(filterset_class.filterset_class.base_filters)


@pytest.mark.parametrize("identifier", BAD_IDENTIFIERS)
@pytest.mark.parametrize("route", PAGE_DETAIL_ROUTES)
def test_a_page_for_an_unroutable_identifier_is_not_found(client, route, identifier):
    response = client.get(route.format(identifier))
    assert response.status_code == HTTPStatus.NOT_FOUND, response.content[:300]


@pytest.mark.parametrize("identifier", BAD_IDENTIFIERS)
@pytest.mark.parametrize("route", API_DETAIL_ROUTES)
def test_an_api_detail_for_an_unroutable_identifier_is_a_json_404(client, route, identifier):
    response = client.get(route.format(identifier))
    assert response.status_code == HTTPStatus.NOT_FOUND, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["code"] == "not_found"


@pytest.mark.parametrize("name", LISTS)
def test_every_api_filter_answers_a_nul_byte_with_a_400_naming_it(client, name):
    for parameter in [*filters_of(list_url(name)), "page", "page_size", "format"]:
        for value in NUL_VALUES:
            response = client.get(f"{list_url(name)}?{parameter}={value}")
            assert response.status_code == HTTPStatus.BAD_REQUEST, (parameter, response.content[:300])
            assert response.json()["errors"][0]["parameter"] == parameter


@pytest.mark.parametrize("name", LISTS)
def test_every_api_filter_answers_odd_values_without_a_server_error(client, name):
    for parameter in [*filters_of(list_url(name)), "page", "page_size", "format"]:
        for value in ODD_VALUES:
            response = client.get(f"{list_url(name)}?{parameter}={value}")
            assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST), (parameter, value)


@pytest.mark.parametrize("url", PAGE_LISTS)
def test_every_page_filter_shows_a_nul_byte_as_a_form_error(client, url):
    for parameter in filters_of(url):
        for value in NUL_VALUES:
            response = client.get(f"{url}?{parameter}={value}")
            assert response.status_code == HTTPStatus.OK, (parameter, response.content[:300])
            assert parameter in response.context["filter"].errors, parameter
    for value in NUL_VALUES:
        assert client.get(f"{url}?page={value}").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("url", PAGE_LISTS)
def test_every_page_filter_answers_odd_values_without_a_server_error(client, url):
    for parameter in [*filters_of(url), "page"]:
        for value in ODD_VALUES:
            status = client.get(f"{url}?{parameter}={value}").status_code
            assert status in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), (parameter, value)


@pytest.mark.parametrize("value", NUL_VALUES + ODD_VALUES)
def test_search_answers_unroutable_values_without_a_server_error(client, value):
    for parameter in ("q", "kind", "target", "goal", "theme", "page"):
        assert client.get(f"/search/?{parameter}={value}").status_code < 500, parameter
        assert client.get(f"/api/v1/search/?{parameter}={value}").status_code < 500, parameter
