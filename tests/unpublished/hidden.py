"""The hidden world: unpublished entries of every model, each marked, linked to published hosts."""

import re
from dataclasses import dataclass

from portal.models import LinkBasis, PublicationStatus, Target, Theme
from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument, InstrumentTarget, Provision, ProvisionTarget

MARKER = "ZZDRAFTMARKER"
MARKER_PATTERN = re.compile(r"zzdraftmarker[\w./-]*", re.IGNORECASE)
PUBLISHED = PublicationStatus.PUBLISHED
HIDDEN_STATUSES = [PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN]
HOST_WORD = "Leakhost"  # in every published host's title, so a search finds them
SOURCE = "A/CONF.234/5"  # a document of the shipped content: evidence must cite one
MAX_PAGES = 5000  # the whole site is about 3,000 responses (one filter or facet at a time)
SKIPPED_PREFIXES = ("/admin/", "/static/", "/api/docs/", "/api/schema/")
API_LISTS = [
    "goals", "targets", "indicators", "themes", "instruments", "provisions", "programmes", "resources",
    "activities", "countries", "meetings", "documents", "recommendations",
]  # fmt: skip


@dataclass
class Hidden:
    """One status's hidden entries and the published hosts they are attached to."""

    status: str
    theme: Theme
    instrument: Instrument
    programme: Programme
    meeting: Meeting
    country: Country
    host_theme: Theme
    host_instrument: Instrument
    host_provision: Provision
    host_programme: Programme
    host_parent_programme: Programme
    host_resource: Resource
    host_country: Country
    host_activity: Activity
    host_meeting: Meeting
    host_document: Document
    host_recommendation: Recommendation
    host_document_in_host_meeting: Document
    host_recommendation_in_host_meeting: Recommendation


def evidence(mark, status) -> dict:
    return {
        "source_symbol": SOURCE,
        "source_locator": mark("locator"),
        "rationale": mark("rationale"),
        "basis": LinkBasis.STATED,
        "status": status,
    }


def published_evidence() -> dict:
    return {
        "source_symbol": SOURCE,
        "source_locator": "para 1",
        "rationale": "A published link.",
        "basis": LinkBasis.STATED,
        "status": PUBLISHED,
    }


def curated(mark, status) -> dict:
    return {
        "status": status,
        "sources": [{"symbol": mark("source"), "locator": mark("locator")}],
        "general_knowledge": mark("gk"),
    }


