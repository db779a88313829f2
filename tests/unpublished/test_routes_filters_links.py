"""Each route the crawl first found leaking, the filters, the links and counts: published only."""

import re
from html import unescape
from http import HTTPStatus

import pytest
from django.test import Client

from portal.models import PublicationStatus
from programmes.models import (
    Activity,
    Country,
    ProgrammeInstrument,
    ProgrammeTarget,
    ResourceInstrument,
)
from recommendations.models import (
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import InstrumentTarget, ProvisionTarget
from tests.unpublished.hidden import (
    HOST_WORD,
    PUBLISHED,
    build_hidden,
    markers_in,
)

pytestmark = pytest.mark.django_db


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
