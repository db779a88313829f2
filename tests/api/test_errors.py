"""Bad input gets a 400 naming the parameter; unknown identifiers a JSON 404; never a 500."""

from http import HTTPStatus

import pytest
from django.core.cache import cache

from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db


def errors_of(response, status: HTTPStatus) -> list[dict]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"errors"}
    for error in body["errors"]:
        assert set(error) == {"parameter", "message", "code"}
        assert error["message"]
    return body["errors"]


@pytest.mark.parametrize(
    ("url", "params", "parameter", "code"),
    [
        ("/api/v1/recommendations/", {"target": "99.9"}, "target", "invalid_choice"),
        ("/api/v1/instruments/", {"goal": "18"}, "goal", "invalid_choice"),
        ("/api/v1/instruments/", {"theme": "no-such-theme"}, "theme", "invalid_choice"),
        ("/api/v1/instruments/", {"kind": "poem"}, "kind", "invalid_choice"),
        ("/api/v1/instruments/", {"year": "nineteen"}, "year", "invalid"),
        ("/api/v1/instruments/", {"ordering": "colour"}, "ordering", "invalid_choice"),
        ("/api/v1/activities/", {"country": "atlantis"}, "country", "invalid_choice"),
        ("/api/v1/recommendations/", {"document": "A/NOPE/1"}, "document", "invalid_choice"),
        ("/api/v1/recommendations/", {"search": "a\x00b"}, "search", "null_characters_not_allowed"),
        ("/api/v1/goals/", {"updated_since": "last tuesday"}, "updated_since", "invalid"),
        ("/api/v1/targets/", {"page": "0"}, "page", "invalid"),
        ("/api/v1/targets/", {"page": "two"}, "page", "invalid"),
        ("/api/v1/targets/", {"page": "-1"}, "page", "invalid"),
        ("/api/v1/targets/", {"page": "9999"}, "page", "out_of_range"),
        ("/api/v1/targets/", {"page": "9" * 5000}, "page", "out_of_range"),
        ("/api/v1/targets/", {"page_size": "0"}, "page_size", "invalid"),
        ("/api/v1/targets/", {"page_size": "lots"}, "page_size", "invalid"),
        ("/api/v1/targets/", {"format": "xml"}, "format", "invalid_choice"),
        ("/api/v1/targets/16.3/", {"format": "csv"}, "format", "invalid_choice"),
        ("/api/v1/targets/", {"goals": "16"}, "goals", "unknown"),
        ("/api/v1/targets/16.3/", {"goal": "16"}, "goal", "unknown"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, url, params, parameter, code):
    errors = errors_of(api.get(url, params), HTTPStatus.BAD_REQUEST)
    assert [(error["parameter"], error["code"]) for error in errors] == [(parameter, code)]


def test_every_bad_parameter_is_named(api):
    errors = errors_of(api.get("/api/v1/instruments/", {"kind": "poem", "year": "x"}), HTTPStatus.BAD_REQUEST)
    assert {error["parameter"] for error in errors} == {"kind", "year"}


def test_the_page_error_names_the_last_page(api):
    errors = errors_of(api.get("/api/v1/goals/", {"page": "3", "page_size": "10"}), HTTPStatus.BAD_REQUEST)
    assert errors[0]["message"] == "Page 3 does not exist; the last page is 2."


def test_unknown_parameters_are_listed_with_the_accepted_ones(api):
    errors = errors_of(api.get("/api/v1/targets/", {"taget": "16.3"}), HTTPStatus.BAD_REQUEST)
    assert errors[0]["message"] == (
        "Unknown query parameter. This endpoint accepts: "
        "format, goal, lang, ordering, page, page_size, search, updated_since."
    )


def test_errors_are_json_even_when_csv_was_asked(api):
    errors_of(api.get("/api/v1/targets/", {"format": "csv", "goal": "99"}), HTTPStatus.BAD_REQUEST)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/targets/99.9/",
        "/api/v1/goals/18/",
        "/api/v1/indicators/16.3.9/",
        "/api/v1/instruments/no-such-instrument/",
        "/api/v1/instruments/no-such-instrument/provisions/",
        "/api/v1/instruments/nelson-mandela-rules/provisions/999/",
        "/api/v1/documents/A/NOPE/1/",
        "/api/v1/recommendations/no-such-recommendation/",
        "/api/v1/meetings/no-such-meeting/",
        "/api/v1/countries/atlantis/",
        "/api/v1/targets/%00/",
        "/api/v1/no-such-collection/",
        "/api/v2/",
        "/api/v1/provisions/58/",
    ],
)
def test_unknown_identifiers_are_a_json_404(api, path):
    errors = errors_of(api.get(path), HTTPStatus.NOT_FOUND)
    assert errors[0]["code"] == "not_found"


def test_not_found_names_the_identifier(api):
    errors = errors_of(api.get("/api/v1/targets/99.9/"), HTTPStatus.NOT_FOUND)
    assert errors[0]["message"] == 'No target has code "99.9".'


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(api, method):
    errors = errors_of(getattr(api, method)("/api/v1/targets/"), HTTPStatus.METHOD_NOT_ALLOWED)
    assert errors[0]["code"] == "method_not_allowed"


def test_anonymous_clients_are_throttled_with_retry_after(api, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    cache.clear()
    for _ in range(3):
        assert api.get("/api/v1/goals/").status_code == HTTPStatus.OK
    response = api.get("/api/v1/goals/")
    errors = errors_of(response, HTTPStatus.TOO_MANY_REQUESTS)
    assert errors[0]["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
    other_client = api.get("/api/v1/goals/", REMOTE_ADDR="192.0.2.7")
    assert other_client.status_code == HTTPStatus.OK


def test_any_origin_may_read_the_api(api):
    response = api.get("/api/v1/targets/16.3/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options(
        "/api/v1/targets/16.3/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == HTTPStatus.OK
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


def test_pages_are_not_opened_to_other_origins(client):
    response = client.get("/sdg/16.3/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("name", LISTS)
def test_a_nul_byte_anywhere_is_not_a_server_error(api, name):
    assert api.get(list_url(name), {"search": "\x00"}).status_code == HTTPStatus.BAD_REQUEST
    assert api.get(f"{list_url(name)}%00/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(("url", "parameter"), [("/api/v1/activities/", "year"), ("/api/v1/instruments/", "year_from")])
def test_years_are_whole_numbers(api, url, parameter):
    errors = errors_of(api.get(url, {parameter: "2020.5"}), HTTPStatus.BAD_REQUEST)
    assert [error["parameter"] for error in errors] == [parameter]
    assert api.get(url, {parameter: "2020"}).status_code == HTTPStatus.OK


@pytest.mark.parametrize("year", ["1e999999", "-99999999999999999999", "1e-999999"])
def test_absurd_years_are_not_server_errors(api, year):
    response = api.get("/api/v1/instruments/", {"year": year})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if response.status_code == HTTPStatus.OK:
        assert response.json()["count"] == 0


def test_a_year_written_as_a_decimal_is_refused(api):
    """Django's IntegerField would take "2010.0"; the schema says integer (found by the fuzz test)."""
    errors = errors_of(api.get("/api/v1/instruments/", {"year_from": "2010.0"}), HTTPStatus.BAD_REQUEST)
    assert [error["parameter"] for error in errors] == ["year_from"]
