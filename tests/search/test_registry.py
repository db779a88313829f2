"""The search registry: each app registers its kinds of result; the search knows only what is registered."""

import ast
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.search import Source, register, sources, unregister
from recommendations.models import Document
from tests.search.conftest import api_search, on_postgresql, page_urls

pytestmark = pytest.mark.django_db

# The documented type order (README, "Search"): the type facet, the API's result types, ties in score.
TYPE_ORDER = [
    "instrument",
    "provision",
    "programme",
    "resource",
    "country",
    "activity",
    "recommendation",
    "agenda_item",
    "meeting",
    "document",
    "goal",
    "target",
    "indicator",
]
CONTENT_APPS = ("standards", "programmes", "recommendations")


def describe_case(row):
    url = reverse("recommendations:document-detail", kwargs={"symbol": row["symbol"]})
    return row["symbol"], f"Case {row['symbol']}", "", url


@pytest.fixture
def case_law():
    """A throwaway kind of result, registered as a new app would in its search.py (documents stand in)."""
    source = register(
        Source(
            type="case-law",
            order=65,
            label="Case law",
            name="Judgment",
            model=Document,
            values=("symbol",),
            weighted={"A": ("title", "symbol"), "B": ("summary",)},
            snippet=("title", "summary"),
            describe=describe_case,
            theme_owner="document_id",
        )
    )
    yield source
    unregister("case-law")


def test_registry_order_is_the_documented_type_order():
    assert [source.type for source in sources()] == TYPE_ORDER


def test_type_facet_follows_the_registry_order(api):
    offered = [value["value"] for value in api_search(api, q="justice")["facets"]["type"]]
    assert len(offered) >= 5
    assert offered == [kind for kind in TYPE_ORDER if kind in offered]


def test_a_registered_source_is_searched_faceted_and_shown(api, client, case_law):
    data = api_search(api, q="justice", page_size=100)
    type_counts = {value["value"]: value["count"] for value in data["facets"]["type"]}
    assert type_counts["case-law"] == type_counts["document"] == 4
    offered = [value["value"] for value in data["facets"]["type"]]
    assert offered.index("case-law") == offered.index("document") + 1  # its order, 65, is between 60 and 70
    narrowed = api_search(api, q="justice", type="case-law")
    assert narrowed["count"] == 4
    assert {result["type"] for result in narrowed["results"]} == {"case-law"}
    assert all(result["title"].startswith("Case ") for result in narrowed["results"])
    page = client.get("/search/", {"q": "justice", "type": "case-law"}).content.decode()
    assert len(page_urls(page)) == 4 and "Judgment" in page and "Case law" in page


def test_an_unregistered_source_is_gone(api, case_law):
    unregister("case-law")
    try:
        data = api_search(api, q="justice")
        assert "case-law" not in {value["value"] for value in data["facets"]["type"]}
        response = api.get("/api/v1/search/", {"q": "justice", "type": "case-law"})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert [error["parameter"] for error in response.json()["errors"]] == ["type"]
    finally:
        register(case_law)


@pytest.mark.parametrize(("kind", "order"), [("document", 66), ("case-law-2", 60)])
def test_a_type_or_order_registered_twice_is_an_error(kind, order):
    source = Source(
        type=kind,
        order=order,
        label="Twice",
        name="Twice",
        model=Document,
        values=(),
        weighted={},
        snippet=(),
        describe=describe_case,
    )
    with pytest.raises(ImproperlyConfigured):
        register(source)
    assert [source.type for source in sources()] == TYPE_ORDER


def test_search_core_imports_no_content_app():
    """One direction of dependency: portal/search knows no app; the apps register with it."""
    package = Path(settings.BASE_DIR) / "portal" / "search"
    imported = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add((path.name, node.module.split(".")[0]))
            elif isinstance(node, ast.Import):
                imported.update((path.name, alias.name.split(".")[0]) for alias in node.names)
    assert len(list(package.rglob("*.py"))) >= 5
    assert {(name, module) for name, module in imported if module in CONTENT_APPS} == set()


@on_postgresql
def test_the_chosen_rows_sql_is_compiled_once_per_language_and_set_of_sources(api, monkeypatch, case_law):
    from django.core.cache import cache

    from portal.search.engines import postgres

    compiled = []
    original = postgres.compiled
    monkeypatch.setattr(postgres, "compiled", lambda queryset: compiled.append(1) or original(queryset))
    monkeypatch.setattr(postgres, "_chosen_data", {})
    first = api_search(api, q="prison")
    assert len(compiled) == 2  # the search's own rows, and the chosen rows' columns
    cache.clear()  # not from the response cache
    assert api_search(api, q="prison") == first and len(compiled) == 3  # only the search's own rows again
    french = api.get("/api/v1/search/", {"q": "prison", "lang": "fr"})
    assert french.status_code == HTTPStatus.OK and len(compiled) == 5  # another language: compiled for it
    unregister("case-law")  # another set of sources: compiled for it
    try:
        cache.clear()
        assert api_search(api, q="prison")["count"] < first["count"]  # a document was found as case law too
    finally:
        register(case_law)  # as the fixture left it
    assert len(compiled) == 7
