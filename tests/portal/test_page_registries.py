"""The shared pages show what the apps register (portal.pages, portal.sitemaps), in the registered order."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal import pages, sitemaps
from portal.content import target_link_models
from portal.models import Theme
from portal.pages import HomeCount, LinkSection, ThemeSection, link_sections

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == HTTPStatus.OK
    return re.sub(r"\s+", " ", response.content.decode())


def section_named(name: str) -> LinkSection:
    return next(section for section in link_sections() if section.name == name)


@pytest.fixture
def throwaway_programme_section():
    """The programmes' section of the target page, replaced by a throwaway one placed first."""
    original = section_named("programme")
    pages.unregister(original)
    throwaway = LinkSection(
        name="programme",
        order=1,
        heading="Throwaway heading for programmes",
        anchor="throwaway-programmes",
        column="Throwaway column",
        nouns=("throwaway", "throwaways"),
        empty="Throwaway: nothing linked.",
        row_template="programmes/includes/target_programme_link.html",
        select_related=("programme",),
        order_by=("-programme__title",),
        published=("programme",),
        api_field="throwaway_programmes",
        api_serializer=original.api_serializer,
    )
    pages.register(throwaway)
    yield throwaway
    pages.unregister(throwaway)
    pages.register(original)


def test_every_link_to_a_target_has_a_section_in_the_documented_order():
    assert [section.name for section in link_sections()] == ["instrument", "provision", "programme", "recommendation"]
    assert {section.name for section in link_sections()} == set(target_link_models())


def test_the_target_page_shows_a_registered_section_where_its_order_puts_it(client, throwaway_programme_section):
    body = text(client.get("/sdg/16.3/"))
    assert '<h2 id="throwaway-programmes">Throwaway heading for programmes <span' in body
    assert body.index("Throwaway heading for programmes") < body.index("UN standards and norms <span")
    assert '<h2 id="programmes">' not in body
    summary = re.findall(r'<a href="#([\w-]+)"><strong>\d+</strong> ([^<]+)</a>', body)
    assert [anchor for anchor, _ in summary] == [
        "throwaway-programmes",
        "standards-and-norms",
        "treaties",
        "other-instruments",
        "provisions",
        "recommendations",
        "questions",
    ]
    assert re.fullmatch(r"throwaways?", summary[0][1])
    jumps = re.findall(r'<li><a href="#([\w-]+)">', body.split('class="jump-menu"')[1].split("</nav>")[0])
    assert jumps == ["indicators", *(anchor for anchor, _ in summary), "about-target"]
    titles = re.findall(r'id="throwaway-programmes">.*?<ul class="entry-list">(.*?)</ul>', body)[0]
    listed = re.findall(r'<a href="/programmes/[^"]+/">([^<]+)</a>', titles)
    assert listed and listed == sorted(listed, reverse=True)  # the section's own order_by


def test_the_goal_pages_and_the_api_follow_the_registered_sections(client, throwaway_programme_section):
    assert '<th scope="col">Throwaway column</th>' in text(client.get("/sdg/"))
    assert re.search(r"Linked: \d+ throwaways?, \d+ instruments?", text(client.get("/sdg/16/")))
    detail = client.get("/api/v1/targets/16.3/").json()
    sections = ["throwaway_programmes", "instruments", "provisions", "recommendations"]
    assert list(detail)[-6:] == [*sections, "link_counts", "link_lists"]
    assert detail["throwaway_programmes"]
    assert list(detail["link_counts"]) == list(detail["link_lists"]) == sections


def test_a_link_model_without_a_section_is_an_error_not_a_silence():
    original = section_named("recommendation")
    pages.unregister(original)
    try:
        with pytest.raises(ImproperlyConfigured, match="recommendation"):
            link_sections()
    finally:
        pages.register(original)


def test_an_order_already_taken_is_refused():
    taken = section_named("instrument")
    with pytest.raises(ImproperlyConfigured, match="already taken"):
        pages.register(HomeCount(order=100, label="clash", queryset=Theme.objects.all))
    with pytest.raises(ImproperlyConfigured, match="already have a section"):
        pages.register(LinkSection(**{**taken.__dict__, "order": 999}))


def test_home_and_theme_pages_show_registered_pieces(client):
    count = HomeCount(order=999, label="throwaway themes", queryset=lambda: Theme.objects.published())
    section = ThemeSection(
        order=999,
        heading="Throwaway theme section",
        entries=lambda theme: theme.instruments.published(),
        row_template="standards/includes/theme_instrument.html",
    )
    pages.register(count)
    pages.register(section)
    try:
        home = text(client.get("/"))
        assert f"<li><strong>{Theme.objects.published().count()}</strong> throwaway themes</li>" in home
        assert home.index("technical-assistance activities") < home.index("throwaway themes")
        theme = text(client.get("/themes/access-to-justice/"))
        assert theme.index('<h2 id="technical-assistance">') < theme.index('<h2 id="throwaway-theme-section">')
    finally:
        pages.unregister(count)
        pages.unregister(section)


def test_sitemap_lists_the_registered_sections(client):
    sitemaps.register("throwaway", sitemaps.model_sitemap(Theme.objects.filter(slug="access-to-justice")), order=999)
    try:
        body = client.get("/sitemap.xml").content.decode()
    finally:
        sitemaps.unregister("throwaway")
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    # The registered section comes last, once per offered language (ar, zh-hans, en, fr, ru, es).
    prefixes = ("/ar", "/zh-hans", "", "/fr", "/ru", "/es")
    assert locations[-6:] == [f"http://testserver{prefix}/themes/access-to-justice/" for prefix in prefixes]
    assert locations.count("http://testserver/themes/access-to-justice/") == 2  # the themes section has it too
    assert list(sitemaps.sitemaps()) == [
        "pages", "goals", "targets", "themes", "instruments", "provisions", "programmes", "resources", "countries",
        "meetings", "documents", "recommendations",
    ]  # fmt: skip
