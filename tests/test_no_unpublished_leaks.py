"""Nothing unpublished reaches public output.

`hidden_world` adds, for each status that is not published (draft, in review, withdrawn), an
entry of every curated model and every link model, each with a marker in every text field,
and links them to published "host" entries the way a curator would (a draft theme tagged on a
published instrument, a draft programme as the parent of a published one, a draft meeting
owning a published document, a country whose only activity is a draft...). The crawl then
reads the whole public site and API and asserts the marker is nowhere.
"""

import csv
import io
import json
import re
from collections import deque
from dataclasses import dataclass
from html import unescape
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

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

pytestmark = pytest.mark.django_db

MARKER = "ZZDRAFTMARKER"
MARKER_PATTERN = re.compile(r"zzdraftmarker[\w./-]*", re.IGNORECASE)
PUBLISHED = PublicationStatus.PUBLISHED
HIDDEN_STATUSES = [PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN]
HOST_WORD = "Leakhost"  # in every published host's title, so a search finds them
SOURCE = "A/CONF.234/5"  # a document of the shipped content: evidence must cite one
MAX_PAGES = 3000
SKIPPED_PREFIXES = ("/admin/", "/static/", "/api/docs/", "/api/schema/")
API_LISTS = [
    "goals", "targets", "indicators", "themes", "instruments", "provisions", "programmes", "resources",
    "activities", "countries", "meetings", "documents", "recommendations",
]  # fmt: skip


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    yield
    cache.clear()


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


@pytest.fixture
def hidden_world(db) -> dict[str, Hidden]:
    return {status: build_hidden(status) for status in HIDDEN_STATUSES}


def markers_in(body: str) -> set[str]:
    return set(MARKER_PATTERN.findall(body))


# --- The crawl ---------------------------------------------------------------------------


def same_site_path(url: str, base: str = "/") -> str | None:
    """The path and query of a link to this site, or None for other sites, fragments and skipped areas."""
    parts = urlsplit(urljoin(base, unescape(url.strip())))
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links_in(body: str, content_type: str) -> list[str]:
    if "json" in content_type:
        found = []

        def walk(value):
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str) and value.startswith("http://testserver/"):
                found.append(value)

        walk(json.loads(body))
        return found
    if "html" in content_type:
        return re.findall(r'href="([^"]*)"', body)
    if "xml" in content_type:
        return re.findall(r"<loc>([^<]*)</loc>", body)
    return []


@dataclass
class CrawlReport:
    pages: int
    leaks: dict[str, set[str]]  # path -> markers found there
    bad_statuses: dict[str, str]  # path -> status code or exception

    def describe(self) -> str:
        lines = [f"{len(self.leaks)} of {self.pages} crawled responses leak unpublished content:"]
        for path, found in sorted(self.leaks.items()):
            lines.append(f"  {path}: {', '.join(sorted(found)[:6])}{' ...' if len(found) > 6 else ''}")
        return "\n".join(lines)


def crawl(client: Client, start: list[str], max_pages: int = MAX_PAGES) -> CrawlReport:
    queue = deque(start)
    seen = set(start)
    leaks: dict[str, set[str]] = {}
    bad: dict[str, str] = {}
    pages = 0
    while queue and pages < max_pages:
        path = queue.popleft()
        pages += 1
        try:
            response = client.get(path)
        except Exception as exc:  # noqa: BLE001  (a crash is a finding, reported with its address)
            bad[path] = repr(exc)
            continue
        if response.status_code not in (HTTPStatus.OK, HTTPStatus.NOT_FOUND) and not 300 <= response.status_code < 400:
            bad[path] = str(response.status_code)
        if 300 <= response.status_code < 400:
            links = [response["Location"]]
            body = ""
        else:
            body = response.content.decode()
            links = links_in(body, response.get("Content-Type", ""))
        found = markers_in(body)
        if found:
            leaks[path] = found
        for link in links:
            target = same_site_path(link, base=path)
            if target is not None and target not in seen:
                seen.add(target)
                queue.append(target)
    return CrawlReport(pages=pages, leaks=leaks, bad_statuses=bad)


def start_urls(client: Client) -> list[str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = ["/", "/sitemap.xml", "/api/v1/", f"/search/?q={HOST_WORD}", f"/api/v1/search/?q={HOST_WORD}"]
    urls += [same_site_path(loc) for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)]
    for name in API_LISTS:
        urls += [f"/api/v1/{name}/?page_size=100", f"/api/v1/{name}/?format=csv&page_size=100"]
    return list(dict.fromkeys(url for url in urls if url))


