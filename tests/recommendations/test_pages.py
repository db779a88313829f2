"""Recommendation, document and meeting pages: content, filters, query counts pinned."""

import re
from http import HTTPStatus

import pytest

from recommendations.models import Recommendation
from tests.pages import all_pages, queries_for, text

pytestmark = pytest.mark.django_db


class TestRecommendations:
    @pytest.mark.parametrize(
        ("query", "present", "absent"),
        [
            ("document=A/CONF.234/5", "a-conf-234-5-para-44-b", "e-cn-15-2022-9-para-69-a"),
            ("kind=summary_of_views", "congress14-draft-report-item4-para-11", "a-conf-234-5-para-44-b"),
            ("kind=question&agenda_item=item-4", "a-conf-234-pm-1-para-91-a", "a-conf-234-pm-1-para-66-a"),
            ("instrument=vac-model-strategies", "a-conf-234-5-para-44-b", "a-conf-234-5-para-43-d"),
            ("target=16.2", "a-conf-234-5-para-44-b", "a-conf-234-5-para-43-d"),
            ("theme=ending-violence-against-children", "a-conf-234-5-para-44-b", "a-conf-234-5-para-43-d"),
            ("meeting=ccpcj-31", "e-cn-15-2022-9-para-69-a", "a-conf-234-5-para-44-b"),
        ],
    )
    def test_recommendation_filters_both_ways(self, client, query, present, absent):
        body = all_pages(client, f"/recommendations/?{query}")
        listed = set(re.findall(r'href="/recommendations/([a-z0-9-]+)/"', body))
        assert present in listed
        assert absent not in listed

    def test_recommendation_page(self, client):
        body = text(client.get("/recommendations/a-conf-234-5-para-44-b/"))
        recommendation = Recommendation.objects.get(slug="a-conf-234-5-para-44-b")
        assert "A/CONF.234/5, para. 44 (b)" in body
        assert recommendation.text[:60].replace("’", "&#x27;") in body or recommendation.text[:60] in body
        assert 'href="/instruments/vac-model-strategies/"' in body
        assert 'href="/sdg/16.2/"' in body

    def test_summary_of_views_is_labelled_as_not_a_decision(self, client):
        body = text(client.get("/recommendations/congress14-draft-report-item4-para-11/"))
        assert "It is not a decision or a recommendation of the Congress" in body

    def test_document_page_by_symbol_with_slashes(self, client):
        body = text(client.get("/documents/A/CONF.234/5/"))
        assert "A/CONF.234/5" in body and "16 recommendations" in body
        assert client.get("/documents/A/CONF.234/99/").status_code == HTTPStatus.NOT_FOUND

    def test_meeting_page_shows_planned_and_held_dates(self, client):
        body = text(client.get("/meetings/fourteenth-congress/"))
        assert "7 March 2021 to 12 March 2021" in body
        assert "20 April 2020 to 27 April 2020" in body

    @pytest.mark.usefixtures("uncached")
    def test_list_and_detail_query_counts(self, client):
        # + the choices of "linked to SDG goal as a whole"; the targets with content: the tallies, then the targets
        assert queries_for(client, "/recommendations/") == 11
        # + the lists the paragraph gives (none here) and its goal links;
        # a paragraph with a list adds the records it points to.
        assert queries_for(client, "/recommendations/a-conf-234-5-para-44-b/") == 7
        assert queries_for(client, "/recommendations/e-cn-15-2022-9-para-69-e/") == 9  # + its list and its instruments
        # The document, its entries; its source lists, their targets and their instruments: three lists, one query each.
        assert queries_for(client, "/documents/A/CONF.234/PM.1/") == 5
