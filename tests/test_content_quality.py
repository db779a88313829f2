"""Data-quality checks on the shipped content: a regression here means content was lost or corrupted."""

import hashlib
import json

import pytest
from django.conf import settings
from django.core.management import call_command

from portal.content import link_models
from portal.coverage import content_coverage, without_evidence
from portal.models import PublicationStatus, Theme
from programmes.models import Activity, Country, Programme, Resource
from recommendations.models import Document, Meeting, Recommendation, RecommendationKind
from standards.models import Instrument, InstrumentTarget, Provision

pytestmark = pytest.mark.django_db

LINK_MODELS = link_models()

MANDELA_FILE = settings.FIXTURES_DIR / "standards/nelson-mandela-rules.json"
# sha256 of shared/data/instruments/nelson-mandela-rules.json, the official extraction this copy must equal.
MANDELA_SHA256 = "bbb3772fc61e3e42a0dd96a03a739bf58b0316995c1e5136c846b7a71c36c06a"


@pytest.fixture(scope="module")
def mandela():
    return json.loads(MANDELA_FILE.read_text(encoding="utf-8"))


def test_project_copy_of_the_mandela_rules_is_the_official_extraction():
    assert hashlib.sha256(MANDELA_FILE.read_bytes()).hexdigest() == MANDELA_SHA256


def test_mandela_rule_texts_equal_the_official_file_exactly(mandela):
    rules = {p.ref: p for p in Provision.objects.filter(instrument__slug="nelson-mandela-rules", kind="rule")}
    assert len(rules) == 122
    for rule in mandela["provisions"]:
        stored = rules[rule["number"]]
        assert stored.text.encode("utf-8") == rule["text"].encode("utf-8"), rule["number"]
        assert (stored.part, stored.section) == (rule["part"], rule["section"]), rule["number"]
        assert stored.footnotes == rule.get("footnotes", []), rule["number"]


def test_mandela_preliminary_observations_are_stored_exactly(mandela):
    stored = Provision.objects.filter(instrument__slug="nelson-mandela-rules", kind="preliminary_observation")
    assert [(p.number, p.text) for p in stored.order_by("position")] == [
        (o["number"], o["text"]) for o in mandela["preliminary_observations"]
    ]


def test_mandela_rules_are_in_order_with_parts_and_sections():
    rules = Provision.objects.filter(instrument__slug="nelson-mandela-rules", kind="rule").order_by("position")
    assert [r.number for r in rules] == [str(n) for n in range(1, 123)]
    assert {r.part for r in rules[:85]} == {"I"} and {r.part for r in rules[85:]} == {"II"}
    assert rules.get(number="58").section == "Contact with the outside world"


def test_no_other_instrument_has_invented_provision_text():
    assert not Provision.objects.exclude(instrument__slug="nelson-mandela-rules").exists()


@pytest.mark.parametrize("model", LINK_MODELS, ids=lambda m: m.__name__)
def test_every_link_has_evidence(model):
    assert model.objects.exists()
    assert without_evidence(model).count() == 0
    cited = set(model.objects.values_list("source_symbol", flat=True))
    assert cited <= set(Document.objects.values_list("symbol", flat=True))


def test_every_instrument_has_a_symbol_or_says_why_not():
    for instrument in Instrument.objects.all():
        assert instrument.resolution_symbol or instrument.symbol_missing_reason, instrument.slug


def test_entities_cite_their_sources():
    for model in (Instrument, Programme, Resource, Recommendation):
        for obj in model.objects.exclude(sources=[]):
            assert all(source["symbol"] and source["locator"] for source in obj.sources)
    assert not Programme.objects.filter(sources=[]).exists()


def test_instruments_outside_the_sources_say_so():
    """The catalogue holds UN standards and norms the five sources never cite: their facts are general knowledge."""
    uncited = Instrument.objects.filter(sources=[])
    assert uncited.count() >= 20
    for instrument in uncited:
        note = instrument.general_knowledge
        assert note.startswith("None of the five source documents cites this instrument;"), instrument.slug
        assert not instrument.target_links.exists(), f"{instrument.slug}: an SDG link needs evidence from a source"


CATALOGUE_OF_STANDARDS_AND_NORMS = {
    "Beijing Rules": "A/RES/40/33",
    "Basic Principles for the Treatment of Prisoners": "A/RES/45/111",
    "Body of Principles on detention": "A/RES/43/173",
    "Code of Conduct for Law Enforcement Officials": "A/RES/34/169",
    "Basic Principles on the Use of Force and Firearms": "",
    "Basic Principles on the Independence of the Judiciary": "",
    "Basic Principles on the Role of Lawyers": "",
    "Guidelines on the Role of Prosecutors": "",
    "Death penalty safeguards": "E/RES/1984/50",
    "Caracas Declaration": "",
    "Vienna Declaration on Crime and Justice": "A/RES/55/59",
    "Bangkok Declaration": "A/RES/60/177",
    "Salvador Declaration": "A/RES/65/230",
    "Model Treaty on the Transfer of Supervision": "A/RES/45/119",
}


