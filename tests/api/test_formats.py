"""Every list as CSV: a header row, one row per object, the same values as the JSON."""

import csv
import io
from http import HTTPStatus

import pytest

from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db


def flatten(item: dict) -> dict[str, str]:
    """What a CSV row should hold: nested objects as dotted columns, lists joined with "|"."""

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "|".join(cell(v) for v in value)
        return str(value)

    row = {}
    for key, value in item.items():
        if isinstance(value, dict):
            row.update({f"{key}.{sub}": cell(v) for sub, v in value.items()})
        else:
            row[key] = cell(value)
    return row


def parse_csv(response) -> list[dict[str, str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


@pytest.mark.parametrize("name", LISTS)
def test_csv_matches_json(api, world, name):
    params = {"page_size": 100}
    as_json = api.get(list_url(name), params).json()
    response = api.get(list_url(name), {**params, "format": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment; filename=")
    rows = parse_csv(response)
    assert rows == [flatten(item) for item in as_json["results"]]
    assert response["X-Total-Count"] == str(as_json["count"])


@pytest.mark.parametrize("name", LISTS)
def test_csv_has_a_header_even_without_rows(api, name):
    response = api.get(list_url(name), {"format": "csv", "updated_since": "2999-01-01"})
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert "url" in header and "html_url" in header and "updated_at" in header
    assert parse_csv(response) == []


def test_csv_by_accept_header(api):
    response = api.get("/api/v1/targets/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "Accept" in response["Vary"]


def test_recommendations_linked_to_a_target_as_csv(api, world):
    """The partner's question: every recommendation linked to target 5.2, as CSV."""
    rows = parse_csv(api.get("/api/v1/recommendations/", {"target": "5.2", "format": "csv", "page_size": 100}))
    assert "api-test-1-para-7-a" in {row["slug"] for row in rows}
    assert all("5.2" in row["targets"].split("|") for row in rows)
    row = next(row for row in rows if row["slug"] == "api-test-1-para-7-a")
    assert row["url"] == "http://testserver/api/v1/recommendations/api-test-1-para-7-a/"
    assert row["document"] == "API/TEST/1"


def test_csv_titles_in_six_languages(api):
    rows = parse_csv(api.get("/api/v1/targets/", {"format": "csv", "goal": "16"}))
    assert {"titles.ar", "titles.zh", "titles.en", "titles.fr", "titles.ru", "titles.es"} <= set(rows[0])
    assert rows[0]["titles.en"]


def test_csv_pages_link_to_the_next_csv_page(api):
    response = api.get("/api/v1/targets/", {"format": "csv", "page_size": 10})
    assert '?format=csv&page=2&page_size=10>; rel="next"' in response["Link"]
    assert len(parse_csv(response)) == 10


def test_json_lists_carry_link_and_total_headers(api):
    response = api.get("/api/v1/targets/", {"page": 2, "page_size": 10})
    body = response.json()
    assert response["X-Total-Count"] == str(body["count"]) == "169"
    assert f'<{body["next"]}>; rel="next"' in response["Link"]
    assert f'<{body["previous"]}>; rel="prev"' in response["Link"]


def test_page_size_is_capped(api):
    body = api.get("/api/v1/targets/", {"page_size": 1000}).json()
    assert len(body["results"]) == 100


def test_details_are_json(api):
    response = api.get("/api/v1/targets/16.3/", {"format": "json"})
    assert response["Content-Type"] == "application/json"
    assert response.json()["url"] == "http://testserver/api/v1/targets/16.3/"