def build_hidden(status: str) -> Hidden:
    def mark(label: str) -> str:
        return f"{MARKER}-{status}-{label}"

    def slug(label: str) -> str:
        return mark(label).lower().replace("_", "-")

    def host_slug(label: str) -> str:
        return f"leakhost-{status}-{label}".replace("_", "-")

    target = Target.objects.get(code="16.3")
    other_target = Target.objects.get(code="16.2")

    # Themes: a hidden theme tagged on published entries and parent of a published theme.
    theme = Theme.objects.create(
        slug=slug("theme"), name=mark("theme-name"), description=mark("theme-description"), **curated(mark, status)
    )
    host_theme = Theme.objects.create(
        slug=host_slug("theme"), name=f"{HOST_WORD} theme {status}", parent=theme, status=PUBLISHED, position=99
    )

    # Instruments and provisions.
    instrument = Instrument.objects.create(
        slug=slug("instrument"),
        title=mark("instrument-title"),
        short_title=mark("instrument-short-title"),
        aliases=[mark("instrument-alias")],
        kind="guidelines",
        category="related",
        symbol_missing_reason=mark("instrument-reason"),
        summary=mark("instrument-summary"),
        official_text_note=mark("instrument-note"),
        **curated(mark, status),
    )
    host_instrument = Instrument.objects.create(
        slug=host_slug("instrument"),
        title=f"{HOST_WORD} instrument {status}",
        kind="guidelines",
        category="standard_and_norm",
        symbol_missing_reason="Test entry.",
        status=PUBLISHED,
    )
    host_instrument.themes.add(theme, host_theme)
    host_provision = Provision.objects.create(
        instrument=host_instrument,
        kind="rule",
        number="1",
        ref="1",
        position=1,
        text="Published rule.",
        status=PUBLISHED,
    )
    hidden_provision_fields = {
        "part": "9",
        "part_title": mark("provision-part-title"),
        "category": mark("provision-category"),
        "section": mark("provision-section"),
        "text": mark("provision-text"),
        "footnotes": [mark("provision-footnote")],
        **curated(mark, status),
    }
    Provision.objects.create(
        instrument=host_instrument, kind="rule", number="2", ref=slug("rule"), position=2, **hidden_provision_fields
    )
    # A published provision of a hidden instrument is hidden too.
    hidden_instrument_provision = Provision.objects.create(
        instrument=instrument,
        kind="rule",
        number="1",
        ref="1",
        position=1,
        text=mark("provision-of-hidden-instrument"),
        status=PUBLISHED,
    )

    # Programmes: hidden parent of a published programme, hidden child of another.
    programme_fields = {
        "short_title": mark("programme-short-title"),
        "aliases": [mark("programme-alias")],
        "kind": "initiative",
        "lead_entity": mark("programme-lead"),
        "partners": mark("programme-partners"),
        "summary": mark("programme-summary"),
        "facts": mark("programme-facts"),
        **curated(mark, status),
    }
    programme = Programme.objects.create(slug=slug("programme"), title=mark("programme-title"), **programme_fields)
    host_programme = Programme.objects.create(
        slug=host_slug("programme"), title=f"{HOST_WORD} programme {status}", kind="initiative", parent=programme,
        status=PUBLISHED,
    )  # fmt: skip
    host_programme.themes.add(theme)
    host_parent_programme = Programme.objects.create(
        slug=host_slug("parent-programme"), title=f"{HOST_WORD} parent programme {status}", kind="global_programme",
        status=PUBLISHED,
    )  # fmt: skip
    Programme.objects.create(
        slug=slug("child-programme"), title=mark("child-programme-title"), parent=host_parent_programme,
        **programme_fields,
    )  # fmt: skip
    InterventionArea.objects.create(
        programme=host_parent_programme,
        slug=slug("area"),
        title=mark("area-title"),
        description=mark("area-description"),
        **curated(mark, status),
    )
    # A published area of a hidden programme is hidden with it.
    InterventionArea.objects.create(
        programme=programme, slug="area", title=mark("area-of-hidden-programme"), status=PUBLISHED
    )

    # Resources: a hidden one in a published programme, a published one of a hidden programme.
    resource_fields = {
        "kind": "handbook",
        "publisher": mark("resource-publisher"),
        "languages": [mark("resource-language")],
        "summary": mark("resource-summary"),
        "facts": mark("resource-facts"),
        **curated(mark, status),
    }
    hidden_resource = Resource.objects.create(
        slug=slug("resource"), title=mark("resource-title"), programme=host_parent_programme, **resource_fields
    )
    hidden_resource.themes.add(host_theme)
    host_resource = Resource.objects.create(
        slug=host_slug("resource"), title=f"{HOST_WORD} resource {status}", kind="toolkit", programme=programme,
        status=PUBLISHED,
    )  # fmt: skip
    host_resource.themes.add(theme)

    # Countries and activities: a country whose only activity is hidden; a published activity
    # naming a hidden programme, theme and instrument.
    country = Country.objects.create(slug=slug("country"), name=mark("country-name"), status=PUBLISHED)
    activity_fields = {
        "region": mark("activity-region"),
        "year": 2021,
        "description": mark("activity-description"),
        "source_symbol": SOURCE,
        "source_locator": mark("activity-locator"),
        **curated(mark, status),
    }
    Activity.objects.create(slug=slug("activity-in-hidden-country"), country=country, **activity_fields)
    host_country = Country.objects.create(
        slug=host_slug("country"), name=f"{HOST_WORD} country {status}", status=PUBLISHED
    )
    # A hidden country (Country has the workflow) with a published activity: neither is public.
    hidden_country = Country.objects.create(
        slug=slug("hidden-country"), name=mark("hidden-country-name"), **curated(mark, status)
    )
    Activity.objects.create(
        slug=host_slug("activity-in-hidden-country"), country=hidden_country, year=2021,
        description=f"{HOST_WORD} activity in a hidden country {status}", source_symbol=SOURCE,
        source_locator="para 1", status=PUBLISHED,
    )  # fmt: skip
    hidden_activity = Activity.objects.create(
        slug=slug("activity"), country=host_country, programme=host_parent_programme, theme=host_theme,
        **activity_fields,
    )  # fmt: skip
    hidden_activity.instruments.add(host_instrument)
    host_activity = Activity.objects.create(
        slug=host_slug("activity"),
        country=host_country,
        year=2021,
        programme=programme,
        theme=theme,
        description=f"{HOST_WORD} activity {status}",
        source_symbol=SOURCE,
        source_locator="para 1",
        status=PUBLISHED,
    )
    host_activity.instruments.add(instrument, host_instrument)

    # Meetings, agenda items, documents, recommendations.
    meeting_fields = {
        "short_title": mark("meeting-short-title"),
        "kind": "other",
        "city": mark("meeting-city"),
        "country": mark("meeting-country"),
        "summary": mark("meeting-summary"),
        **curated(mark, status),
    }
    meeting = Meeting.objects.create(slug=slug("meeting"), title=mark("meeting-title"), **meeting_fields)
    host_meeting = Meeting.objects.create(
        slug=host_slug("meeting"), title=f"{HOST_WORD} meeting {status}", kind="other", status=PUBLISHED
    )
    # A published agenda item of a hidden meeting, and a hidden item of a published meeting.
    item_of_hidden_meeting = AgendaItem.objects.create(
        meeting=meeting, number="1", ref=slug("item-1"), title=mark("item-of-hidden-meeting"), status=PUBLISHED
    )
    hidden_item = AgendaItem.objects.create(
        meeting=host_meeting, number="2", ref=slug("item-2"), title=mark("agenda-item-title"), **curated(mark, status)
    )
    hidden_item.themes.add(host_theme)
    host_item = AgendaItem.objects.create(
        meeting=host_meeting, number="1", ref="item-1", title=f"{HOST_WORD} item {status}", status=PUBLISHED
    )
    host_item.themes.add(theme)

    host_document = Document.objects.create(
        symbol=f"LEAKHOST/{status}/1", is_un_symbol=False, title=f"{HOST_WORD} document {status}", kind="report",
        meeting=meeting, agenda_item=item_of_hidden_meeting, status=PUBLISHED,
    )  # fmt: skip
    host_document.themes.add(theme)
    host_document_in_host_meeting = Document.objects.create(
        symbol=f"LEAKHOST/{status}/2", is_un_symbol=False, title=f"{HOST_WORD} document 2 {status}", kind="report",
        meeting=host_meeting, agenda_item=hidden_item, status=PUBLISHED,
    )  # fmt: skip
    hidden_document = Document.objects.create(
        symbol=f"{MARKER}/{status}/1",
        is_un_symbol=False,
        title=mark("document-title"),
        kind="report",
        meeting=host_meeting,
        agenda_item=host_item,
        distribution=mark("distribution")[:40],
        summary=mark("document-summary"),
        **curated(mark, status),
    )
    hidden_document.themes.add(host_theme)

    recommendation_fields = {
        "kind": "recommendation",
        "addressee": mark("addressee"),
        "text": mark("recommendation-text"),
        "summary": mark("recommendation-summary"),
    }
    host_recommendation = Recommendation.objects.create(
        document=host_document, paragraph="1", kind="recommendation", agenda_item=item_of_hidden_meeting,
        text=f"{HOST_WORD} recommendation {status}.", status=PUBLISHED,
    )  # fmt: skip
    host_recommendation.themes.add(theme)
    host_recommendation_in_host_meeting = Recommendation.objects.create(
        document=host_document_in_host_meeting, paragraph="1", kind="recommendation", agenda_item=hidden_item,
        text=f"{HOST_WORD} recommendation 2 {status}.", status=PUBLISHED,
    )  # fmt: skip
    Recommendation.objects.create(
        document=host_document, paragraph="2", position=2, **recommendation_fields, **curated(mark, status)
    )
    # A published recommendation inside a hidden document is hidden with it.
    Recommendation.objects.create(document=hidden_document, paragraph="1", status=PUBLISHED, **recommendation_fields)

    # Hidden links between published ends, one of each link model.
    hidden = evidence(mark, status)
    InstrumentTarget.objects.create(instrument=host_instrument, target=target, **hidden)
    ProvisionTarget.objects.create(provision=host_provision, target=target, **hidden)
    ProgrammeTarget.objects.create(programme=host_programme, target=target, **hidden)
    ProgrammeInstrument.objects.create(programme=host_programme, instrument=host_instrument, **hidden)
    ResourceInstrument.objects.create(resource=host_resource, instrument=host_instrument, **hidden)
    RecommendationTarget.objects.create(recommendation=host_recommendation, target=target, **hidden)
    RecommendationInstrument.objects.create(recommendation=host_recommendation, instrument=host_instrument, **hidden)
    RecommendationProgramme.objects.create(recommendation=host_recommendation, programme=host_programme, **hidden)

    # Published links whose other end is hidden.
    shown = published_evidence()
    InstrumentTarget.objects.create(instrument=instrument, target=other_target, **shown)
    ProvisionTarget.objects.create(provision=hidden_instrument_provision, target=other_target, **shown)
    ProgrammeTarget.objects.create(programme=programme, target=other_target, **shown)
    ProgrammeInstrument.objects.create(programme=host_parent_programme, instrument=instrument, **shown)
    ResourceInstrument.objects.create(resource=host_resource, instrument=instrument, **shown)
    RecommendationInstrument.objects.create(
        recommendation=host_recommendation_in_host_meeting, instrument=instrument, **shown
    )
    RecommendationProgramme.objects.create(
        recommendation=host_recommendation_in_host_meeting, programme=programme, **shown
    )

    return Hidden(
        status=status,
        theme=theme,
        instrument=instrument,
        programme=programme,
        meeting=meeting,
        country=country,
        host_theme=host_theme,
        host_instrument=host_instrument,
        host_provision=host_provision,
        host_programme=host_programme,
        host_parent_programme=host_parent_programme,
        host_resource=host_resource,
        host_country=host_country,
        host_activity=host_activity,
        host_meeting=host_meeting,
        host_document=host_document,
        host_recommendation=host_recommendation,
        host_document_in_host_meeting=host_document_in_host_meeting,
        host_recommendation_in_host_meeting=host_recommendation_in_host_meeting,
    )


def markers_in(body: str) -> set[str]:
    return set(MARKER_PATTERN.findall(body))
