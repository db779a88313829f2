"""The SDG goals, targets and indicators in the page's language on every page that shows them."""

import html
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.models import Goal, Indicator, Target, sdg_language
from standards.models import InstrumentTarget

pytestmark = pytest.mark.django_db

ALL_SIX = ["ar", "zh-hans", "en", "fr", "ru", "es"]
PREFIX = {"en": ""} | {code: f"/{code}" for code in ALL_SIX if code != "en"}


@pytest.fixture(autouse=True)
def six_languages(settings):
    settings.PUBLIC_LANGUAGES = ALL_SIX


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, path
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(("language", "key"), [("en", "en"), ("zh-hans", "zh"), ("fr", "fr"), ("ar", "ar")])
def test_the_accessors_follow_the_active_language(language, key):
    target, goal = Target.objects.get(code="16.3"), Goal.objects.get(code="16")
    with translation.override(language):
        assert sdg_language() == key
        assert target.local_title == target.titles[key]
        assert goal.local_short_title == goal.short_titles[key]
        # "Goal 16: …" in English, "Objectif 16 : …" in French: the label is the interface's, the title the UN's.
        assert str(goal) == translation.gettext("Goal %(code)s: %(title)s") % {
            "code": "16",
            "title": goal.short_titles[key],
        }
        assert str(goal).endswith(goal.short_titles[key])


def test_an_untranslated_indicator_falls_back_to_english():
    indicator = Indicator.objects.get(code="16.3.1")
    with translation.override("fr"):
        assert (indicator.local_title, indicator.title_is_fallback) == (indicator.title, True)
    with translation.override("en"):
        assert not indicator.title_is_fallback  # English, not a fallback
    with translation.override("de"):  # not a UN language
        assert Target.objects.get(code="16.3").local_title == Target.objects.get(code="16.3").title


@pytest.mark.parametrize(("language", "key"), [("fr", "fr"), ("ar", "ar"), ("zh-hans", "zh"), ("es", "es")])
def test_target_page_in_the_page_language(client, language, key):
    target, goal = Target.objects.get(code="16.3"), Goal.objects.get(code="16")
    body = page(client, f"{PREFIX[language]}/sdg/16.3/")
    lead = body.split('<p class="official-text lead">', 1)[1].split("</p>", 1)[0]
    assert lead == target.titles[key]
    assert f"{goal.short_titles[key]}</a></dd>" in body
    translated = Indicator.objects.get(code="16.3.2")
    assert f"<span>{translated.titles[key]}</span>" in body
    untranslated = Indicator.objects.get(code="16.3.1")  # no translation yet: English, marked as English
    assert f'<span lang="en" dir="ltr">{untranslated.title}</span>' in body


def test_english_pages_are_unchanged(client):
    target = Target.objects.get(code="16.3")
    body = page(client, "/sdg/16.3/")
    assert f'<p class="official-text lead">{target.title}</p>' in body
    assert f"<span>{Indicator.objects.get(code='16.3.2').title}</span>" in body


def test_goal_pages_home_cards_and_goal_list_in_the_page_language(client):
    goal = Goal.objects.get(code="16")
    body = page(client, "/es/sdg/16/")
    assert f"<title>Objetivo 16: {goal.short_titles['es']}" in body  # the label translated too
    assert f'<p class="lead">{goal.titles["es"]}</p>' in body
    assert Target.objects.get(code="16.3").titles["es"] in body
    assert f"Цель 16: {goal.short_titles['ru']}</a>" in page(client, "/ru/")
    assert f"Цель 16: {goal.short_titles['ru']}</a>" in page(client, "/ru/sdg/")


def test_linked_targets_and_the_goal_filter_in_the_page_language(client):
    target = Target.objects.get(code="16.3")
    body = page(client, "/fr/instruments/")
    assert f'<optgroup label="Objectif 16 : {Goal.objects.get(code="16").short_titles["fr"]}">' in body
    assert f"16.3 {target.titles['fr'][:20]}" in body
    instrument = page(client, "/fr/instruments/bangkok-rules/")
    linked = InstrumentTarget.objects.published().filter(instrument__slug="bangkok-rules").first().target
    assert " ".join(linked.titles["fr"].split()[:5]) in instrument


QUERY_COUNT_PAGES = [
    "/",
    "/sdg/",
    "/sdg/16/",
    "/sdg/16.3/",
    "/instruments/",
    "/instruments/bangkok-rules/",
    "/instruments/nelson-mandela-rules/24/",
    "/themes/",
    "/themes/access-to-justice/",
    "/programmes/",
    "/programmes/global-programme-people-centred-justice/",
    "/resources/",
    "/meetings/",
    "/meetings/fourteenth-congress/",
    "/documents/",
    "/documents/A/CONF.234/PM.1/",
    "/recommendations/?target=16.3",
]


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("path", QUERY_COUNT_PAGES)
def test_every_language_costs_the_same_queries(client, path):
    counts = {}
    for language in ("en", "fr", "ar", "zh-hans"):
        client.get(PREFIX[language] + path)  # warm whatever is read once per process
        with CaptureQueriesContext(connection) as captured:
            response = client.get(PREFIX[language] + path)
        assert response.status_code == HTTPStatus.OK
        counts[language] = len(captured)
    assert len(set(counts.values())) == 1, counts


def test_english_pages_show_the_title_field_the_admin_edits(client):
    target = Target.objects.get(code="16.3")
    target.title = "An edited English text"
    target.save()
    assert "An edited English text" in page(client, "/sdg/16.3/")
    assert target.titles["fr"] in page(client, "/fr/sdg/16.3/")
