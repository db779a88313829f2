"""Lists stay lists: each list a source gives is shown whole on the page of the document that states it."""

import json
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import escape

from portal.models import PublicationStatus
from portal.paragraphs import load_index
from recommendations.models import Document, Recommendation, RecommendationKind, SourceList
from standards.models import Instrument
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db

FIXTURE = json.loads((Path(settings.FIXTURES_DIR) / "recommendations" / "source_lists.json").read_text("utf-8"))


def item_links(item: dict) -> list[str]:
    links = [f"/sdg/{code}/" for code in item.get("targets", [])]
    if item.get("instrument"):
        links.append(f"/instruments/{item['instrument']}/")
    if item.get("theme"):
        links.append(f"/themes/{item['theme']}/")
    return links


def section(body: str, slug: str) -> str:
    start = body.index(f'id="list-{slug}"')
    return body[start : body.index("</section>", start)]


@pytest.mark.parametrize("record", FIXTURE, ids=[record["slug"] for record in FIXTURE])
def test_each_curated_list_renders_whole_in_order_on_its_document_page(client, record):
    document = Document.objects.get(symbol=record["document"])
    body = text(client.get(document.get_absolute_url()))
    shown = section(body, record["slug"])
    assert escape(record["title"]) in shown
    label = document.symbol if document.is_un_symbol else document.title
    assert escape(f"Source: {label}, {record['locator']}.") in shown  # its provenance
    # Every item, in the source's order, each with the records it points to.
    positions = [shown.index(f'<q class="source-list-label">{escape(item["label"])}</q>') for item in record["items"]]
    assert positions == sorted(positions)
    assert shown.count("<li>") == len(record["items"])
    for item in record["items"]:
        for link in item_links(item):
            assert f'href="{link}"' in shown, (item["label"], link)


@pytest.mark.parametrize("record", FIXTURE, ids=[record["slug"] for record in FIXTURE])
def test_list_items_are_the_sources_words_and_link_to_existing_pages(client, record):
    entry = load_index()[record["document"]][record["locator"].split(" (")[0]]
    words = entry["text"] + " " + " ".join(note["text"] for note in entry["footnotes"])
    for item in record["items"]:
        assert item["label"] in words, item["label"]
        for link in item_links(item):
            assert client.get(link).status_code == HTTPStatus.OK, link


def test_the_guides_footnotes_map_each_crime_to_its_targets_in_one_row(client):
    body = text(client.get("/documents/A/CONF.234/PM.1/"))
    shown = section(body, "pm1-para-15-crimes-and-their-targets")
    row = shown[shown.index("trafficking in persons") :]
    row = row[: row.index("</li>")]
    assert "(fn 9)" in row
    assert [code for code in ("5.2", "8.7", "16.2") if f'href="/sdg/{code}/"' in row] == ["5.2", "8.7", "16.2"]
    for label, code in [("corruption", "16.5"), ("wildlife trafficking", "15.7"), ("urban crime", "11.7")]:
        row = shown[shown.index(f">{label}</q>") :]
        assert f'href="/sdg/{code}/"' in row[: row.index("</li>")]


def test_a_recommendation_shows_the_list_its_paragraph_gives_and_no_other(client):
    body = text(client.get("/recommendations/e-cn-15-2022-9-para-69-e/"))
    assert "Lists this paragraph gives" in body
    shown = section(body, "e-cn-15-2022-9-para-69-e-treatment-of-offenders")
    assert "Source: E/CN.15/2022/9, para 69 (e)." in shown
    assert 'href="/instruments/tokyo-rules/"' in shown
    assert "Lists this paragraph gives" not in text(client.get("/recommendations/e-cn-15-2022-9-para-69-a/"))


def test_a_draft_list_is_not_shown_and_an_unpublished_instrument_is_not_linked(client):
    SourceList.objects.filter(slug="pm1-para-38-instruments-crucial-to-urban-crime-prevention").update(
        status=PublicationStatus.DRAFT
    )
    Instrument.objects.filter(slug="arms-trade-treaty").update(status=PublicationStatus.DRAFT)
    body = text(client.get("/documents/A/CONF.234/PM.1/"))
    assert "list-pm1-para-38-instruments-crucial-to-urban-crime-prevention" not in body
    shown = section(body, "pm1-para-175-instruments-against-arms-trafficking")
    assert "the Arms Trade Treaty" in shown  # the source's words stay
    assert 'href="/instruments/arms-trade-treaty/"' not in shown
    assert 'href="/instruments/firearms-protocol/"' in shown


