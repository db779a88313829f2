"""The SQL that finds and ranks the matches on PostgreSQL: what each part of it decides."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import PublicationStatus
from portal.search.engines.postgres import SEARCH_RANDOM_PAGE_COST, PostgresEngine, of_weights
from portal.search.query import parse_query
from standards.models import Instrument
from tests.search.conftest import on_postgresql

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "weights", "expected"),
    [
        ("'prison'", "a", "'prison':A"),
        ("( 'prison' | 'penitentiari' ) & 'health'", "a", "( 'prison':A | 'penitentiari':A ) & 'health':A"),
        ("'juvenil' <-> 'justic'", "ad", "'juvenil':AD <-> 'justic':AD"),
        ("'o''brien' & 'rule'", "a", "'o''brien':A & 'rule':A"),  # a quote inside a lexeme is doubled
    ],
)
def test_a_query_is_restricted_to_words_of_the_given_weights(query, weights, expected):
    assert of_weights(query, weights) == expected


def test_weights_are_letters_only():
    with pytest.raises(AssertionError):
        of_weights("'prison'", "a'")


def add(slug: str, title: str, summary: str) -> Instrument:
    return Instrument.objects.create(
        slug=slug,
        title=title,
        summary=summary,
        kind="guidelines",
        category="related",
        symbol_missing_reason="test",
        status=PublicationStatus.PUBLISHED,
    )


def found(query: str) -> dict[str, dict]:
    hits, _unknown = PostgresEngine().find(parse_query(query))
    return {hit.row["slug"]: hit.row for hit in hits if hit.type == "instrument"}


@on_postgresql
def test_an_entry_is_titled_when_every_word_is_in_its_title():
    add("zebra-crossings", "Zebra crossings guidelines", "Markings.")
    add("road-markings", "Road markings guidelines", "About zebra crossings.")
    add("zebra-only", "Zebra guidelines", "About crossings.")
    one_word = found("zebra")
    assert one_word["zebra-crossings"]["titled"] and one_word["zebra-only"]["titled"]
    assert not one_word["road-markings"]["titled"]
    both = found("zebra crossings")
    assert both["zebra-crossings"]["titled"]
    assert not both["zebra-only"]["titled"] and not both["road-markings"]["titled"]


@on_postgresql
def test_a_single_word_is_not_tested_twice_and_several_words_each_once():
    add("zebra-crossings", "Zebra crossings guidelines", "Markings.")
    add("zebra-only", "Zebra guidelines", "About nothing else.")
    with CaptureQueriesContext(connection) as captured:
        one = found("zebra")
    ranking = next(query["sql"] for query in captured if "WITH matches" in query["sql"])
    assert 'true AS "term_0"' in ranking
    assert one["zebra-only"]["term_0"] and one["zebra-crossings"]["term_0"]
    with CaptureQueriesContext(connection) as captured:
        two = found("zebra crossings")
    ranking = next(query["sql"] for query in captured if "WITH matches" in query["sql"])
    assert 'true AS "term_0"' not in ranking and 'AS "term_1"' in ranking
    assert two["zebra-crossings"]["term_1"] and not two["zebra-only"]["term_1"]


@on_postgresql
def test_the_ranking_statement_is_planned_with_its_own_page_cost():
    add("zebra-crossings", "Zebra crossings guidelines", "Markings.")
    with CaptureQueriesContext(connection) as captured:
        found("zebra")
    statements = [query["sql"] for query in captured]
    ranking = next(i for i, sql in enumerate(statements) if "WITH matches" in sql)
    assert statements[ranking - 1] == f"SET LOCAL random_page_cost = {SEARCH_RANDOM_PAGE_COST}"
