"""Instrument and programme pages are briefings: a summary whose counts link to bounded sections,
each with its total and the full filtered list; neither their size nor their queries grow with the database."""

import re
from http import HTTPStatus

import pytest

from portal.models import PublicationStatus, Theme
from portal.pages import SECTION_LIMIT
from portal.versioning import bump
from programmes.models import Activity, Programme
from recommendations.models import Recommendation, RecommendationProgramme
from standards.models import Instrument
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db

MANDELA = "/instruments/nelson-mandela-rules/"
PROGRAMME_SLUG = "prison-reform-portfolio"
PROGRAMME = f"/programmes/{PROGRAMME_SLUG}/"
THEME_QUERIES = 6  # the theme, then one query for each of its five sections


def add_activities(how_many: int, *, start: int = 0) -> None:
    """Published activities of the programme naming the Mandela Rules, written in bulk."""
    activities = Activity.objects.bulk_create(
        Activity(
            slug=f"bulk-activity-{number:04}",
            year=2020,
            region="Global",
            programme=Programme.objects.get(slug=PROGRAMME_SLUG),
            description=f"Bulk activity {number:04}",
            source_symbol="A/CONF.234/5",
            source_locator="para 1",
            status=PublicationStatus.PUBLISHED,
        )
        for number in range(start, start + how_many)
    )
    mandela = Instrument.objects.get(slug="nelson-mandela-rules")
    for activity in activities:
        activity.instruments.add(mandela)
    bump()


def link_recommendations(how_many: int) -> None:
    """Published recommendations linked to the programme, all for the same reason."""
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    recommendations = Recommendation.objects.published().exclude(programme_links__programme=programme)[:how_many]
    RecommendationProgramme.objects.bulk_create(
        RecommendationProgramme(
            recommendation=recommendation,
            programme=programme,
            source_symbol="A/CONF.234/5",
            source_locator="para 1",
            rationale="The same reason for every one of these recommendations and the programme.",
            status=PublicationStatus.PUBLISHED,
        )
        for recommendation in recommendations
    )
    bump()


def section(body: str, anchor: str) -> str:
    start = body.index(f'<h2 id="{anchor}">')
    return body[start : body.index("<h2", start + 4)] if "<h2" in body[start + 4 :] else body[start:]


def test_the_mandela_page_shows_its_first_activities_the_total_and_the_full_list(client):
    add_activities(SECTION_LIMIT)
    total = Instrument.objects.get(slug="nelson-mandela-rules").activities.published().count()
    body = text(client.get(MANDELA))
    activities = section(body, "activities")
    assert activities.count("<li>") == SECTION_LIMIT
    assert (
        f'<a href="/activities/?instrument=nelson-mandela-rules">All {total} technical-assistance activities</a>'
        in (activities)
    )
    assert f'<a href="#activities"><strong>{total}</strong> technical-assistance activities</a>' in body  # summary
    listed = text(client.get("/activities/?instrument=nelson-mandela-rules"))
    assert f"{total} activities" in listed


@pytest.mark.usefixtures("uncached")
def test_instrument_and_programme_pages_do_not_grow_with_300_more_activities_and_links(client):
    add_activities(SECTION_LIMIT + 5)
    link_recommendations(SECTION_LIMIT + 5)
    before = {path: (len(client.get(path).content), queries_for(client, path)) for path in (MANDELA, PROGRAMME)}
    add_activities(300, start=SECTION_LIMIT + 5)
    link_recommendations(100)
    for path, (size, queries) in before.items():
        response = client.get(path)
        assert response.status_code == HTTPStatus.OK
        assert abs(len(response.content) - size) <= 20, path  # the totals' digits
        assert len(response.content) < 150_000
        assert queries_for(client, path) == queries, path


def test_a_programme_states_a_reason_once_for_the_links_that_share_it(client):
    link_recommendations(3)
    body = text(client.get(PROGRAMME))
    recommendations = section(body, "recommendations")
    assert recommendations.count("The same reason for every one of these recommendations") == 1
    grouped = re.search(r'<ul class="reason-group">(.*?)</ul>', recommendations).group(1)
    assert grouped.count("<li>") >= 3
    assert "/recommendations/" in grouped and "Why it is linked" not in grouped


def test_a_programme_names_its_recommendations_by_their_words_not_bare_symbols(client):
    link_recommendations(2)
    body = text(client.get(PROGRAMME))
    names = re.findall(r'<a href="/recommendations/[^"]+/">([^<]+)</a>', section(body, "recommendations"))
    assert names and all(not re.fullmatch(r"[A-Z]/[A-Z0-9./]+,? para\.? .*", name) for name in names)


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize(("path", "queries"), [(MANDELA, 11), (PROGRAMME, 11)])  # + the goals served as a whole
def test_briefing_page_query_counts_are_pinned(client, path, queries):
    """The entry, its themes and its own parts (rules; initiatives and areas), then one query a section
    (and, on the Mandela page, the titles of the cited sources without a UN symbol; on a programme's, where
    and when its technical assistance took place, for its key facts)."""
    assert queries_for(client, path) == queries


@pytest.mark.usefixtures("uncached")
def test_the_theme_page_query_count_does_not_grow_with_more_entries(client):
    path = "/themes/prison-and-penal-reform/"
    before = queries_for(client, path)
    theme = Theme.objects.get(slug="prison-and-penal-reform")
    theme.instruments.add(*Instrument.objects.published().exclude(themes=theme))
    assert queries_for(client, path) == before == THEME_QUERIES
