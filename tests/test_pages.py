"""The public pages: content, filters, 404s, and a fixed number of queries per page."""

import json
import re
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import PublicationStatus, Target
from programmes.models import Activity
from recommendations.models import Recommendation, RecommendationTarget
from standards.models import Instrument, InstrumentTarget, Provision

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(captured)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def all_pages(client, url) -> str:
    """The text of every page of a paginated list."""
    body = text(client.get(url))
    match = re.search(r"Page 1 of (\d+)", body)
    for number in range(2, int(match.group(1)) + 1 if match else 1):
        body += text(client.get(f"{url}&page={number}"))
    return body


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return json.loads(match.group(1))


def add_links_to_target(code: str, how_many: int) -> None:
    """More content linked to a target, to prove a page's query count does not grow with it."""
    target = Target.objects.get(code=code)
    for number in range(how_many):
        instrument = Instrument.objects.create(
            slug=f"extra-{number}",
            title=f"Extra instrument {number}",
            kind="guidelines",
            category="related",
            symbol_missing_reason="test",
            status=PublicationStatus.PUBLISHED,
        )
        InstrumentTarget.objects.create(
            instrument=instrument,
            target=target,
            source_symbol="A/CONF.234/5",
            source_locator="para 1",
            rationale="test",
            status=PublicationStatus.PUBLISHED,
        )


class TestHome:
    def test_home_has_entry_points_counts_and_search(self, client):
        response = client.get("/")
        body = text(response)
        assert response.status_code == HTTPStatus.OK
        assert f"<strong>{Instrument.objects.published().count()}</strong>" in body
        assert 'href="/sdg/16/"' in body and 'href="/themes/access-to-justice/"' in body
        assert 'href="/instruments/nelson-mandela-rules/"' in body
        assert 'action="/search/"' in body
        assert "Recently updated" in body

    def test_home_query_count_is_fixed(self, client, django_assert_num_queries):
        with django_assert_num_queries(12):
            client.get("/")


class TestSdgPages:
    def test_goal_list_shows_all_goals_with_link_counts(self, client):
        body = text(client.get("/sdg/"))
        assert body.count('href="/sdg/') >= 17
        goal_16_row = re.search(r"Goal 16: Peace, justice and strong institutions</a></th> (<td>\d+</td> ?){5}", body)
        cells = [int(n) for n in re.findall(r"<td>(\d+)</td>", goal_16_row.group(0))]
        assert cells[0] == 12  # targets
        assert cells[1] == InstrumentTarget.objects.published().filter(target__goal__code="16").count()

    def test_goal_page_lists_its_targets(self, client):
        body = text(client.get("/sdg/16/"))
        assert "Goal 16: Peace, justice and strong institutions" in body
        for code in ("16.1", "16.3", "16.10", "16.a", "16.b"):
            assert f'href="/sdg/{code}/"' in body

    def test_target_page_answers_what_serves_16_3_and_why(self, client):
        response = client.get("/sdg/16.3/")
        body = text(response)
        target = Target.objects.get(code="16.3")
        assert target.title in body
        assert "http://metadata.un.org/sdg/16.3" in body
        assert "16.3.1" in body and "16.3.2" in body and "16.3.3" in body
        assert target.titles["fr"] in body  # official text in the UN languages
        links = InstrumentTarget.objects.published().filter(target=target).select_related("instrument")
        assert links.exists()
        for link in links:
            assert link.instrument.get_absolute_url() in body
            assert link.rationale.split()[0] in body
        assert "legal-aid-principles-and-guidelines" in body
        assert "Source:" in body and "Stated in the source" in body

    def test_target_page_lists_linked_recommendations_and_programmes(self, client):
        body = text(client.get("/sdg/16.3/"))
        recommendation = RecommendationTarget.objects.published().filter(target__code="16.3").first().recommendation
        assert recommendation.get_absolute_url() in body
        assert "/programmes/global-programme-people-centred-justice/" in body

    def test_target_page_hides_drafts(self, client):
        link = InstrumentTarget.objects.published().filter(target__code="16.3").select_related("instrument").first()
        link.instrument.status = PublicationStatus.DRAFT
        link.instrument.save()
        assert link.instrument.get_absolute_url() not in text(client.get("/sdg/16.3/"))

    def test_target_page_queries_do_not_grow_with_links(self, client):
        before = queries_for(client, "/sdg/16.3/")
        add_links_to_target("16.3", 5)
        assert queries_for(client, "/sdg/16.3/") == before == 6

    @pytest.mark.parametrize("path", ["/sdg/18/", "/sdg/16.99/", "/sdg/0/", "/sdg/16.3.1/", "/sdg/abc/"])
    def test_unknown_codes_are_404(self, client, path):
        response = client.get(path)
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert "Page not found" in text(response)


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
        first = text(client.get("/instruments/"))
        second = text(client.get("/instruments/?page=2"))
        assert "Page 1 of 2" in first and "Page 2 of 2" in second
        assert client.get("/instruments/?page=99").status_code == HTTPStatus.NOT_FOUND

    def test_list_query_count_is_fixed(self, client, django_assert_num_queries):
        with django_assert_num_queries(6):  # count, page, themes, and the goal/target/theme choices
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

    def test_instrument_page_query_count_is_fixed(self, client):
        assert queries_for(client, "/instruments/nelson-mandela-rules/") == 9
        add_links_to_target("16.3", 3)
        assert queries_for(client, "/instruments/nelson-mandela-rules/") == 9

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

    def test_rule_page_query_count_is_fixed(self, client, django_assert_num_queries):
        with django_assert_num_queries(4):
            client.get("/instruments/nelson-mandela-rules/58/")


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

    def test_list_pages_query_counts(self, client):
        assert queries_for(client, "/programmes/") == 8
        assert queries_for(client, "/activities/") == 7
        assert queries_for(client, "/countries/") == 1


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

    def test_list_and_detail_query_counts(self, client):
        assert queries_for(client, "/recommendations/") == 9
        assert queries_for(client, "/recommendations/a-conf-234-5-para-44-b/") == 5
        assert queries_for(client, "/documents/A/CONF.234/PM.1/") == 2


