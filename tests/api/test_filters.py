"""Every filter, both ways: a matching value finds the entry, another value leaves it out."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from portal.models import Target
from tests.api.conftest import all_results, get_ok
from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db

# collection, key of the entry, parameter, a value that matches it, a value that does not
CASES = [
    ("targets", "5.2", "goal", "5", "16"),
    ("indicators", "16.3.1", "goal", "16", "5"),
    ("indicators", "16.3.1", "target", "16.3", "16.2"),
    ("themes", "api-test-theme", "scheme", "topic", "cross_cutting"),
    ("instruments", "api-test-instrument", "kind", "principles", "rules"),
    ("instruments", "api-test-instrument", "category", "standard_and_norm", "treaty"),
    ("instruments", "api-test-instrument", "adopting_body", "other", "ecosoc"),
    ("instruments", "api-test-instrument", "theme", "api-test-theme", "access-to-justice"),
    ("instruments", "api-test-instrument", "goal", "5", "17"),
    ("instruments", "api-test-instrument", "goal", "2", "17"),  # linked to Goal 2 as a whole
    ("instruments", "api-test-instrument", "whole_goal", "2", "5"),  # 5 only through target 5.2
    ("instruments", "api-test-instrument", "target", "5.2", "17.1"),
    ("instruments", "api-test-instrument", "basis", "judgement", "stated"),
    ("instruments", "api-test-instrument", "year", "1901", "1902"),
    ("instruments", "api-test-instrument", "year_from", "1901", "1902"),
    ("instruments", "api-test-instrument", "year_to", "1901", "1900"),
    ("provisions", "api-test-instrument/1", "instrument", "api-test-instrument", "nelson-mandela-rules"),
    ("provisions", "api-test-instrument/1", "kind", "principle", "rule"),
    ("provisions", "api-test-instrument/1", "part", "IX", "I"),
    ("provisions", "api-test-instrument/1", "goal", "5", "17"),
    ("provisions", "api-test-instrument/1", "target", "5.2", "17.1"),
    ("provisions", "api-test-instrument/1", "basis", "judgement", "stated"),
    ("programmes", "api-test-programme", "kind", "initiative", "campaign"),
    ("programmes", "api-test-programme", "theme", "api-test-theme", "access-to-justice"),
    ("programmes", "api-test-programme", "goal", "5", "17"),
    ("programmes", "api-test-programme", "goal", "2", "17"),
    ("programmes", "api-test-programme", "whole_goal", "2", "5"),
    ("programmes", "api-test-programme", "target", "5.2", "17.1"),
    ("programmes", "api-test-programme", "basis", "judgement", "stated"),
    ("programmes", "api-test-programme", "instrument", "api-test-instrument", "nelson-mandela-rules"),
    ("programmes", "api-test-child-programme", "parent", "api-test-programme", "api-test-child-programme"),
    ("resources", "api-test-resource", "kind", "toolkit", "handbook"),
    ("resources", "api-test-resource", "theme", "api-test-theme", "access-to-justice"),
    ("resources", "api-test-resource", "programme", "api-test-programme", "api-test-child-programme"),
    ("resources", "api-test-resource", "instrument", "api-test-instrument", "nelson-mandela-rules"),
    ("resources", "api-test-resource", "year", "1902", "1901"),
    ("activities", "api-test-activity", "country", "api-testland", "kyrgyzstan"),
    ("activities", "api-test-activity", "year", "1946", "1947"),
    ("activities", "api-test-activity", "theme", "api-test-theme", "access-to-justice"),
    ("activities", "api-test-activity", "programme", "api-test-programme", "api-test-child-programme"),
    ("activities", "api-test-activity", "instrument", "api-test-instrument", "nelson-mandela-rules"),
    ("countries", "api-testland", "iso3", "QZT", "KGZ"),
    ("meetings", "api-test-meeting", "kind", "other", "congress"),
    ("documents", "API/TEST/1", "kind", "report", "brochure"),
    ("documents", "API/TEST/1", "meeting", "api-test-meeting", "fourteenth-congress"),
    ("documents", "API/TEST/1", "theme", "api-test-theme", "access-to-justice"),
    ("recommendations", "api-test-1-para-7-a", "kind", "question", "recommendation"),
    ("recommendations", "api-test-1-para-7-a", "document", "API/TEST/1", "A/CONF.234/5"),
    ("recommendations", "api-test-1-para-7-a", "meeting", "api-test-meeting", "fourteenth-congress"),
    ("recommendations", "api-test-1-para-7-a", "agenda_item", "item-99", "item-4"),
    ("recommendations", "api-test-1-para-7-a", "theme", "api-test-theme", "access-to-justice"),
    ("recommendations", "api-test-1-para-7-a", "goal", "5", "17"),
    ("recommendations", "api-test-1-para-7-a", "goal", "2", "17"),
    ("recommendations", "api-test-1-para-7-a", "whole_goal", "2", "5"),
    ("recommendations", "api-test-1-para-7-a", "target", "5.2", "17.1"),
    ("recommendations", "api-test-1-para-7-a", "basis", "judgement", "stated"),
    ("recommendations", "api-test-1-para-7-a", "instrument", "api-test-instrument", "nelson-mandela-rules"),
    ("recommendations", "api-test-1-para-7-a", "programme", "api-test-programme", "api-test-child-programme"),
]


def key_of(collection: str, item: dict) -> str:
    if collection == "provisions":
        return f"{item['instrument']}/{item['ref']}"
    return item[LISTS[collection]]


def keys(api, collection: str, **params) -> set[str]:
    return {key_of(collection, item) for item in all_results(api, list_url(collection), **params)}


@pytest.mark.parametrize(("collection", "key", "parameter", "match", "other"), CASES)
def test_filter_both_ways(api, world, collection, key, parameter, match, other):
    assert key in keys(api, collection, **{parameter: match})
    assert key not in keys(api, collection, **{parameter: other})


def test_every_filter_of_every_list_is_tested():
    from portal.api.routes import build_router

    tested = {(collection, parameter) for collection, _, parameter, _, _ in CASES}
    shared = {"search", "ordering", "updated_since"}
    router = build_router()
    for prefix, viewset, _ in router.registry:
        if "(?P<" in prefix:
            continue
        for name in set(viewset.filterset_class.base_filters) - shared:
            assert (prefix, name) in tested, f"filter {name} of /api/v1/{prefix}/ has no test"


def test_target_filter_returns_only_entries_linked_to_that_target(api, world):
    results = all_results(api, "/api/v1/recommendations/", target="5.2")
    assert results and all("5.2" in item["targets"] for item in results)
    assert world.draft_recommendation.slug not in {item["slug"] for item in results}


def test_kind_filter_returns_only_that_kind(api, world):
    results = all_results(api, "/api/v1/provisions/", kind="preliminary_observation")
    assert {item["kind"] for item in results} == {"preliminary_observation"}


def test_filters_combine(api, world):
    assert keys(api, "recommendations", target="5.2", kind="question", document="API/TEST/1") == {"api-test-1-para-7-a"}
    assert keys(api, "recommendations", target="5.2", kind="recommendation", document="API/TEST/1") == set()


@pytest.mark.parametrize(
    ("collection", "key", "word", "other"),
    [
        ("instruments", "api-test-instrument", "zanzibarian", "xylophonic"),
        ("provisions", "api-test-instrument/1", "Zanzibarian", "xylophonic"),
        ("programmes", "api-test-programme", "zanzibarian programme", "zanzibarian xylophone"),
        ("resources", "api-test-resource", "zanzibarian", "xylophonic"),
        ("activities", "api-test-activity", "zanzibarian", "xylophonic"),
        ("recommendations", "api-test-1-para-7-a", "zanzibarian", "xylophonic"),
        ("documents", "API/TEST/1", "API/TEST", "xylophonic"),
        ("meetings", "api-test-meeting", "API test meeting", "xylophonic"),
        ("countries", "api-testland", "testland", "xylophonic"),
        ("themes", "api-test-theme", "API test theme", "xylophonic"),
        ("targets", "16.3", "rule of law", "xylophonic"),
        ("goals", "16", "peace", "xylophonic"),
        ("indicators", "16.3.1", "16.3.1", "xylophonic"),
    ],
)
def test_search_both_ways(api, world, collection, key, word, other):
    assert key in keys(api, collection, search=word)
    assert key not in keys(api, collection, search=other)


@pytest.mark.parametrize(
    ("collection", "ordering", "field"),
    [
        ("instruments", "year", "year"),
        ("instruments", "-year", "year"),
        ("programmes", "-start_year", "start_year"),
        ("resources", "year", "year"),
        ("activities", "-year", "year"),
        ("meetings", "start_date", "start_date"),
        ("documents", "-symbol", "symbol"),
        ("countries", "-name", "name"),
        ("goals", "-code", "number"),
    ],
)
def test_ordering(api, world, collection, ordering, field):
    values = [item[field] for item in all_results(api, list_url(collection), ordering=ordering)]
    present = [value for value in values if value is not None]
    assert present == sorted(present, reverse=ordering.startswith("-"))


def test_pages_never_overlap(api, world):
    """Many provisions share a part and instruments a year: the order is still total."""
    for collection, ordering in [("provisions", "updated_at"), ("instruments", "year"), ("targets", "updated_at")]:
        first = get_ok(api, list_url(collection), ordering=ordering, page_size=5)
        seen = []
        page = 1
        while True:
            body = get_ok(api, list_url(collection), ordering=ordering, page_size=5, page=page)
            seen += [item["url"] for item in body["results"]]
            if not body["next"]:
                break
            page += 1
        assert len(seen) == len(set(seen)) == first["count"]


def test_updated_since_lists_only_what_changed(api, world):
    since = timezone.now()
    world.instrument.save()
    target = Target.objects.get(code="5.2")
    target.save()
    assert keys(api, "instruments", updated_since=since.isoformat()) == {"api-test-instrument"}
    assert keys(api, "targets", updated_since=since.isoformat()) == {"5.2"}
    assert keys(api, "recommendations", updated_since=since.isoformat()) == set()
    earlier = since - timedelta(days=3650)
    assert "api-test-instrument" in keys(api, "instruments", updated_since=earlier.isoformat())


@pytest.mark.parametrize("collection", LISTS)
def test_updated_since_on_every_list(api, world, collection):
    since = timezone.now()
    item = get_ok(api, list_url(collection), page_size=1)["results"][0]
    later = (since + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert keys(api, collection, updated_since=later) == set()
    earlier = (since - timedelta(days=3650)).strftime("%Y-%m-%d")
    assert key_of(collection, item) in keys(api, collection, updated_since=earlier)


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-01-01T25:00:00Z", "0001-01-01T00:00:00+14:00"])
def test_invalid_updated_since_is_a_400(api, value):
    response = api.get("/api/v1/instruments/", {"updated_since": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [error["parameter"] for error in response.json()["errors"]] == ["updated_since"]


def test_updated_since_accepts_any_iso_offset(api, world):
    """Python and ISO 8601 allow offsets PostgreSQL refuses (beyond ±15:59): compared in UTC."""
    for value in ["2000-01-01T00:00:00-18:37", "2000-01-01T00:00:00+23:59"]:
        assert "api-test-instrument" in keys(api, "instruments", updated_since=value)
