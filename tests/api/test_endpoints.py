"""Every endpoint answers with published content, addressed by natural keys."""

from http import HTTPStatus
from urllib.parse import urlsplit

import pytest

from portal.models import UN_LANGUAGES, Indicator, Target
from portal.pages import links_for_target
from recommendations.models import Recommendation
from standards.models import Provision
from tests.api.conftest import all_results, get_ok
from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_api_root_lists_every_collection(api):
    root = get_ok(api, "/api/v1/")
    assert set(root) == set(LISTS)
    for name, url in root.items():
        assert url == f"http://testserver{list_url(name)}"


@pytest.mark.parametrize("name", LISTS)
def test_every_list_is_paginated_and_every_object_has_its_addresses(api, world, name):
    page = get_ok(api, list_url(name), page_size=3)
    assert set(page) == {"count", "next", "previous", "results"}
    assert page["count"] >= 1 and 1 <= len(page["results"]) <= 3
    for item in page["results"]:
        assert item["url"].startswith("http://testserver/api/v1/")
        assert item["html_url"].startswith("http://testserver/")
        assert item["updated_at"]


@pytest.mark.parametrize("name", LISTS)
def test_every_object_is_found_at_its_url(api, world, name):
    item = get_ok(api, list_url(name), page_size=1)["results"][0]
    detail = get_ok(api, path_of(item["url"]))
    assert detail["url"] == item["url"]
    assert detail["html_url"] == item["html_url"]
    key = LISTS[name]
    assert detail[key] == item[key]


@pytest.mark.parametrize(
    "name", ["targets", "indicators", "instruments", "provisions", "documents", "recommendations", "activities"]
)
def test_html_url_is_the_portal_page(api, client, world, name):
    item = get_ok(api, list_url(name), page_size=1)["results"][0]
    response = client.get(path_of(item["html_url"]))
    assert response.status_code == HTTPStatus.OK


def test_target_detail_has_official_texts_goal_iri_and_indicators(api):
    target = get_ok(api, "/api/v1/targets/16.3/")
    stored = Target.objects.get(code="16.3")
    assert target["code"] == "16.3"
    assert target["title"] == stored.title
    assert set(target["titles"]) == set(UN_LANGUAGES)
    assert target["titles"] == {language: stored.titles[language] for language in UN_LANGUAGES}
    assert target["iri"] == "http://metadata.un.org/sdg/16.3"
    assert target["goal"]["code"] == "16"
    assert target["goal"]["url"] == "http://testserver/api/v1/goals/16/"
    assert [i["code"] for i in target["indicators"]] == list(
        Indicator.objects.filter(target=stored).order_by("position").values_list("code", flat=True)
    )
    assert target["html_url"] == "http://testserver/sdg/16.3/"


def test_target_detail_lists_every_published_link_with_its_evidence(api, world):
    target = get_ok(api, "/api/v1/targets/5.2/")
    links = links_for_target(Target.objects.get(code="5.2"), api=True).by_name
    assert [link["instrument"]["slug"] for link in target["instruments"]] == [
        link.instrument.slug for link in links["instrument"]
    ]
    assert [link["provision"]["ref"] for link in target["provisions"]] == [
        link.provision.ref for link in links["provision"]
    ]
    assert [link["programme"]["slug"] for link in target["programmes"]] == [
        link.programme.slug for link in links["programme"]
    ]
    assert [link["recommendation"]["slug"] for link in target["recommendations"]] == [
        link.recommendation.slug for link in links["recommendation"]
    ]
    instrument_link = next(
        link for link in target["instruments"] if link["instrument"]["slug"] == world.instrument.slug
    )
    assert instrument_link["evidence"] == {
        "source_symbol": "API/TEST/1",
        "source_locator": "para 1",
        "rationale": "Made up for the API tests.",
        "basis": "judgement",
        "updated_at": instrument_link["evidence"]["updated_at"],
    }
    assert instrument_link["instrument"]["url"] == "http://testserver/api/v1/instruments/api-test-instrument/"
    provision_link = next(
        link for link in target["provisions"] if link["provision"]["instrument"] == world.instrument.slug
    )
    assert provision_link["provision"]["url"] == (
        "http://testserver/api/v1/instruments/api-test-instrument/provisions/1/"
    )
    slugs = {link["recommendation"]["slug"] for link in target["recommendations"]}
    assert world.recommendation.slug in slugs
    assert world.draft_recommendation.slug not in slugs
    assert world.draft_instrument.slug not in {link["instrument"]["slug"] for link in target["instruments"]}


