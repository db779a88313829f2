"""About, Methodology and the HTML sitemap: reachable from every page's footer, saying what the portal is."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from portal.models import Goal, LinkBasis, Theme
from recommendations.models import RecommendationTarget
from tests.pages import text, visible_text

pytestmark = pytest.mark.django_db


def test_footer_links_to_the_trust_pages_and_contact(client):
    body = text(client.get("/instruments/"))
    for name in ("portal:about", "portal:methodology", "portal:sitemap-page"):
        assert f'<a href="{reverse(name)}">' in body
    assert '<a href="/about/#contact">Contact</a>' in body
    assert "Sitemap (XML)" not in body


def test_about_says_what_the_portal_is_and_who_curates_it(client):
    response = client.get("/about/")
    assert response.status_code == HTTPStatus.OK
    body = visible_text(response)
    assert "About the portal" in body
    assert "curated by UNODC staff" in body
    assert 'id="contact"' in response.content.decode()
    assert "@" not in body  # no invented address


def test_methodology_explains_the_sources_the_two_bases_and_official_text_not_held(client):
    body = visible_text(client.get("/methodology/"))
    for symbol in ("A/CONF.234/5", "A/CONF.234/PM.1", "E/CN.15/2022/9"):
        assert symbol in body
    assert "Stated in the source" in body and "Curator's judgement" in body
    assert "does not hold the official text" in body
    assert "GP-BROCHURE" not in body and "CONGRESS14" not in body


def test_methodology_counts_published_links_by_basis(client):
    stated = RecommendationTarget.objects.published().filter(basis=LinkBasis.STATED).count()
    judgement = RecommendationTarget.objects.published().filter(basis=LinkBasis.JUDGEMENT).count()
    body = text(client.get("/methodology/"))
    assert (
        f'Recommendation–target link</th><td class="number" data-label="Stated in the source">{stated}</td>'
        f'<td class="number" data-label="Curator\'s judgement">{judgement}</td>'
    ) in body


def test_sitemap_page_links_every_list_goal_and_theme(client):
    body = text(client.get("/sitemap/"))
    for path in (
        "/instruments/",
        "/programmes/",
        "/resources/",
        "/activities/",
        "/countries/",
        "/recommendations/",
        "/documents/",
        "/meetings/",
        "/about/",
        "/methodology/",
        "/sitemap.xml",
        "/api/",
    ):
        assert f'href="{path}"' in body, path
    for goal in Goal.objects.all():
        assert f'href="{goal.get_absolute_url()}"' in body
    for theme in Theme.objects.published():
        assert f'href="{theme.get_absolute_url()}"' in body


def test_trust_pages_are_in_the_xml_sitemap(client):
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/about/", "/methodology/", "/sitemap/"):
        assert f"{path}</loc>" in body