def test_crawl_finds_no_unpublished_content(client, hidden_world):
    report = crawl(client, start_urls(client))
    assert report.pages < MAX_PAGES, "the crawl stopped at its bound before reading the whole site"
    assert not report.bad_statuses, report.bad_statuses
    assert not report.leaks, report.describe()


def test_csv_lists_hold_no_unpublished_content(client, hidden_world):
    """Every page of every list as CSV (the crawl reads only the first: CSV has no links)."""
    for name in API_LISTS:
        count = client.get(f"/api/v1/{name}/", {"page_size": 1}).json()["count"]
        for page in range(1, count // 100 + 2):
            response = client.get(f"/api/v1/{name}/", {"format": "csv", "page_size": 100, "page": page})
            assert response.status_code == HTTPStatus.OK, (name, page)
            rows = list(csv.reader(io.StringIO(response.content.decode())))
            assert not markers_in(json.dumps(rows)), (name, page, markers_in(json.dumps(rows)))


def test_the_crawl_can_see_a_leak(client, hidden_world):
    """The check itself works: publishing a hidden theme makes its marker appear on pages."""
    Theme.objects.filter(pk=hidden_world["draft"].theme.pk).update(status=PUBLISHED)
    report = crawl(client, [hidden_world["draft"].host_instrument.get_absolute_url()], max_pages=1)
    assert report.leaks


# --- Each route the crawl first found leaking ----------------------------------------------


@pytest.fixture
def draft(db) -> Hidden:
    return build_hidden(PublicationStatus.DRAFT)


def public_text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


ROUTES = {
    # route: (its address, what of the published side it must show)
    "draft theme on an instrument page": (lambda h: h.host_instrument.get_absolute_url(), "instrument"),
    "draft theme on a programme page": (lambda h: h.host_programme.get_absolute_url(), "programme"),
    "draft theme in the instrument list": (lambda h: f"/instruments/?search={HOST_WORD}", "instrument"),
    "draft instrument in the activity list": (lambda h: f"/activities/?country={h.host_country.slug}", "activity"),
    "draft instrument, programme, theme on a country page": (lambda h: h.host_country.get_absolute_url(), "activity"),
    "draft programme on a resource page": (lambda h: h.host_resource.get_absolute_url(), "resource"),
    "draft parent on a child programme's page": (lambda h: h.host_programme.get_absolute_url(), "programme"),
    "draft parent in the programme list": (lambda h: f"/programmes/?search={HOST_WORD}", "programme"),
    "draft meeting on a document page": (lambda h: h.host_document.get_absolute_url(), "document"),
    "draft meeting on a recommendation page": (lambda h: h.host_recommendation.get_absolute_url(), "recommendation"),
    "draft agenda item on a document page": (
        lambda h: h.host_document_in_host_meeting.get_absolute_url(),
        "document 2",
    ),
    "draft agenda item on a recommendation page": (
        lambda h: h.host_recommendation_in_host_meeting.get_absolute_url(),
        "recommendation 2",
    ),
    "country with only draft activities in the country list": (lambda h: "/countries/", "country"),
    "country with only draft activities in the activity filter": (lambda h: "/activities/", "country"),
    "country with only draft activities in the sitemap": (lambda h: "/sitemap.xml", "leakhost-draft-country"),
    "country with only draft activities in the API": (lambda h: "/api/v1/countries/?page_size=100", "country"),
}


@pytest.mark.parametrize("route", ROUTES)
def test_route_shows_the_published_host_without_its_draft_relations(client, draft, route):
    url_of, host = ROUTES[route]
    body = unescape(public_text(client, url_of(draft)))
    assert host in body if host.startswith("leakhost") else f"{HOST_WORD} {host} draft" in body
    assert not markers_in(body), markers_in(body)


def test_country_with_only_draft_activities_has_no_page(client, draft):
    assert client.get(draft.country.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/api/v1/countries/{draft.country.slug}/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(draft.host_country.get_absolute_url()).status_code == HTTPStatus.OK


def test_unpublished_country_hides_itself_and_its_activities(client, draft):
    hidden = Country.objects.get(slug__contains="hidden-country")
    assert hidden.status == PublicationStatus.DRAFT
    assert hidden not in Country.objects.public()
    assert not Activity.objects.published().filter(country=hidden).exists()
    assert client.get(hidden.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/api/v1/countries/{hidden.slug}/").status_code == HTTPStatus.NOT_FOUND
    assert hidden.name not in public_text(client, "/activities/")
    api = client.get(f"/api/v1/activities/?country={hidden.slug}")
    assert api.status_code == HTTPStatus.BAD_REQUEST


def test_country_is_public_once_it_has_a_published_activity(client, draft):
    Activity.objects.filter(country=draft.country).update(status=PUBLISHED)
    assert draft.country in Country.objects.public()
    assert client.get(draft.country.get_absolute_url()).status_code == HTTPStatus.OK


# --- Filters offer and accept only published entries ----------------------------------------

FILTERS = [
    ("instruments", "theme", "theme"),
    ("programmes", "theme", "theme"),
    ("programmes", "instrument", "instrument"),
    ("programmes", "parent", "programme"),
    ("activities", "country", "country"),
    ("activities", "theme", "theme"),
    ("activities", "programme", "programme"),
    ("activities", "instrument", "instrument"),
    ("recommendations", "meeting", "meeting"),
    ("recommendations", "theme", "theme"),
    ("recommendations", "instrument", "instrument"),
    ("recommendations", "programme", "programme"),
]


@pytest.mark.parametrize("page", sorted({page for page, _, _ in FILTERS}))
def test_filter_dropdowns_offer_no_unpublished_entry(client, draft, page):
    body = public_text(client, f"/{page}/")
    options = re.findall(r'<option value="([^"]*)"', body)
    assert options, "the page has a filter form"
    hidden_slugs = {
        draft.theme.slug,
        draft.instrument.slug,
        draft.programme.slug,
        draft.meeting.slug,
        draft.country.slug,
    }
    assert not hidden_slugs & set(options)
    assert not markers_in(body)


@pytest.mark.parametrize(("page", "parameter", "entry"), FILTERS)
def test_filtering_by_an_unpublished_entry_is_an_invalid_choice(client, draft, page, parameter, entry):
    slug = getattr(draft, entry).slug
    body = public_text(client, f"/{page}/?{parameter}={slug}")
    assert "Some filters could not be applied" in body
    assert "Select a valid choice" in body
    assert re.search(r'<h2 id="results-heading">0 ', body)

    response = client.get(f"/api/v1/{page}/", {parameter: slug})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    [error] = response.json()["errors"]
    assert (error["parameter"], error["code"]) == (parameter, "invalid_choice")


def test_published_entries_remain_valid_filter_values(client, draft):
    """The same filters accept the published hosts, so the invalid choices above are about status."""
    response = client.get("/api/v1/activities/", {"country": draft.host_country.slug})
    assert response.status_code == HTTPStatus.OK
    assert [row["slug"] for row in response.json()["results"]] == [draft.host_activity.slug]
    body = public_text(client, f"/programmes/?parent={draft.host_parent_programme.slug}")
    assert "Some filters could not be applied" not in body


# --- Links count and lead only to public entries ------------------------------------------

LINK_MODELS = [
    InstrumentTarget, ProvisionTarget, ProgrammeTarget, ProgrammeInstrument, ResourceInstrument,
    RecommendationTarget, RecommendationInstrument, RecommendationProgramme,
]  # fmt: skip


@pytest.mark.parametrize("link_model", LINK_MODELS, ids=lambda model: model.__name__)
def test_a_published_link_has_two_public_ends(draft, link_model):
    published = link_model.objects.published()
    assert published.exists()
    for name in link_model.link_fields:
        end = link_model._meta.get_field(name).related_model
        if hasattr(end, "status"):
            ends = set(published.values_list(name, flat=True))
            assert ends <= set(end.objects.published().values_list("pk", flat=True)), name


def test_goal_page_link_counts_ignore_links_to_unpublished_entries(client, db):
    def linked(code: str) -> str:
        body = public_text(client, "/sdg/16/")
        return re.search(rf"Target {re.escape(code)}</a>.*?<span class=\"meta\">(.*?)</span>", body, re.S).group(1)

    before = linked("16.2")
    build_hidden(PublicationStatus.DRAFT)  # adds published links from draft entries to 16.2
    assert linked("16.2") == before


def test_filtering_by_an_unpublished_agenda_item_finds_nothing(client, draft):
    hidden_item = draft.host_recommendation_in_host_meeting.agenda_item
    response = client.get("/api/v1/recommendations/", {"agenda_item": hidden_item.ref})
    assert response.status_code == HTTPStatus.OK
    assert response.json()["count"] == 0
    shown = client.get("/api/v1/recommendations/", {"agenda_item": "item-4", "meeting": "fourteenth-congress"})
    assert shown.json()["count"] > 0