@pytest.mark.usefixtures("uncached")
def test_the_document_page_costs_the_same_however_many_lists_it_has(client):
    url = "/documents/E/CN.15/2022/9/"
    before = queries_for(client, url)
    source = SourceList.objects.get(slug="e-cn-15-2022-9-para-57-prison-legislation-rules")
    for number in range(3):
        SourceList.objects.create(
            slug=f"extra-{number}",
            document=source.document,
            locator="para 57",
            title=f"Extra list {number}",
            items=[*source.items, {"label": "the Kyoto Declaration", "targets": ["16.3"], "theme": "crime-prevention"}],
            status=PublicationStatus.PUBLISHED,
        )
    # The targets and themes the new items add are read in one query each, for every list at once.
    assert queries_for(client, url) <= before + 1
    assert (
        text(client.get(url)).count('class="source-list"')
        == SourceList.objects.filter(document=source.document).count()
    )


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "at least one item"),
        ([{"label": "x", "targets": ["99.9"]}], "99.9"),
        ([{"label": "x", "instrument": "no-such-instrument"}], "no-such-instrument"),
        ([{"label": "x", "theme": "no-such-theme"}], "no-such-theme"),
        ([{"targets": ["16.3"]}], "a label"),
        ([{"label": "x", "extra": 1}], "a label"),
    ],
)
def test_an_item_must_point_to_existing_records(items, message):
    source_list = SourceList(
        slug="test", document=Document.objects.get(symbol="A/CONF.234/5"), locator="para 4", title="t", items=items
    )
    with pytest.raises(ValidationError) as error:
        source_list.full_clean()
    assert message in str(error.value)


def test_the_api_document_detail_holds_its_lists(client):
    data = client.get("/api/v1/documents/A/CONF.234/PM.1/").json()
    lists = {entry["slug"]: entry for entry in data["source_lists"]}
    crimes = lists["pm1-para-15-crimes-and-their-targets"]
    assert crimes["locator"] == "para 15"
    trafficking = next(item for item in crimes["items"] if item["label"] == "trafficking in persons")
    assert trafficking == {
        "label": "trafficking in persons",
        "locator": "fn 9",
        "targets": ["5.2", "8.7", "16.2"],
        "instrument": None,
        "theme": None,
    }


def test_source_lists_count_as_citations_of_their_paragraph():
    from portal.citations import citations

    found = {(c.symbol, c.locator, c.record.split()[0]) for c in citations()}
    assert ("E/CN.15/2022/9", "para 63", "recommendations.sourcelist") in found


class TestFindings:
    def test_the_working_papers_analysis_is_listed_apart_from_its_recommendations(self, client):
        body = text(client.get("/documents/A/CONF.234/5/"))
        findings = Recommendation.objects.filter(document__symbol="A/CONF.234/5", kind=RecommendationKind.FINDING)
        assert findings.count() == 18
        assert "16 recommendations and questions" in body
        assert f"What the document finds ({findings.count()} paragraphs of analysis)" in body
        part = body[body.index('id="findings"') :]
        for finding in findings:
            assert f'href="{finding.get_absolute_url()}"' in part

    def test_a_finding_says_it_is_not_a_recommendation_and_quotes_its_paragraph(self, client):
        body = text(client.get("/recommendations/a-conf-234-5-para-7/"))
        assert "It is not one of its recommendations." in body
        assert "one in three women worldwide has experienced physical or sexual violence" in body

    def test_the_guides_goal_by_goal_analysis_is_held_as_findings_linked_to_their_goals(self, client):
        # A/CONF.234/PM.1 chapter II: the paragraphs no other record cites, each with the goal its heading
        # or text names (paras 30 and 32 name targets 8.8 and 10.b themselves).
        findings = Recommendation.objects.filter(document__symbol="A/CONF.234/PM.1", kind=RecommendationKind.FINDING)
        goals = {f.paragraph: sorted(f.goal_links.values_list("goal__code", flat=True)) for f in findings}
        assert goals == {
            "14": ["16"], "16": ["16"], "17": ["1"], "22": ["4"], "24": ["5"],
            "25": ["5"], "26": ["5"], "30": [], "32": ["10"], "34": ["11"],
        }  # fmt: skip
        targets = {f.paragraph: list(f.target_links.values_list("target__code", flat=True)) for f in findings}
        assert {para: codes for para, codes in targets.items() if codes} == {"30": ["8.8"], "32": ["10.b"]}
        body = text(client.get("/documents/A/CONF.234/PM.1/"))
        assert "What the document finds (10 paragraphs of analysis)" in body
        goal_page = client.get("/sdg/5/").text.split('id="whole-goal"')[1].split('id="targets"')[0]
        for para in ("24", "25", "26"):
            assert f'href="/recommendations/a-conf-234-pm-1-para-{para}/"' in goal_page

    def test_a_finding_linked_to_a_target_shows_on_the_target_page_labelled_as_a_finding(self, client):
        body = client.get("/sdg/8.8/").text
        part = body.split('id="recommendations"')[1].split('id="questions"')[0]
        assert 'href="/recommendations/a-conf-234-pm-1-para-30/"' in part
        assert "Finding of the document (analysis, not a recommendation)" in part
        assert "No recommendation is linked to this target yet." not in part

    def test_findings_quote_their_paragraph_exactly(self):
        index = load_index()
        for finding in Recommendation.objects.filter(kind=RecommendationKind.FINDING).select_related("document"):
            assert finding.is_quotation
            assert finding.text == index[finding.document.symbol][f"para {finding.paragraph}"]["text"], finding.slug
            assert finding.summary and finding.summary != finding.text

    def test_findings_are_not_counted_as_recommendations_on_the_home_page(self, client):
        body = text(client.get("/"))
        counted = Recommendation.objects.published().exclude(kind=RecommendationKind.FINDING).count()
        assert f"<strong>{counted}</strong> recommendations and questions" in body
        assert counted < Recommendation.objects.published().count()