def test_nelson_mandela_rules_come_with_all_122_rules(api):
    instrument = get_ok(api, "/api/v1/instruments/nelson-mandela-rules/")
    rules = [p for p in instrument["provisions"] if p["kind"] == "rule"]
    assert [p["ref"] for p in rules] == [str(n) for n in range(1, 123)]
    observations = [p["ref"] for p in instrument["provisions"] if p["kind"] == "preliminary_observation"]
    assert observations == ["po-1", "po-2", "po-3", "po-4"]
    assert (
        len(instrument["provisions"])
        == Provision.objects.published().filter(instrument__slug="nelson-mandela-rules").count()
    )
    rule_58 = next(p for p in rules if p["ref"] == "58")
    assert rule_58["text"] == Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="58").text
    assert rule_58["url"] == "http://testserver/api/v1/instruments/nelson-mandela-rules/provisions/58/"
    assert instrument["provisions_url"] == "http://testserver/api/v1/instruments/nelson-mandela-rules/provisions/"


def test_nested_provisions_of_an_instrument(api, world):
    rules = all_results(api, "/api/v1/instruments/nelson-mandela-rules/provisions/")
    assert len(rules) == Provision.objects.published().filter(instrument__slug="nelson-mandela-rules").count()
    assert {p["instrument"] for p in rules} == {"nelson-mandela-rules"}
    assert [p["ref"] for p in all_results(api, "/api/v1/instruments/api-test-instrument/provisions/")] == ["1"]


@pytest.mark.parametrize("ref", ["58", "1", "122", "po-1", "po-4"])
def test_provision_by_instrument_and_reference(api, ref):
    provision = get_ok(api, f"/api/v1/instruments/nelson-mandela-rules/provisions/{ref}/")
    assert (provision["instrument"], provision["ref"]) == ("nelson-mandela-rules", ref)
    assert provision["html_url"] == f"http://testserver/instruments/nelson-mandela-rules/{ref}/"
    assert "Nelson Mandela" in provision["citation"] or provision["citation"]


def test_provision_detail_carries_its_target_links(api, world):
    provision = get_ok(api, "/api/v1/instruments/api-test-instrument/provisions/1/")
    assert [link["target"]["code"] for link in provision["targets"]] == ["5.2"]
    assert provision["targets"][0]["evidence"]["basis"] == "judgement"


@pytest.mark.parametrize("path", ["/api/v1/documents/A/CONF.234/5/", "/api/v1/documents/A%2FCONF.234%2F5/"])
def test_document_by_symbol_with_slashes(api, path):
    document = get_ok(api, path)
    assert document["symbol"] == "A/CONF.234/5"
    assert document["url"] == "http://testserver/api/v1/documents/A/CONF.234/5/"
    assert document["html_url"] == "http://testserver/documents/A/CONF.234/5/"
    assert document["official_url"] == "https://undocs.org/A/CONF.234/5"


def test_recommendation_by_slug(api):
    recommendation = get_ok(api, "/api/v1/recommendations/a-conf-234-5-para-44-b/")
    stored = Recommendation.objects.get(slug="a-conf-234-5-para-44-b")
    assert recommendation["document"] == "A/CONF.234/5"
    assert recommendation["paragraph"] == stored.paragraph == "44 (b)"
    assert recommendation["text"] == stored.text
    assert [link["target"]["code"] for link in recommendation["targets"]] == list(
        stored.target_links.published().order_by("target__position").values_list("target__code", flat=True)
    )


