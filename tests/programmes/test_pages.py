"""Programme, resource, activity and country pages: content, filters, query counts pinned."""

import pytest

from programmes.models import Activity
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


class TestProgrammes:
    def test_programme_list_and_filter(self, client):
        body = text(client.get("/programmes/?instrument=nelson-mandela-rules"))
        assert "/programmes/global-programme-people-centred-justice/" in body
        assert "/programmes/global-programme-on-cybercrime/" not in body

    def test_global_programme_page_has_areas_links_and_resources(self, client):
        body = text(client.get("/programmes/global-programme-people-centred-justice/"))
        assert "Areas of intervention" in body
        assert body.count("<li><strong>") >= 6
        assert 'href="/instruments/nelson-mandela-rules/"' in body
        assert 'href="/sdg/16.3/"' in body

    def test_resource_page_shows_reach(self, client):
        body = text(client.get("/resources/nelson-mandela-rules-elearning-course/"))
        assert "64000" in body and "13" in body

    def test_activities_can_be_filtered_by_country_year_and_instrument(self, client):
        body = text(client.get("/activities/?instrument=bangkok-rules&year=2021"))
        expected = Activity.objects.published().filter(instruments__slug="bangkok-rules", year=2021).distinct()
        assert f"{expected.count()} activit" in body
        for activity in expected:
            if activity.country:
                assert activity.country.get_absolute_url() in body

    def test_country_page_lists_its_activities(self, client):
        activity = Activity.objects.published().exclude(country=None).select_related("country").first()
        body = text(client.get(activity.country.get_absolute_url()))
        assert activity.source_locator in body
        assert activity.country.name in body

    @pytest.mark.usefixtures("uncached")
    def test_list_pages_query_counts(self, client):
        # + the choices of "linked to SDG goal as a whole"; the targets with content: the tallies, then the targets
        assert queries_for(client, "/programmes/") == 10
        assert queries_for(client, "/activities/") == 7
        assert queries_for(client, "/countries/") == 2  # the count, the page
