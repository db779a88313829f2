"""The SDG framework is found by its official text in each UN language, on PostgreSQL and on SQLite."""

import re

import pytest

from portal.models import Goal, Target
from tests.search.conftest import api_search

pytestmark = pytest.mark.django_db


def result_ids(api, query: str, kind: str) -> list[str]:
    return [result["id"] for result in api_search(api, q=query, type=kind, page_size=50)["results"]]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("état droit interne", "fr"),  # French: in no English text
        ("верховенству", "ru"),  # Russian: "rule of law"
        ("planos nacional", "es"),
        ("القانون العدالة", "ar"),
    ],
)
def test_a_target_is_found_by_its_text_in_another_un_language(api, query, language):
    target = Target.objects.get(code="16.3")
    assert all(word in target.titles[language] for word in query.split())
    assert not any(word in target.title for word in query.split())
    assert "16.3" in result_ids(api, query, "target")


@pytest.mark.parametrize(("query", "language"), [("paix", "fr"), ("和平", "zh")])
def test_a_goal_is_found_by_its_short_title_in_another_un_language(api, query, language):
    assert query in Goal.objects.get(code="16").short_titles[language].lower()
    assert "16" in result_ids(api, query, "goal")


def test_english_ranks_as_before(api):
    """The other languages weigh less than the English title: an English query still finds 16.3 first."""
    assert result_ids(api, "rule of law equal access to justice", "target")[0] == "16.3"


def test_a_goal_result_is_named_in_the_page_language(client, settings):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]
    goal = Goal.objects.get(code="16")
    body = client.get("/fr/search/", {"q": "paix", "type": "goal"}).content.decode()
    assert f"Objectif 16 : {goal.short_titles['fr']}</a></h3>" in body  # the interface's label, the UN's French title


def test_curated_results_are_marked_english_on_a_page_in_another_language(client, settings):
    """Curated titles and texts are searched and shown in English: on a French page they say lang="en" and
    carry the "English only" tag; the SDG results, named in French, do not; on an English page nothing does."""
    settings.PUBLIC_LANGUAGES = ["en", "fr"]
    body = client.get("/fr/search/", {"q": "prison", "type": "instrument"}).content.decode()
    titles = re.findall(r'<h3><a href="[^"]+"( lang="en" dir="ltr")?>[^<]+</a>(<span class="english-only">)?', body)
    assert titles and all(attrs and tag for attrs, tag in titles)
    assert '<p class="snippet" lang="en" dir="ltr">' in body
    goals = client.get("/fr/search/", {"q": "paix", "type": "goal"}).content.decode()
    assert 'lang="en"' not in goals.split('class="search-results"')[1] and "Objectif 16" in goals
    english = client.get("/search/", {"q": "prison", "type": "instrument"}).content.decode()
    results = english.split('class="search-results"')[1]
    assert 'lang="en"' not in results and 'class="english-only"' not in results
