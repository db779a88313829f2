"""A list page costs the same number of queries whether it holds 1 object or 100 (no N+1)."""

import pytest

from tests.api.endpoints import list_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# count, page, one per prefetched relation, and the newest updated_at of the kind (Last-Modified)
LIST_QUERIES = {
    "goals": 3,
    "targets": 3,
    "indicators": 3,
    "themes": 3,
    "instruments": 6,  # + themes, target links, goal links (each entry lists the goals it serves as a whole)
    "provisions": 4,  # + target links
    "programmes": 7,  # + themes, target links, goal links, instrument links
    "resources": 5,  # + themes, instrument links
    "activities": 4,  # + instruments
    "countries": 3,
    "meetings": 3,
    "documents": 4,  # + themes
    "recommendations": 8,  # + themes, target, goal, instrument and programme links
}

DETAIL_QUERIES = {
    # target and goal, indicators, the tallies (portal.tallies: the totals), four kinds of links (links_for_target)
    "/api/v1/targets/16.3/": 7,
    # goal, targets, the tallies (the count of each of the four kinds of links), then the first links to the goal
    # as a whole of each of the three kinds that have them (links_for_goal)
    "/api/v1/goals/16/": 6,
    "/api/v1/instruments/nelson-mandela-rules/": 6,  # + themes, target links, goal links, provisions, their links
    "/api/v1/instruments/nelson-mandela-rules/provisions/": 5,  # instrument exists, count, page, links, latest
    "/api/v1/instruments/nelson-mandela-rules/provisions/58/": 2,
    "/api/v1/programmes/api-test-programme/": 7,  # + goal links
    "/api/v1/recommendations/api-test-1-para-7-a/": 6,  # + goal links
    "/api/v1/meetings/api-test-meeting/": 4,
    "/api/v1/documents/API/TEST/1/": 3,  # + its source lists (none: their records are read only for a list)
}


@pytest.mark.parametrize("page_size", [1, 100])
@pytest.mark.parametrize(("name", "queries"), LIST_QUERIES.items())
def test_list_page_queries_are_constant(api, world, django_assert_num_queries, name, queries, page_size):
    with django_assert_num_queries(queries):
        assert api.get(list_url(name), {"page_size": page_size}).status_code == 200


@pytest.mark.parametrize("page_size", [1, 100])
def test_filtered_list_queries_are_constant(api, world, django_assert_num_queries, page_size):
    # + validating target and goal (one query each)
    with django_assert_num_queries(LIST_QUERIES["recommendations"] + 2):
        response = api.get("/api/v1/recommendations/", {"target": "5.2", "goal": "5", "page_size": page_size})
        assert response.status_code == 200


@pytest.mark.parametrize(("url", "queries"), DETAIL_QUERIES.items())
def test_detail_queries(api, world, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        assert api.get(url).status_code == 200


def test_csv_costs_no_more_than_json(api, world, django_assert_num_queries):
    with django_assert_num_queries(LIST_QUERIES["recommendations"]):
        assert api.get("/api/v1/recommendations/", {"format": "csv", "page_size": 100}).status_code == 200