class TestSiteFiles:
    def test_sitemap_lists_rules_targets_and_documents(self, client):
        body = client.get("/sitemap.xml").content.decode()
        assert "/instruments/nelson-mandela-rules/58/</loc>" in body
        assert "/sdg/16.3/</loc>" in body
        assert "/documents/A/CONF.234/5/</loc>" in body

    def test_robots_points_to_the_sitemap(self, client):
        body = client.get("/robots.txt").content.decode()
        assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body

    @pytest.mark.parametrize(
        "path",
        [
            "/",
            "/sdg/",
            "/sdg/16.3/",
            "/instruments/",
            "/instruments/nelson-mandela-rules/58/",
            "/programmes/",
            "/recommendations/",
            "/documents/A/CONF.234/5/",
            "/themes/crime-prevention/",
        ],
    )
    def test_every_page_has_title_description_and_one_h1(self, client, path):
        html = client.get(path).content.decode()
        assert html.count("<h1") == 1
        assert re.search(r"<title>[^<]+ · Standards and Norms Portal</title>", html)
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html)

    def test_search_escapes_the_query(self, client):
        response = client.get("/search/", {"q": "<script>alert(1)</script>"})
        assert response.status_code == HTTPStatus.OK
        assert "<script>alert(1)</script>" not in response.content.decode()

    def test_overlong_search_is_a_clear_message(self, client):
        response = client.get("/search/", {"q": "x" * 10_000})
        assert response.status_code == HTTPStatus.OK
        assert "The search text is too long" in text(response)

    @pytest.mark.parametrize(
        ("model_path", "lookup"),
        [
            ("standards.Instrument", {"slug": "nelson-mandela-rules"}),
            ("standards.Provision", {"instrument__slug": "nelson-mandela-rules", "number": "58"}),
            ("programmes.Programme", {"status": PublicationStatus.PUBLISHED}),
            ("programmes.Resource", {"status": PublicationStatus.PUBLISHED}),
            ("recommendations.Recommendation", {"status": PublicationStatus.PUBLISHED}),
            ("recommendations.Document", {"symbol": "A/CONF.234/5"}),
            ("recommendations.Meeting", {"status": PublicationStatus.PUBLISHED}),
            ("portal.Theme", {"slug": "crime-prevention"}),
        ],
    )
    def test_published_entry_shows_when_it_was_last_updated(self, client, model_path, lookup):
        model = apps.get_model(model_path)
        entry = model.objects.filter(**lookup).first()
        model.objects.filter(pk=entry.pk).update(updated_at=datetime(2026, 3, 9, 10, 30, tzinfo=UTC))
        html = client.get(entry.get_absolute_url()).content.decode()
        assert '<dt>Last updated</dt><dd><time datetime="2026-03-09T10:30:00+00:00">9 March 2026</time></dd>' in html
