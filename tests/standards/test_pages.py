"""Instrument and provision pages: content, filters, 404s, query counts pinned."""

import re
from http import HTTPStatus

import pytest

from portal.models import PublicationStatus
from standards.models import Instrument, Provision
from tests.pages import add_links_to_target, all_pages, json_ld, queries_for, text

pytestmark = pytest.mark.django_db


class TestInstruments:
    def test_list_is_filterable_by_kind(self, client):
        body = text(client.get("/instruments/?kind=rules"))
        assert "nelson-mandela-rules" in body and "bangkok-rules" in body
        assert "doha-declaration" not in body

    @pytest.mark.parametrize(
        ("query", "present", "absent"),
        [
            ("theme=gender-responsive-justice", "bangkok-rules", "arms-trade-treaty"),
            ("target=16.3", "legal-aid-principles-and-guidelines", "arms-trade-treaty"),
            ("goal=16", "legal-aid-principles-and-guidelines", "unesco-1970-convention"),
            ("adopting_body=ecosoc", "restorative-justice-basic-principles", "nelson-mandela-rules"),
            ("year=2015", "nelson-mandela-rules", "bangkok-rules"),
            ("search=women+prisoners", "bangkok-rules", "tokyo-rules"),
        ],
    )
    def test_list_filters_both_ways(self, client, query, present, absent):
        body = all_pages(client, f"/instruments/?{query}")
        assert f"/instruments/{present}/" in body
        assert f"/instruments/{absent}/" not in body

    def test_invalid_filter_value_is_a_form_error_not_a_crash(self, client):
        response = client.get("/instruments/?target=99.99&kind=novel")
        assert response.status_code == HTTPStatus.OK
        body = text(response)
        assert "Some filters could not be applied" in body
        assert "0 instruments" in body

    def test_sorting_by_year(self, client):
        body = client.get("/instruments/?ordering=year").content.decode()
        years = [int(y) for y in re.findall(r"· (\d{4})(?:[ ·<])", body)]
        assert years == sorted(years) and len(years) > 5

    def test_pagination(self, client):
        pages = -(-Instrument.objects.published().count() // 25)
        first = text(client.get("/instruments/"))
        second = text(client.get("/instruments/?page=2"))
        assert pages > 2
        assert f"Page 1 of {pages}" in first and f"Page 2 of {pages}" in second
        assert client.get("/instruments/?page=99").status_code == HTTPStatus.NOT_FOUND

    @pytest.mark.usefixtures("uncached")
    def test_list_query_count_is_fixed(self, client, django_assert_num_queries):
        # count, page, themes, and the goal/whole goal/target/theme choices (the targets with content: the tallies, then
        # the targets)
        with django_assert_num_queries(8):
            client.get("/instruments/?kind=rules")

    def test_instrument_page(self, client):
        response = client.get("/instruments/nelson-mandela-rules/")
        body = text(response)
        assert 'href="https://undocs.org/A/RES/70/175"' in body
        assert "Part I. Rules of general application" in body
        assert 'href="/instruments/nelson-mandela-rules/58/"' in body
        assert 'href="/instruments/nelson-mandela-rules/po-1/"' in body
        assert 'href="/sdg/16.3/"' in body
        assert (
            "United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules), "
            "General Assembly resolution 70/175, annex" in body
        )
        assert "/resources/nelson-mandela-rules-elearning-course/" in body
        data = json_ld(response)
        assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "A/RES/70/175"

    def test_instrument_page_shows_programmes_and_recommendations(self, client):
        body = text(client.get("/instruments/vac-model-strategies/"))
        assert "/recommendations/a-conf-234-5-para-44-b/" in body
        assert "/programmes/global-programme-people-centred-justice/" in body

    def test_instrument_without_official_text_says_where_it_is(self, client):
        body = text(client.get("/instruments/bangkok-rules/"))
        assert "The portal does not hold the official text of this instrument" in body
        assert 'href="https://undocs.org/A/RES/65/229"' in body

    @pytest.mark.usefixtures("uncached")
    def test_instrument_page_query_count_is_fixed(self, client):
        # incl. titles of non-UN sources and the goals it serves as a whole
        assert queries_for(client, "/instruments/nelson-mandela-rules/") == 11
        add_links_to_target("16.3", 3)
        assert queries_for(client, "/instruments/nelson-mandela-rules/") == 11

    @pytest.mark.parametrize("path", ["/instruments/no-such-thing/", "/instruments/nelson-mandela-rules/999/"])
    def test_unknown_instrument_or_rule_is_404(self, client, path):
        assert client.get(path).status_code == HTTPStatus.NOT_FOUND

    def test_draft_instrument_is_404(self, client):
        Instrument.objects.filter(slug="tokyo-rules").update(status=PublicationStatus.DRAFT)
        assert client.get("/instruments/tokyo-rules/").status_code == HTTPStatus.NOT_FOUND


class TestProvisions:
    def test_rule_page_has_exact_text_section_neighbours_and_citation(self, client):
        response = client.get("/instruments/nelson-mandela-rules/58/")
        rule = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="58")
        html = response.content.decode()
        assert rule.text.replace("’", "&#x27;") in html or rule.text in html
        body = text(response)
        assert "Contact with the outside world" in body
        assert 'href="/instruments/nelson-mandela-rules/57/" rel="prev"' in body
        assert 'href="/instruments/nelson-mandela-rules/59/" rel="next"' in body
        assert "General Assembly resolution 70/175, annex, rule 58" in body
        data = json_ld(response)
        assert data["legislationIdentifier"].endswith("General Assembly resolution 70/175, annex, rule 58")
        assert data["isPartOf"]["legislationIdentifier"] == "A/RES/70/175"

    def test_first_observation_has_no_previous_and_last_rule_no_next(self, client):
        first = text(client.get("/instruments/nelson-mandela-rules/po-1/"))
        assert 'rel="prev"' not in first and 'href="/instruments/nelson-mandela-rules/po-2/" rel="next"' in first
        last = text(client.get("/instruments/nelson-mandela-rules/122/"))
        assert 'rel="next"' not in last and "Footnote 29" in last

    def test_rule_linked_to_a_target_shows_it(self, client):
        provision_link = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="24").target_links.first()
        body = text(client.get("/instruments/nelson-mandela-rules/24/"))
        assert f'href="/sdg/{provision_link.target.code}/"' in body

    @pytest.mark.usefixtures("uncached")
    def test_rule_page_query_count_is_fixed(self, client, django_assert_num_queries):
        with django_assert_num_queries(4):
            client.get("/instruments/nelson-mandela-rules/58/")


def test_an_instrument_with_nothing_linked_says_so_instead_of_a_wall_of_zeros(client):
    lonely = text(client.get("/instruments/beijing-rules/"))
    assert "Nothing in the portal is linked to this instrument yet" in lonely
    assert "What it connects to" not in lonely and "On this page" not in lonely
    connected = text(client.get("/instruments/nelson-mandela-rules/"))
    assert "What it connects to" in connected and "Nothing in the portal is linked" not in connected
