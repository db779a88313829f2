"""The site search page and API: facets, highlighting, links, bad input, queries, agreement."""

import re
from html import unescape
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from portal.models import PublicationStatus
from portal.search import FACET_LIMIT, FACETS, MAX_QUERY_LENGTH, sources
from recommendations.models import Document, DocumentKind
from standards.models import Instrument, Provision
from tests.search.conftest import api_search, marks, on_postgresql, page_urls

pytestmark = pytest.mark.django_db

# Queries with results on both databases.
QUERIES = ["prison", "restorative justice", "violence against children", "legal aid", "cryptocurrency"]


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Facets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["prison", "violence against children"])
def test_each_facet_count_is_the_number_of_results_it_gives(api, query):
    data = api_search(api, q=query)
    checked = 0
    for name in FACETS:
        for value in data["facets"][name]:
            narrowed = api_search(api, q=query, **{name: value["value"]})
            assert narrowed["count"] == value["count"], (name, value)
            checked += 1
    assert checked >= 4


def test_facet_counts_hold_with_another_facet_chosen(api):
    data = api_search(api, q="prison", type="recommendation")
    assert {result["type"] for result in data["results"]} == {"recommendation"}
    for value in data["facets"]["document"]:
        narrowed = api_search(api, q="prison", type="recommendation", document=value["value"])
        assert narrowed["count"] == value["count"]
        assert all(result["url"].startswith("/recommendations/") for result in narrowed["results"])
    type_counts = {value["value"]: value["count"] for value in data["facets"]["type"]}
    assert type_counts["recommendation"] == data["count"] and len(type_counts) > 1  # other types stay offered


def test_choosing_a_facet_narrows_and_keeps_the_query_in_the_links(client):
    body = client.get("/search/", {"q": "violence against children"}).content.decode()
    link = re.search(r'href="\?(q=violence\+against\+children&amp;type=recommendation)"', body)
    assert link, "a facet link keeps the query"
    narrowed = client.get("/search/?" + unescape(link.group(1)))
    urls = page_urls(narrowed.content.decode())
    assert urls and all(url.startswith("/recommendations/") for url in urls)
    assert "Remove" in text(narrowed) and "q=violence+against+children" in narrowed.content.decode()


# --- Snippets and links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "stems"),
    [("prisons", ("prison", "penitentiar")), ("restorative", ("restor",)), ("children", ("child", "juvenil"))],
)
def test_snippets_highlight_the_query_stem_or_its_synonyms(api, query, stems):
    results = api_search(api, q=query)["results"][:10]
    highlighted = [result for result in results if marks(result["snippet"])]
    assert len(highlighted) >= min(3, len(results))
    for result in highlighted:
        assert all(any(stem in mark.lower() for stem in stems) for mark in marks(result["snippet"])), result["snippet"]


def test_results_link_to_the_exact_provision_paragraph_and_indicator(api):
    assert all(
        re.fullmatch(r"/instruments/nelson-mandela-rules/\d+/", url)
        for url in [r["url"] for r in api_search(api, q="instruments of restraint", type="provision")["results"]]
    )
    recommendation = api_search(api, q="cryptocurrency", type="recommendation")["results"][0]
    assert re.fullmatch(r"/recommendations/a-conf-234-pm-1-para-189-[a-z]/", recommendation["url"])
    indicator = api_search(api, q="16.3.1", type="indicator")["results"][0]
    assert indicator["url"] == "/sdg/16.3/#indicator-16.3.1" and indicator["id"] == "16.3.1"


def test_result_pages_exist(client, api):
    for result in api_search(api, q="prison", page_size=100)["results"]:
        path = result["url"].split("#")[0]
        assert client.get(path).status_code == HTTPStatus.OK, path


def test_drafts_are_not_found(api):
    instrument = Instrument.objects.get(slug="restorative-justice-basic-principles")
    instrument.status = PublicationStatus.DRAFT
    instrument.save()
    urls = [result["url"] for result in api_search(api, q="restorative justice", page_size=100)["results"]]
    assert "/instruments/restorative-justice-basic-principles/" not in urls


@on_postgresql
def test_vectors_follow_edits_and_instrument_renames(api):
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    instrument.short_title = "Quixotic Rules"
    instrument.save()
    urls = [result["url"] for result in api_search(api, q="quixotic", page_size=100)["results"]]
    assert "/instruments/nelson-mandela-rules/" in urls
    assert "/instruments/nelson-mandela-rules/24/" in urls  # the provisions' vectors were refreshed too
    Provision.objects.filter(instrument=instrument, ref="24").update(text="Zygomorphic care for prisoners.")
    assert top_url(api, "zygomorphic") == "/instruments/nelson-mandela-rules/24/"


def top_url(api, query):
    return api_search(api, q=query)["results"][0]["url"]


