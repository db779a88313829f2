"""The SDG titles in the API in the language asked for: ?lang=, else Accept-Language, else English."""

import csv
import io
from http import HTTPStatus

import pytest

from portal.models import Goal, Indicator, Target

pytestmark = pytest.mark.django_db

TARGET = "/api/v1/targets/16.3/"


@pytest.fixture
def target():
    return Target.objects.get(code="16.3")


def test_accept_language_french_gives_french_target_titles(api, target):
    response = api.get(TARGET, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["title"] == target.titles["fr"] != target.title
    assert body["goal"]["short_title"] == Goal.objects.get(code="16").short_titles["fr"]
    assert body["titles"]["en"] == target.titles["en"]  # the six languages are still all there
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]


def test_lang_parameter_wins_over_accept_language(api, target):
    response = api.get(TARGET, {"lang": "es"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["title"] == target.titles["es"]
    assert response["Content-Language"] == "es"


@pytest.mark.parametrize(("value", "language", "key"), [("zh", "zh-hans", "zh"), ("zh-Hans", "zh-hans", "zh")])
def test_chinese_is_named_either_way(api, target, value, language, key):
    response = api.get(TARGET, {"lang": value})
    assert response.json()["title"] == target.titles[key]
    assert response["Content-Language"] == language


def test_english_by_default_and_for_a_language_the_un_does_not_use(api, target):
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}):
        response = api.get(TARGET, **headers)
        assert response.json()["title"] == target.title
        assert response["Content-Language"] == "en"


@pytest.mark.parametrize("value", ["de", "xx", "english", "fr,es"])
def test_an_unknown_lang_is_a_clear_400(api, value):
    response = api.get("/api/v1/targets/", {"lang": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    [error] = response.json()["errors"]
    assert error["parameter"] == "lang"
    assert error["code"] == "invalid_choice"
    assert error["message"].startswith("Unknown language. Choose one of: ar, zh-hans, en, fr, ru, es")


def test_an_unknown_lang_is_a_400_on_details_and_search_too(api):
    assert api.get(TARGET, {"lang": "de"}).status_code == HTTPStatus.BAD_REQUEST
    assert api.get("/api/v1/search/", {"q": "justice", "lang": "de"}).status_code == HTTPStatus.BAD_REQUEST


def test_lists_goals_and_indicators_follow_the_language(api):
    goals = api.get("/api/v1/goals/", {"lang": "ru"}).json()["results"]
    goal = Goal.objects.get(code=goals[0]["code"])
    assert (goals[0]["title"], goals[0]["short_title"]) == (goal.titles["ru"], goal.short_titles["ru"])
    targets = api.get("/api/v1/targets/", {"lang": "ar", "goal": "16"}).json()["results"]
    assert targets[0]["title"] == Target.objects.get(code=targets[0]["code"]).titles["ar"]
    translated = api.get("/api/v1/indicators/16.3.2/", {"lang": "fr"}).json()
    assert translated["title"] == Indicator.objects.get(code="16.3.2").titles["fr"]


def test_an_untranslated_indicator_keeps_its_english_title(api):
    indicator = Indicator.objects.get(code="16.3.1")
    assert not indicator.titles.get("fr")
    body = api.get("/api/v1/indicators/16.3.1/", {"lang": "fr"}).json()
    assert body["title"] == indicator.title
    assert body["titles"]["fr"] is None


def test_csv_carries_the_requested_language(api, target):
    response = api.get("/api/v1/targets/", {"format": "csv", "goal": "16", "lang": "fr"})
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["16.3"]["title"] == target.titles["fr"]
    assert response["Content-Language"] == "fr"


def test_the_schema_documents_the_language_parameter(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    for path in ("/api/v1/targets/", "/api/v1/targets/{code}/", "/api/v1/goals/", "/api/v1/search/"):
        parameters = {
            (parameter["in"], parameter["name"]): parameter for parameter in schema["paths"][path]["get"]["parameters"]
        }
        assert parameters[("query", "lang")]["schema"]["enum"] == sorted(["ar", "zh-hans", "en", "fr", "ru", "es"]), (
            path
        )
        assert ("header", "Accept-Language") in parameters, path


def test_cached_responses_do_not_leak_across_languages(api, settings, target):
    settings.RESPONSE_CACHE_SECONDS = 60
    english = api.get(TARGET)
    french = api.get(TARGET, HTTP_ACCEPT_LANGUAGE="fr")
    spanish = api.get(TARGET + "?lang=es")
    english_again = api.get(TARGET)
    french_again = api.get(TARGET, HTTP_ACCEPT_LANGUAGE="fr")
    assert english.json()["title"] == english_again.json()["title"] == target.title
    assert french.json()["title"] == french_again.json()["title"] == target.titles["fr"]
    assert spanish.json()["title"] == target.titles["es"]
    assert len({english["ETag"], french["ETag"], spanish["ETag"]}) == 3
    assert french_again["ETag"] == french["ETag"]
    assert french_again["Content-Language"] == "fr"


def test_the_api_overview_and_schema_stay_english(api):
    for path in ("/api/", "/api/schema/"):
        response = api.get(path, HTTP_ACCEPT_LANGUAGE="fr")
        assert response["Content-Language"] == "en", path
