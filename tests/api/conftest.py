"""Shared fixtures for the API tests: an unthrottled client and a small, known set of entries.

The session database holds the shipped content; `world` adds entries whose every filterable
value is known (and drafts that must never show), so each filter can be tested both ways
without depending on the totals of curated content.
"""

from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from portal import tallies
from portal.models import Goal, LinkBasis, PublicationStatus, Target, Theme
from programmes.models import (
    Activity,
    Country,
    Programme,
    ProgrammeGoal,
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
    RecommendationGoal,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument, InstrumentGoal, InstrumentTarget, Provision, ProvisionTarget

DRAFT = PublicationStatus.DRAFT


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """No test is throttled by accident; the throttle test sets its own rate."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(db) -> APIClient:
    return APIClient()


def get_ok(api: APIClient, url: str, **params) -> dict:
    response = api.get(url, params)
    assert response.status_code == HTTPStatus.OK, (url, params, response.content[:500])
    return response.json()


def all_results(api: APIClient, url: str, **params) -> list[dict]:
    """Every result of a list, following `next` links."""
    page = get_ok(api, url, page_size=100, **params)
    results = list(page["results"])
    while page["next"]:
        response = api.get(page["next"])
        assert response.status_code == HTTPStatus.OK
        page = response.json()
        results += page["results"]
    return results


def evidence(**extra) -> dict:
    return {
        "source_symbol": "API/TEST/1",
        "source_locator": "para 1",
        "rationale": "Made up for the API tests.",
        "basis": LinkBasis.JUDGEMENT,
        "status": PublicationStatus.PUBLISHED,
        **extra,
    }


@dataclass
class World:
    theme: Theme
    meeting: Meeting
    agenda_item: AgendaItem
    document: Document
    instrument: Instrument
    draft_instrument: Instrument
    provision: Provision
    programme: Programme
    child_programme: Programme
    resource: Resource
    country: Country
    activity: Activity
    recommendation: Recommendation
    draft_recommendation: Recommendation


@pytest.fixture
def world(db) -> World:
    """Published entries linked to target 5.2 (and drafts that must stay hidden)."""
    target = Target.objects.get(code="5.2")
    published = {"status": PublicationStatus.PUBLISHED}
    theme = Theme.objects.create(slug="api-test-theme", name="API test theme", scheme="topic", **published)
    meeting = Meeting.objects.create(slug="api-test-meeting", title="API test meeting", kind="other", **published)
    agenda_item = AgendaItem.objects.create(
        meeting=meeting, ref="item-99", number="99", title="API test item", **published
    )
    document = Document.objects.create(
        symbol="API/TEST/1",
        title="API test document",
        kind="report",
        meeting=meeting,
        agenda_item=agenda_item,
        **published,
    )
    document.themes.set([theme])
    instrument = Instrument.objects.create(
        slug="api-test-instrument",
        title="Zanzibarian principles on testing",
        kind="principles",
        category="standard_and_norm",
        adopting_body="other",
        symbol_missing_reason="Invented for tests.",
        year=1901,
        **published,
    )
    instrument.themes.set([theme])
    InstrumentTarget.objects.create(instrument=instrument, target=target, **evidence())
    InstrumentGoal.objects.create(instrument=instrument, goal=Goal.objects.get(code="2"), **evidence())
    draft_instrument = Instrument.objects.create(
        slug="api-test-draft-instrument",
        title="Zanzibarian draft",
        kind="principles",
        category="standard_and_norm",
        symbol_missing_reason="Invented for tests.",
        year=1901,
        status=DRAFT,
    )
    InstrumentTarget.objects.create(instrument=draft_instrument, target=target, **evidence())
    provision = Provision.objects.create(
        instrument=instrument, kind="principle", number="1", ref="1", position=1, part="IX", text="Zanzibarian text.",
        **published,
    )  # fmt: skip
    ProvisionTarget.objects.create(provision=provision, target=target, **evidence())
    Provision.objects.create(
        instrument=instrument, kind="principle", number="2", ref="2", position=2, text="Draft text.", status=DRAFT
    )
    programme = Programme.objects.create(
        slug="api-test-programme", title="Zanzibarian programme", kind="initiative", start_year=1999, **published
    )
    programme.themes.set([theme])
    ProgrammeTarget.objects.create(programme=programme, target=target, **evidence())
    ProgrammeGoal.objects.create(programme=programme, goal=Goal.objects.get(code="2"), **evidence())
    ProgrammeInstrument.objects.create(programme=programme, instrument=instrument, **evidence())
    child_programme = Programme.objects.create(
        slug="api-test-child-programme", title="Zanzibarian child", kind="project", parent=programme, **published
    )
    resource = Resource.objects.create(
        slug="api-test-resource", title="Zanzibarian toolkit", kind="toolkit", programme=programme, year=1902,
        **published,
    )  # fmt: skip
    resource.themes.set([theme])
    ResourceInstrument.objects.create(resource=resource, instrument=instrument, **evidence())
    country = Country.objects.create(slug="api-testland", name="API Testland", iso3="QZT", **published)
    activity = Activity.objects.create(
        slug="api-test-activity",
        country=country,
        year=1946,
        programme=programme,
        theme=theme,
        description="Zanzibarian training.",
        source_symbol="API/TEST/1",
        source_locator="para 2",
        **published,
    )
    activity.instruments.set([instrument, draft_instrument])
    recommendation = Recommendation.objects.create(
        document=document,
        paragraph="7 (a)",
        position=1,
        kind="question",
        agenda_item=agenda_item,
        text="Zanzibarian question?",
        **published,
    )
    recommendation.themes.set([theme])
    RecommendationTarget.objects.create(recommendation=recommendation, target=target, **evidence())
    RecommendationGoal.objects.create(recommendation=recommendation, goal=Goal.objects.get(code="2"), **evidence())
    RecommendationInstrument.objects.create(recommendation=recommendation, instrument=instrument, **evidence())
    RecommendationInstrument.objects.create(recommendation=recommendation, instrument=draft_instrument, **evidence())
    RecommendationProgramme.objects.create(recommendation=recommendation, programme=programme, **evidence())
    draft_recommendation = Recommendation.objects.create(
        document=document, paragraph="8", position=2, kind="question", text="Draft?", status=DRAFT
    )
    RecommendationTarget.objects.create(recommendation=draft_recommendation, target=target, **evidence())
    tallies.refresh()  # as the commit of these changes would (a test's transaction never commits)
    return World(
        theme=theme,
        meeting=meeting,
        agenda_item=agenda_item,
        document=document,
        instrument=instrument,
        draft_instrument=draft_instrument,
        provision=provision,
        programme=programme,
        child_programme=child_programme,
        resource=resource,
        country=country,
        activity=activity,
        recommendation=recommendation,
        draft_recommendation=draft_recommendation,
    )