@on_postgresql
def test_a_misspelling_is_corrected_and_offered(api, client):
    data = api_search(api, q="restorativ justise")
    assert data["suggestion"] == "restorative justice" and data["corrected"] is True
    assert data["results"][0]["url"] == "/instruments/restorative-justice-basic-principles/"
    body = text(client.get("/search/", {"q": "Mandella"}))
    assert "Showing results for" in body and "Mandela" in body
    assert 'href="?q=Mandela"' in body


@on_postgresql
def test_the_users_own_query_stays_one_click_away(api, client):
    body = text(client.get("/search/", {"q": "Mandella"}))
    assert 'href="?q=Mandella&amp;correct=0"' in body and "Search only for “Mandella”" in body
    exact = client.get("/search/", {"q": "Mandella", "correct": "0"})
    assert exact.status_code == HTTPStatus.OK
    exact_body = text(exact)
    assert "Showing results for" not in exact_body and "Did you mean" in exact_body
    data = api_search(api, q="restorativ justise", correct="false")
    assert data["corrected"] is False and data["suggestion"] == "restorative justice" and data["results"] == []


@on_postgresql
def test_phrase_exclusion_and_or(api):
    with_children = {r["url"] for r in api_search(api, q='"restorative justice"', page_size=100)["results"]}
    without = {r["url"] for r in api_search(api, q='"restorative justice" -children', page_size=100)["results"]}
    assert without < with_children

    def urls(query):
        return {r["url"] for r in api_search(api, q=query, page_size=100)["results"]}

    # (A two-word query that finds few entries with both words also lists those with one: compare sets.)
    assert urls("cryptocurrency or firearms") == urls("cryptocurrency") | urls("firearms")


# --- Bad input ---------------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE standards_instrument; --",
    "prison' OR '1'='1",
    '"restorative justice',
    "\"\"\"'''",
    "prison & | ! : * ( ) <->",
    "-prison",
    "the of and",
    "!!! ??? ...",
    "x" * MAX_QUERY_LENGTH,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_200_and_are_escaped(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert escape(" ".join(query.split())) in body
    assert Instrument.objects.exists()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type words to look for"),
        ({"q": "x" * 10_000}, "The search text is too long"),
        ({"q": "?!.,;"}, "no words to look for"),
        ({"q": "prison", "type": "nonsense"}, 'Unknown type "nonsense"'),
        ({"q": "prison", "theme": "<b>x</b>"}, "Unknown theme &quot;&lt;b&gt;x&lt;/b&gt;&quot;"),
        ({"q": "prison", "goal": "99"}, 'Unknown goal "99"'),
        ({"q": "prison", "document": "X/1"}, 'Unknown document "X/1"'),
        ({"q": "prison", "page": "abc"}, "is not a positive whole number"),
        ({"q": "prison", "page": "9999"}, "Page 9999 does not exist"),
        ({"q": "pri\x00son"}, "null character"),
    ],
)
def test_bad_input_on_the_page_is_a_clear_message(client, params, message):
    response = client.get("/search/", params)
    assert response.status_code == HTTPStatus.OK
    assert message in text(response).replace("&quot;", '"') or message in text(response)


def test_unknown_facet_is_ignored_on_the_page_but_the_search_runs(client):
    body = client.get("/search/", {"q": "prison", "type": "nonsense"}).content.decode()
    assert page_urls(body)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": "  "}, "q"),
        ({"q": "x" * 10_000}, "q"),
        ({"q": "?!.,;"}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "prison", "type": "nonsense"}, "type"),
        ({"q": "prison", "theme": "nope"}, "theme"),
        ({"q": "prison", "goal": "99"}, "goal"),
        ({"q": "prison", "document": "X/1"}, "document"),
        ({"q": "prison", "page": "0"}, "page"),
        ({"q": "prison", "page": "9999"}, "page"),
        ({"q": "prison", "page_size": "-1"}, "page_size"),
        ({"q": "prison", "sort": "rank"}, "sort"),
        ({"q": "prison", "format": "xml"}, "format"),
        ({"q": "prison", "correct": "maybe"}, "correct"),
    ],
)
def test_bad_input_in_the_api_is_a_400_naming_the_parameter(api, params, parameter):
    response = api.get("/api/v1/search/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = response.json()["errors"]
    assert parameter in {error["parameter"] for error in errors}
    assert all(error["message"] for error in errors)


@pytest.mark.parametrize("query", HOSTILE[:8])
def test_hostile_queries_in_the_api_never_fail(api, query):
    response = api.get("/api/v1/search/", {"q": query})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if response.status_code == HTTPStatus.OK:
        for result in response.json()["results"]:
            assert "<script" not in result["snippet"] and "<img" not in result["snippet"]


# --- The page -------------------------------------------------------------------------------------------


def test_page_is_accessible_structure(client):
    body = client.get("/search/", {"q": "violence against children"}).content.decode()
    assert body.count("<h1") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])", body)]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert '<label for="search-q">' in body and 'id="search-q"' in body
    assert '<nav aria-labelledby="facets-heading"' in body
    assert "<mark>" in body