def test_recommendation_detail_shows_only_published_links(api, world):
    recommendation = get_ok(api, f"/api/v1/recommendations/{world.recommendation.slug}/")
    assert [link["instrument"]["slug"] for link in recommendation["instruments"]] == [world.instrument.slug]
    assert [link["programme"]["slug"] for link in recommendation["programmes"]] == [world.programme.slug]
    assert recommendation["meeting"] == world.meeting.slug
    assert recommendation["agenda_item"] == "item-99"
    listed = next(r for r in all_results(api, "/api/v1/recommendations/", document="API/TEST/1"))
    assert listed["instruments"] == [world.instrument.slug]
    assert listed["targets"] == ["5.2"]


def test_goal_detail_counts_its_links_and_points_to_their_filtered_lists(api):
    goal = get_ok(api, "/api/v1/goals/16/")
    assert set(goal["link_counts"]) == set(goal["link_lists"]) and len(goal["link_counts"]) == 4
    for kind, count in goal["link_counts"].items():
        assert goal["link_lists"][kind].endswith("?goal=16")
        listed = get_ok(api, goal["link_lists"][kind])
        assert listed["count"] == count > 0, kind  # entries, each counted once however many targets it links
    assert "instruments" not in goal and "recommendations" not in goal  # counts, never the links themselves


def test_goal_detail_lists_its_targets(api):
    goal = get_ok(api, "/api/v1/goals/16/")
    assert goal["iri"] == "http://metadata.un.org/sdg/16"
    assert [t["code"] for t in goal["targets"]] == list(
        Target.objects.filter(goal__code="16").order_by("position").values_list("code", flat=True)
    )


def test_indicator_points_at_its_target_page(api):
    indicator = get_ok(api, "/api/v1/indicators/16.3.1/")
    assert (indicator["target"], indicator["goal"]) == ("16.3", "16")
    assert indicator["html_url"] == "http://testserver/sdg/16.3/#indicator-16.3.1"


def test_meeting_detail_lists_published_agenda_items_and_documents(api, world):
    meeting = get_ok(api, f"/api/v1/meetings/{world.meeting.slug}/")
    assert [item["ref"] for item in meeting["agenda_items"]] == ["item-99"]
    assert [doc["symbol"] for doc in meeting["documents"]] == ["API/TEST/1"]
    assert meeting["documents"][0]["url"] == "http://testserver/api/v1/documents/API/TEST/1/"


def test_programme_detail(api, world):
    programme = get_ok(api, f"/api/v1/programmes/{world.programme.slug}/")
    assert [link["target"]["code"] for link in programme["targets"]] == ["5.2"]
    assert [link["instrument"]["slug"] for link in programme["instruments"]] == [world.instrument.slug]
    assert programme["children"] == [world.child_programme.slug]
    child = get_ok(api, f"/api/v1/programmes/{world.child_programme.slug}/")
    assert child["parent"] == world.programme.slug


def test_activity_lists_only_published_instruments(api, world):
    activity = get_ok(api, f"/api/v1/activities/{world.activity.slug}/")
    assert activity["instruments"] == [world.instrument.slug]
    assert activity["country"] == world.country.slug
    assert activity["html_url"] == f"http://testserver/countries/{world.country.slug}/"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/instruments/api-test-draft-instrument/",
        "/api/v1/instruments/api-test-draft-instrument/provisions/",
        "/api/v1/instruments/api-test-instrument/provisions/2/",
        "/api/v1/recommendations/api-test-1-para-8/",
    ],
)
def test_drafts_are_not_found(api, world, path):
    response = api.get(path)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json()["errors"][0]["code"] == "not_found"


def test_drafts_are_not_listed(api, world):
    assert world.draft_instrument.slug not in {i["slug"] for i in all_results(api, "/api/v1/instruments/")}
    assert world.draft_recommendation.slug not in {
        r["slug"] for r in all_results(api, "/api/v1/recommendations/", document="API/TEST/1")
    }
    provisions = all_results(api, "/api/v1/provisions/", instrument=world.instrument.slug)
    assert [p["ref"] for p in provisions] == ["1"]
