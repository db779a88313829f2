"""The SDG framework is found by its official text in each UN language, on PostgreSQL and on SQLite."""

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