def test_page_and_api_agree(client, api):
    for query in QUERIES:
        for extra in ({}, {"type": "recommendation"}):
            data = api_search(api, q=query, **extra)
            body = client.get("/search/", {"q": query, **extra}).content.decode()
            assert page_urls(body) == [result["url"] for result in data["results"]], query
            assert f"{data['count']} result" in text(client.get("/search/", {"q": query, **extra}))
            for name in FACETS:
                for value in data["facets"][name]:
                    assert f"{escape(value['label'])}</strong> ({value['count']})" in body or (
                        f"{escape(value['label'])} ({value['count']})" in body
                    ), (query, name, value)


def test_pagination_keeps_the_search(client, api):
    data = api_search(api, q="prison", page_size=5, page=2)
    assert data["page"] == 2 and data["previous"] and data["next"]
    assert "q=prison" in data["next"] and "page=3" in data["next"]
    first = api_search(api, q="prison", page_size=5)["results"]
    assert not {r["url"] for r in first} & {r["url"] for r in data["results"]}
    body = client.get("/search/", {"q": "prison", "page": "2"}).content.decode()
    assert 'rel="prev"' in body and "q=prison&amp;page=3" in body


# --- Queries ------------------------------------------------------------------------------------------------


def queries_for(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", params)
    assert response.status_code == HTTPStatus.OK
    return len(captured)


def add_instruments(word: str, how_many: int) -> None:
    Instrument.objects.bulk_create(
        Instrument(
            slug=f"{word}-{n}",
            title=f"{word.title()} instrument {n}",
            summary=f"About {word}.",
            kind="guidelines",
            category="related",
            symbol_missing_reason="test",
            status=PublicationStatus.PUBLISHED,
        )
        for n in range(how_many)
    )


@pytest.mark.usefixtures("uncached")
def test_number_of_queries_does_not_grow_with_results(client):
    add_instruments("zebra", 2)
    few = queries_for(client, {"q": "zebra"})
    add_instruments("zebras", 40)
    many = queries_for(client, {"q": "zebra", "page_size": "100"})
    assert few == many
    # The facet choices (themes, goals, documents: 3), the results of every source (one UNION ALL) and
    # their facet keys (one UNION ALL of theme and goal links); on PostgreSQL also the query's
    # analysis (tsquery of each word), the planner setting of the results' transaction (SET LOCAL) and
    # the snippets of the page (one UNION ALL of ts_headline).
    assert few == (3 + 1 + 1 + 3 if connection.vendor == "postgresql" else 3 + 1 + 1)


@pytest.mark.usefixtures("uncached")
def test_results_of_every_source_come_in_one_query(client):
    with CaptureQueriesContext(connection) as captured:
        client.get("/search/", {"q": "prison"})
    results = [query["sql"] for query in captured if "result_type" in query["sql"] and '"data"' in query["sql"]]
    assert len(results) == 1
    # Every source once (on PostgreSQL twice: the ranking, then the columns of the best rows only).
    assert results[0].count("UNION ALL") == (len(sources()) - 1) * (2 if connection.vendor == "postgresql" else 1)


def test_number_of_queries_is_bounded_for_any_search(client):
    assert queries_for(client, {"q": "prison"}) <= 30
    assert queries_for(client, {"q": "justice", "page_size": "100"}) <= 30
    assert queries_for(client, {"q": "Mandella"}) <= 40


def test_documents_facet_lists_recommendations_by_their_document(api):
    documents = {value["value"] for value in api_search(api, q="violence")["facets"]["document"]}
    assert documents and documents <= set(Document.objects.published().values_list("symbol", flat=True))


def test_a_repeated_search_with_its_etag_is_not_modified(api):
    first = api.get("/api/v1/search/", {"q": "prison"})
    assert first.status_code == HTTPStatus.OK and first["ETag"].startswith('"')
    again = api.get("/api/v1/search/", {"q": "prison"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""
    other = api.get("/api/v1/search/", {"q": "legal aid"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == HTTPStatus.OK and other["ETag"] != first["ETag"]
    assert "ETag" not in api.get("/api/v1/search/", {"q": ""})


def test_a_facet_lists_its_top_values_and_counts_the_rest(api, client):
    Document.objects.bulk_create(
        Document(
            symbol=f"Z/{n}",
            title=f"Zebra report {n}",
            kind=DocumentKind.REPORT,
            summary="zebra " * (n + 1),
            status=PublicationStatus.PUBLISHED,
        )
        for n in range(FACET_LIMIT + 4)
    )
    data = api_search(api, q="zebra")
    assert data["count"] == FACET_LIMIT + 4
    assert len(data["facets"]["document"]) == FACET_LIMIT
    assert data["other_count"] == {"type": 0, "theme": 0, "goal": 0, "document": 4}
    assert "and 4 more" in text(client.get("/search/", {"q": "zebra"}))
    # The chosen value is always listed, even when it is not among the top ones.
    listed = {value["value"] for value in data["facets"]["document"]}
    unlisted = next(f"Z/{n}" for n in range(FACET_LIMIT + 4) if f"Z/{n}" not in listed)
    chosen = api_search(api, q="zebra", document=unlisted)
    assert {"value": unlisted, "label": unlisted, "count": 1, "selected": True} in chosen["facets"]["document"]


def test_each_result_carries_its_own_themes_and_goals(db):
    """The facet keys are read for the hits only on PostgreSQL (all entries on SQLite): whichever way, a
    result's themes and goals are its own, and a rule carries its instrument's themes."""
    from portal.search import run_search
    from standards.models import InstrumentGoal, InstrumentTarget, ProvisionTarget

    def goals_of(links, goal_links=()):
        return {link.target.goal.code for link in links} | {link.goal.code for link in goal_links}

    def themes_of(instrument):
        return {theme.slug for theme in instrument.themes.all() if theme.status == PublicationStatus.PUBLISHED}

    outcome = run_search({"q": "prison", "page_size": "100"})
    checked = {"instrument": 0, "provision": 0}
    for hit in outcome.hits:
        if hit.type == "instrument":
            instrument = Instrument.objects.get(pk=hit.pk)
            expected_goals = goals_of(
                InstrumentTarget.objects.published().filter(instrument=instrument),
                InstrumentGoal.objects.published().filter(instrument=instrument),
            )
        elif hit.type == "provision":
            provision = Provision.objects.get(pk=hit.pk)
            instrument = provision.instrument
            expected_goals = goals_of(ProvisionTarget.objects.published().filter(provision=provision))
        else:
            continue
        assert hit.keys["theme"] == themes_of(instrument), hit.title
        assert hit.keys["goal"] == expected_goals, hit.title
        checked[hit.type] += 1
    assert checked["instrument"] >= 3 and checked["provision"] >= 3, checked
    assert any(hit.keys["theme"] for hit in outcome.hits if hit.type == "provision")
    assert any(hit.keys["goal"] for hit in outcome.hits if hit.type == "instrument")

    # A rule found without its instrument still carries the instrument's themes.
    rule = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="24")
    rule.text = "Zygomorphic care for prisoners."
    rule.save()
    [hit] = run_search({"q": "zygomorphic"}).hits
    assert (hit.type, hit.pk) == ("provision", rule.pk)
    assert hit.keys["theme"] == themes_of(rule.instrument) != set()
    assert hit.keys["goal"] == goals_of(ProvisionTarget.objects.published().filter(provision=rule))


@on_postgresql
@pytest.mark.parametrize("query", ["prison", "violence against children", "legal aid"])
def test_beyond_the_ranked_limit_the_best_results_and_the_count_are_unchanged(api, monkeypatch, query):
    """With more results than RANKED_LIMIT (and no facet chosen) only the best are read: the first page and
    the count are those of the full search; the facet counts are counted among the ranked, and say so."""
    from portal.search import outcome

    full = api_search(api, q=query, page_size=5)
    assert full["ranked"] is None and full["count"] > 12
    monkeypatch.setattr(outcome, "RANKED_LIMIT", 12)
    cache.clear()  # the same address: not the response cached a moment ago
    ranked = api_search(api, q=query, page_size=5)
    assert ranked["count"] == full["count"] and ranked["ranked"] == 12 and ranked["pages"] == 3
    assert [r["url"] for r in ranked["results"]] == [r["url"] for r in full["results"]]
    assert sum(value["count"] for value in ranked["facets"]["type"]) == 12
    # A facet chosen: every result is searched again, and the counts are exact.
    kind = full["facets"]["type"][0]
    narrowed = api_search(api, q=query, type=kind["value"])
    assert narrowed["ranked"] is None and narrowed["count"] == kind["count"]


@on_postgresql
def test_the_page_says_when_only_the_best_results_are_ranked(client, monkeypatch):
    from portal.search import outcome

    monkeypatch.setattr(outcome, "RANKED_LIMIT", 12)
    body = text(client.get("/search/", {"q": "prison"}))
    assert "The best 12 are ranked and shown" in body
    assert "The best 12" not in text(client.get("/search/", {"q": "prison", "type": "instrument"}))
