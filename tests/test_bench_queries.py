"""The bench's Datasette canned queries (bench/datasette_queries.py) ask the portal's questions: on the seeded
SQLite database they give the portal's totals, the same first entries and the same search facets. Correctness
only; the speed is measured by `make bench`, never here."""

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection

from bench import datasette_queries

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="Datasette's queries are SQLite's SQL"),
]


def answer(url: str) -> list[dict]:
    """Datasette's rows for the portal's `url`, JSON columns decoded."""
    path = urlsplit(datasette_queries.URLS[url])
    connection.ensure_connection()  # sqlite3's own cursor, as Datasette's: Django's would read % as a placeholder
    cursor = connection.connection.execute(
        datasette_queries.QUERIES[path.path.removesuffix(".json")], dict(parse_qsl(path.query))
    )
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for name, value in row.items():
            if isinstance(value, str) and value[:1] in "[{" and name not in ("aliases", "sources"):
                row[name] = json.loads(value)
    return rows


def test_bounds_are_the_portals():
    assert datasette_queries.bounds_that_differ() == {}


def test_home_counts_are_the_portals(client):
    row = answer("/")[0]
    context = client.get("/").context
    names = ("instruments", "provisions", "programmes", "resources", "recommendations", "activities")
    assert [row[name] for name in names] == [count for _, count in context["counts"]]
    assert [goal["code"] for goal in row["goals"] if goal["has_content"]] == [
        goal.code for goal in context["goals"] if goal.has_content
    ]


def test_goal_counts_are_the_portals(client):
    portal = {goal.code: [n for _, n in goal.link_counts] for goal in client.get("/sdg/").context["object_list"]}
    names = ("instruments", "provisions", "programmes", "recommendations")
    assert {row["code"]: [row[name] for name in names] for row in answer("/sdg/")} == portal


def test_target_page_sections_are_the_portals(client):
    row = answer("/sdg/16.3/")[0]
    groups = client.get("/sdg/16.3/").context["links"]
    assert [
        (row[group.anchor.replace("-", "_")]["total"], len(row[group.anchor.replace("-", "_")]["first"]))
        for group in groups
    ] == [(group.total, len(group.links)) for group in groups]


def test_instrument_sections_are_the_portals(client):
    row = answer("/instruments/nelson-mandela-rules/")[0]
    sections = client.get("/instruments/nelson-mandela-rules/").context["sections"]
    assert {name: (row[name]["total"], len(row[name]["first"])) for name in sections} == {
        name: (section.total, len(section.items)) for name, section in sections.items()
    }


def test_target_api_lists_are_the_portals(client):
    row = answer("/api/v1/targets/16.3/")[0]
    data = client.get("/api/v1/targets/16.3/").json()
    assert {name: row[name]["total"] for name in data["link_counts"]} == data["link_counts"]
    assert [link["slug"] for link in row["recommendations"]["first"]] == [
        link["recommendation"]["slug"] for link in data["recommendations"]
    ]


@pytest.mark.parametrize("url", ["/recommendations/?target=16.3", "/api/v1/recommendations/?target=16.3"])
def test_recommendation_lists_are_the_portals(client, url):
    row = answer(url)[0]
    response = client.get(url)
    if url.startswith("/api/"):
        count, slugs = response.json()["count"], [entry["slug"] for entry in response.json()["results"]]
    else:
        count, slugs = response.context["paginator"].count, [entry.slug for entry in response.context["object_list"]]
    assert (row["count"], [entry["slug"] for entry in row["results"]]) == (count, slugs)


def test_search_is_the_portals_sqlite_search(client):
    row = answer("/api/v1/search/?q=prison")[0]
    data = client.get("/api/v1/search/?q=prison").json()
    assert row["count"] == data["count"]
    assert [(hit["type"], hit["key"]) for hit in row["results"]] == [
        (hit["type"], hit["id"]) for hit in data["results"]
    ]
    for facet in ("type", "theme", "goal", "document"):
        assert [(value["value"], value["count"]) for value in row[f"{facet}_facet"]] == [
            (value["value"], value["count"]) for value in data["facets"][facet]
        ]
