"""A programme's key facts as labelled rows and separate sourced facts; a tool's SDG targets reached through
the instruments it implements (resource → instrument → target), computed in one query and labelled as such."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import PublicationStatus
from programmes.models import Activity, Country, Fact, Programme, Resource, key_facts
from standards.models import InstrumentTarget
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db

SPORT = "/programmes/sport-and-crime-prevention/"
TOOLKIT = "/resources/toolkit-gender-responsive-non-custodial-measures/"


def key_facts_block(body: str) -> str:
    match = re.search(r'<section class="key-facts" aria-labelledby="facts-heading">(.*?)</section>', body)
    assert match, "no key facts section"
    return match.group(1)


def rows(block: str) -> dict[str, str]:
    return {
        re.sub(r"<[^>]+>", "", dt).strip(): re.sub(r"<[^>]+>", "", dd).strip()
        for dt, dd in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", block)
    }


def test_key_facts_split_each_line_into_the_fact_and_its_source():
    facts = key_facts(
        'Tagline: "Justice for all" (Global Programme brochure, title page)\n'
        "\n"
        "Launched in 2015 (A/CONF.234/5, para 13)\n"
        "A fact with no source"
    )
    assert facts == [
        Fact('"Justice for all"', "Global Programme brochure, title page", "Tagline"),
        Fact("Launched in 2015", "A/CONF.234/5, para 13"),
        Fact("A fact with no source"),
    ]


def test_programme_key_facts_are_labelled_rows_then_one_item_per_sourced_fact(client):
    block = key_facts_block(text(client.get(SPORT)))
    labelled = rows(block)
    assert labelled["Kind"] == "Portfolio of work"
    assert labelled["Led by"] == "UNODC"
    assert labelled["Countries and regions"] == "Global; Lebanon, Mexico, Uganda"
    assert labelled["Years of activity"].startswith("2021 (6 technical-assistance activities recorded)")
    # One document cited three times is named once, its paragraphs after it.
    assert labelled["Sources"] == "E/CN.15/2022/9: para 30; para 31; para 64"
    assert 'href="/countries/lebanon/"' in block and 'href="#activities"' in block
    items = re.findall(r"<li>(.*?)</li>", block.split('<ul class="fact-list">')[1])
    assert len(items) == 6  # the six lines of the curated facts, no longer one block of text
    source = '<span class="fact-source">E/CN.15/2022/9, para 31</span>'
    assert items[0] == f"Policy advice and technical assistance to 15 Member States {source}"
    assert 'class="official-text"' not in block  # facts are our summary of the sources, not official text


def test_a_labelled_fact_keeps_its_label(client):
    block = unescape(key_facts_block(text(client.get("/programmes/global-programme-people-centred-justice/"))))
    assert '<span class="fact-label">Tagline:</span> "Strengthening access' in block
    assert rows(block)["Sources"].count("Global Programme: People-centred") == 1


@pytest.mark.usefixtures("uncached")
def test_programme_key_facts_cost_one_query_however_many_places_and_years(client):
    before = queries_for(client, SPORT)
    programme = Programme.objects.get(slug="sport-and-crime-prevention")
    for number, country in enumerate(Country.objects.public().exclude(activities__programme=programme)[:5]):
        Activity.objects.create(
            slug=f"extra-{number}", country=country, year=2015 + number, programme=programme, description="test",
            source_symbol="E/CN.15/2022/9", source_locator="para 31", status=PublicationStatus.PUBLISHED,
        )  # fmt: skip
    assert queries_for(client, SPORT) == before
    labelled = rows(key_facts_block(text(client.get(SPORT))))
    assert labelled["Years of activity"].startswith("2015–2021 (11 technical-assistance activities recorded)")
    assert labelled["Countries and regions"].count(",") == 2 + 5


def test_a_tool_shows_the_targets_it_serves_through_its_instruments(client):
    body = text(client.get(TOOLKIT))
    section = body.split('<h2 id="targets">')[1]
    assert section.startswith("SDG targets it serves through its instruments")
    assert "not to this toolkit itself" in section
    expected = InstrumentTarget.objects.published().filter(
        instrument__resource_links__resource__slug="toolkit-gender-responsive-non-custodial-measures"
    )
    codes = sorted({link.target.code for link in expected.select_related("target")})
    assert codes == ["16.3", "5.1"]
    for code in codes:
        assert f'<a href="/sdg/{code}/">Target {code}</a>' in section
    # 16.3 is reached through both instruments, each with its own link's evidence.
    target_16_3 = section.split('href="/sdg/16.3/"')[1]
    assert 'through <a href="/instruments/bangkok-rules/">Bangkok Rules</a>' in target_16_3
    assert 'through <a href="/instruments/tokyo-rules/">Tokyo Rules</a>' in target_16_3
    assert "Why it is linked" in target_16_3


def test_targets_through_instruments_is_one_query_and_hides_drafts():
    resource = Resource.objects.get(slug="toolkit-gender-responsive-non-custodial-measures")
    with CaptureQueriesContext(connection) as captured:
        found = resource.targets_through_instruments()
        [(target.code, [link.instrument.slug for link in links]) for target, links in found]
    assert len(captured) == 1
    assert [(t.code, [link.instrument.slug for link in links]) for t, links in found] == [
        ("5.1", ["bangkok-rules"]),
        ("16.3", ["bangkok-rules", "tokyo-rules"]),
    ]
    InstrumentTarget.objects.filter(instrument__slug="tokyo-rules", target__code="16.3").update(
        status=PublicationStatus.DRAFT
    )
    assert [len(links) for _, links in resource.targets_through_instruments()] == [1, 1]
    resource.instrument_links.filter(instrument__slug="bangkok-rules").update(status=PublicationStatus.DRAFT)
    assert resource.targets_through_instruments() == []


@pytest.mark.usefixtures("uncached")
def test_resource_page_query_count_is_pinned(client):
    other = "/resources/mutual-legal-assistance-request-writer-tool/"
    # The resource with its programme, its themes, its instrument links, the targets through them.
    assert queries_for(client, TOOLKIT) == queries_for(client, other) == 4


def test_a_tool_with_no_instrument_says_so_and_leads_on(client):
    body = text(client.get("/resources/chuka-comic-book/"))
    section = body.split('<h2 id="targets">')[1]
    assert section.startswith("SDG targets</h2> <p>No instrument is linked to this publication yet")
    assert 'href="/themes/' in section
