"""The portal's own public pages: home, SDG goals and targets, site files; query counts pinned."""

import re
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.apps import apps

from portal.models import Goal, PublicationStatus, Target
from portal.pages import link_sections
from recommendations.models import RecommendationTarget
from standards.models import Instrument, InstrumentTarget
from tests.pages import add_links_to_target, queries_for, text

pytestmark = pytest.mark.django_db


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

    def test_home_goal_cards_mark_the_goals_with_nothing_linked(self, client):
        body = text(client.get("/"))
        cards = dict(re.findall(r'<li class="card goal-card goal-(\d+)( goal-empty)?">', body))
        assert len(cards) == 17
        for code, empty in cards.items():
            linked = any(
                model.objects.published().filter(target__goal__code=code).exists()
                for model in (InstrumentTarget, RecommendationTarget)
            )
            if linked:
                assert not empty, f"goal {code} has links but looks empty"
        assert cards["16"] == "" and any(cards.values())

    def test_home_shows_key_instruments_by_their_common_names(self, client):
        body = text(client.get("/"))
        assert '<a class="card-link" href="/instruments/bangkok-rules/">Bangkok Rules</a>' in body
        featured = re.findall(
            r'<li class="card instrument-card">\s*<a class="card-link" href="[^"]+">([^<]+)</a>', body
        )
        assert featured == sorted(featured, key=str.casefold) and len(featured) >= 10

    @pytest.mark.usefixtures("uncached")
    def test_home_query_count_is_fixed(self, client, django_assert_num_queries):
        # The counts and the goals with content come from the tallies (portal.tallies), current here.
        with django_assert_num_queries(7):
            client.get("/")


class TestSdgPages:
    def test_goal_list_shows_all_goals_with_link_counts(self, client):
        body = text(client.get("/sdg/"))
        assert body.count('href="/sdg/') >= 17
        goal_16_row = re.search(
            r"Goal 16: Peace, justice and strong institutions</a></th> (<td[^>]*>\d+</td> ?){5}", body
        )
        cells = [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", goal_16_row.group(0))]
        assert cells[0] == 12  # targets
        instruments = InstrumentTarget.objects.published().filter(target__goal__code="16")
        assert cells[1] == instruments.values("instrument").distinct().count()  # distinct, not links

    def test_goal_page_lists_its_targets(self, client):
        body = text(client.get("/sdg/16/"))
        assert "Goal 16: Peace, justice and strong institutions" in body
        for code in ("16.1", "16.3", "16.10", "16.a", "16.b"):
            assert f'href="/sdg/{code}/"' in body

    def test_goal_page_summary_counts_distinct_entries_and_links_to_their_lists(self, client):
        body = text(client.get("/sdg/16/"))
        instruments = Instrument.objects.published().filter(
            target_links__target__goal__code="16", target_links__status=PublicationStatus.PUBLISHED
        )
        distinct = instruments.distinct().count()
        assert instruments.count() > distinct  # several targets link the same instrument: links would overcount
        assert f'<a href="/instruments/?goal=16"><strong>{distinct}</strong> instruments</a>' in body
        assert f"{distinct} instrument" in text(client.get("/instruments/?goal=16"))

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

    @pytest.mark.usefixtures("uncached")
    def test_target_page_queries_do_not_grow_with_links(self, client):
        before = queries_for(client, "/sdg/16.3/")
        add_links_to_target("16.3", 5)
        assert (
            queries_for(client, "/sdg/16.3/") == before == 10
        )  # target, indicators, the tallies (the totals), one per section part with links (6), source titles

    @pytest.mark.usefixtures("uncached")
    # /sdg/: the goals and the tallies (portal.tallies: current after each change, as a commit leaves them);
    # /sdg/16/: + the first links to the goal as a whole of each of the three kinds that have them, and the
    # titles of the sources their evidence cites (as on the target page). Counted live: tests/portal/test_tallies.py
    @pytest.mark.parametrize(("path", "queries"), [("/sdg/", 2), ("/sdg/16/", 7)])
    def test_goal_pages_count_links_in_one_grouped_query_per_link_kind(self, client, path, queries):
        before = queries_for(client, path)
        add_links_to_target("16.3", 5)
        assert queries_for(client, path) == before == queries
        assert "Extra instrument" not in text(client.get(path))  # counted, not listed

    def test_goal_list_shows_the_goals_in_their_order(self, client):
        body = text(client.get("/sdg/"))
        codes = [int(code) for code in re.findall(r'<a href="/sdg/(\d+)/">', body)]
        assert codes == list(range(1, 18))

    def test_goal_list_counts_change_with_new_links(self, client):
        body = text(client.get("/sdg/"))
        add_links_to_target("16.3", 3)
        assert text(client.get("/sdg/")) != body

    @pytest.mark.parametrize("path", ["/sdg/18/", "/sdg/16.99/", "/sdg/0/", "/sdg/16.3.1/", "/sdg/abc/"])
    def test_unknown_codes_are_404(self, client, path):
        response = client.get(path)
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert "Page not found" in text(response)


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


def test_the_goals_table_counts_distinct_entries_as_the_goal_page_does(client):
    body = client.get("/sdg/").content.decode()
    row = body[body.index('class="goal-16"') :].split("</tr>")[0]
    cells = dict(re.findall(r'data-label="([^"]+)">(\d+)<', row))
    goal = Goal.objects.get(code="16")
    for section in link_sections():
        distinct = section.count_goal_entries(goal)  # through its targets or to the goal as a whole, once
        links = section.model.objects.published().filter(target__goal=goal).count()
        assert str(distinct) in cells.values()
        if section.name == "instrument":
            assert int(cells["Instruments"]) == distinct < links  # 31 instruments, not their 43 links