@pytest.mark.parametrize(("common_name", "symbol"), CATALOGUE_OF_STANDARDS_AND_NORMS.items())
def test_the_catalogue_holds_the_un_standards_and_norms(common_name, symbol):
    instrument = Instrument.objects.published().get(short_title=common_name)
    assert instrument.resolution_symbol == symbol
    assert instrument.resolution_symbol or instrument.symbol_missing_reason


COUNTS_FROM_THE_INVENTORY = {
    "instruments": (lambda: Instrument.objects.all(), 43),
    "programmes": (lambda: Programme.objects.all(), 34),
    "tools and publications": (lambda: Resource.objects.all(), 60),
    "activities": (lambda: Activity.objects.all(), 100),
    "countries with activities": (lambda: Country.objects.filter(activities__isnull=False).distinct(), 55),
    "recommendations of every kind": (lambda: Recommendation.objects.all(), 144),
    "questions for discussion": (lambda: Recommendation.objects.filter(kind=RecommendationKind.QUESTION), 112),
    "summaries of views": (lambda: Recommendation.objects.filter(kind=RecommendationKind.SUMMARY_OF_VIEWS), 10),
    "A/CONF.234/5 recommendations": (lambda: Recommendation.objects.filter(document__symbol="A/CONF.234/5"), 16),
    "E/CN.15/2022/9 recommendations": (lambda: Recommendation.objects.filter(document__symbol="E/CN.15/2022/9"), 5),
    "thematic areas": (lambda: Theme.objects.filter(scheme="thematic_area"), 5),
    "meetings": (lambda: Meeting.objects.all(), 2),
}


@pytest.mark.parametrize(("queryset", "at_least"), COUNTS_FROM_THE_INVENTORY.values(), ids=COUNTS_FROM_THE_INVENTORY)
def test_counts_are_at_least_what_the_inventory_lists(queryset, at_least):
    assert queryset().count() >= at_least


def test_drafts_never_leak_into_published_querysets():
    instrument = Instrument.objects.get(slug="bangkok-rules")
    instrument.status = PublicationStatus.DRAFT
    instrument.save()
    assert instrument not in Instrument.objects.published()
    assert not Instrument.objects.published().filter(slug="bangkok-rules").exists()
    assert Instrument.objects.filter(status=PublicationStatus.DRAFT).count() >= 1
    for model in (Instrument, Programme, Resource, Recommendation, Document, Theme):
        assert set(model.objects.published().values_list("status", flat=True)) <= {PublicationStatus.PUBLISHED}


def test_a_draft_document_hides_its_recommendations():
    document = Document.objects.get(symbol="A/CONF.234/5")
    document.status = PublicationStatus.DRAFT
    document.save()
    assert not Recommendation.objects.published().filter(document=document).exists()


def test_known_facts():
    assert Instrument.objects.get(slug="bangkok-rules").resolution_symbol == "A/RES/65/229"
    assert Instrument.objects.get(slug="nelson-mandela-rules").resolution_symbol == "A/RES/70/175"
    assert Instrument.objects.get(slug="restorative-justice-basic-principles").resolution_symbol == "E/RES/2002/12"
    assert Instrument.objects.get(slug="vac-model-strategies").resolution_symbol == "A/RES/69/194"
    assert InstrumentTarget.objects.filter(
        instrument__slug="legal-aid-principles-and-guidelines", target__code="16.3"
    ).exists()
    course = Resource.objects.get(slug="nelson-mandela-rules-elearning-course")
    assert (course.users, course.language_count) == (64000, 13)
    assert "Tokyo Rules" in Instrument.objects.get(slug="tokyo-rules").short_title
    congress = Meeting.objects.get(slug="fourteenth-congress")
    assert (str(congress.planned_start), str(congress.start_date)) == ("2020-04-20", "2021-03-07")


def test_tokyo_rules_keep_their_variant_names():
    aliases = Instrument.objects.get(slug="tokyo-rules").aliases
    assert "United National Standard Minimum Rules for Non-custodial Measures" in aliases


def test_draft_report_entries_are_views_not_decisions():
    entries = Recommendation.objects.filter(document__symbol="CONGRESS14-DRAFT-REPORT-ITEM4")
    assert entries.count() == 10
    assert set(entries.values_list("kind", flat=True)) == {RecommendationKind.SUMMARY_OF_VIEWS}


def test_recommendation_cites_the_instrument_it_names():
    recommendation = Recommendation.objects.get(slug="a-conf-234-5-para-44-b")
    assert recommendation.instrument_links.filter(instrument__slug="vac-model-strategies", basis="stated").exists()
    assert recommendation.target_links.filter(target__code="16.2").exists()


def test_content_report_shows_no_link_without_evidence(capsys):
    call_command("content_report")
    out = capsys.readouterr().out
    assert "Links without evidence: 0" in out
    assert "Instruments" in out and "Recommendations" in out


def test_coverage_agrees_with_the_database():
    coverage = content_coverage()
    assert coverage.counts["Instruments"] == Instrument.objects.count()
    assert coverage.linked_targets + len(coverage.targets_without_links) == 169
    assert all(not instrument.target_links.exists() for instrument in coverage.instruments_without_targets)
