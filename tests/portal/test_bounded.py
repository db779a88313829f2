"""No page or response grows with the database: each section shows its first entries, the total and a link."""

from http import HTTPStatus

import pytest

from portal.models import PublicationStatus, Target, Theme
from portal.pages import SECTION_LIMIT
from portal.versioning import bump
from standards.models import Instrument, InstrumentTarget

pytestmark = pytest.mark.django_db

PAGE = "/sdg/16.3/"
OTHER_CATEGORIES = ["congress_declaration", "un_declaration", "model_treaty", "regional", "related"]
API = "/api/v1/targets/16.3/"


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}


def link_instruments(code: str, numbers: range) -> None:
    """Published instruments linked to a target, written in bulk (so the version is bumped by hand)."""
    instruments = Instrument.objects.bulk_create(
        Instrument(
            slug=f"bulk-{number:04}",
            title=f"Bulk instrument {number:04}",
            kind="guidelines",
            category="related",
            symbol_missing_reason="test",
            status=PublicationStatus.PUBLISHED,
        )
        for number in numbers
    )
    target = Target.objects.get(code=code)
    InstrumentTarget.objects.bulk_create(
        InstrumentTarget(
            instrument=instrument,
            target=target,
            source_symbol="A/CONF.234/5",
            source_locator="para 1",
            rationale="test",
            status=PublicationStatus.PUBLISHED,
        )
        for instrument in instruments
    )
    bump()


def sizes(client) -> tuple[int, int]:
    page, api = client.get(PAGE), client.get(API)
    assert page.status_code == api.status_code == HTTPStatus.OK
    return len(page.content), len(api.content)


def test_the_target_page_and_api_do_not_grow_with_500_more_links(client):
    link_instruments("16.3", range(0, SECTION_LIMIT + 5))
    page_before, api_before = sizes(client)
    link_instruments("16.3", range(SECTION_LIMIT + 5, 500 + SECTION_LIMIT + 5))
    page_after, api_after = sizes(client)
    assert abs(page_after - page_before) <= 10 and abs(api_after - api_before) <= 10  # the totals' digits
    assert page_after < 150_000 and api_after < 150_000


def test_a_section_shows_its_first_entries_the_total_and_the_full_list(client):
    link_instruments("16.3", range(0, 500))
    linked = InstrumentTarget.objects.published().filter(target__code="16.3", instrument__status="published")
    total = linked.count()
    others = linked.filter(instrument__category__in=OTHER_CATEGORIES).count()
    body = client.get(PAGE).content.decode()
    section = body[body.index('id="other-instruments"') : body.index('id="provisions"')]
    assert section.count("<li") == SECTION_LIMIT
    assert f'<a href="/instruments/?target=16.3">All {others} other documents linked to target 16.3</a>' in section
    assert f'<a href="#other-instruments"><strong>{others}</strong> other documents</a>' in body  # the summary
    detail = client.get(API).json()
    assert len(detail["instruments"]) == SECTION_LIMIT
    assert detail["link_counts"]["instruments"] == total
    assert detail["link_lists"]["instruments"] == "http://testserver/api/v1/instruments/?target=16.3"
    listed = client.get(detail["link_lists"]["instruments"]).json()
    assert listed["count"] == total


def test_a_short_section_shows_everything_and_no_more_link(client):
    body = client.get("/sdg/5.2/").content.decode()
    assert "linked to target 5.2</a>" not in body


def test_a_theme_page_shows_each_sections_first_entries_the_total_and_the_full_list(client):
    theme = Theme.objects.published().first()
    instruments = Instrument.objects.bulk_create(
        Instrument(
            slug=f"themed-{number:03}",
            title=f"Themed instrument {number:03}",
            kind="guidelines",
            category="related",
            symbol_missing_reason="test",
            status=PublicationStatus.PUBLISHED,
        )
        for number in range(SECTION_LIMIT + 30)
    )
    theme.instruments.add(*instruments)
    total = Instrument.objects.published().filter(themes=theme).count()
    body = client.get(f"/themes/{theme.slug}/").content.decode()
    section = body[body.index('<h2 id="instruments">') :].split("<h2")[1]
    assert section.count("<li") == SECTION_LIMIT
    assert f'<a href="/instruments/?theme={theme.slug}">All {total} instruments</a>' in section
    assert f'<a href="#instruments"><strong>{total}</strong> instruments</a>' in body  # the summary
    Instrument.objects.filter(slug__startswith="themed-").delete()
    after = client.get(f"/themes/{theme.slug}/").content.decode()
    assert f'?theme={theme.slug}">All ' not in after.split('<h2 id="instruments">')[1].split("<h2")[0]
