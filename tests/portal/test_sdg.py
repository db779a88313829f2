"""The SDG framework ships complete, exact, and in the six UN languages."""

import json

import pytest
from django.conf import settings

from portal.models import UN_LANGUAGES, Goal, Indicator, Target

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def framework():
    return json.loads((settings.FIXTURES_DIR / "sdg/sdg_framework.json").read_text(encoding="utf-8"))


def test_framework_counts():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    assert Indicator.objects.count() == 251


def test_targets_per_goal_match_the_official_table():
    per_goal = [goal.targets.count() for goal in Goal.objects.order_by("number")]
    assert per_goal == [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]


def test_every_text_equals_the_official_data(framework):
    assert {g.code: g.title for g in Goal.objects.all()} == {g["code"]: g["title"] for g in framework["goals"]}
    assert {t.code: t.title for t in Target.objects.all()} == {t["code"]: t["title"] for t in framework["targets"]}
    assert {i.code: i.title for i in Indicator.objects.all()} == {
        i["code"]: i["title"] for i in framework["indicators"]
    }


def test_sample_texts():
    assert Target.objects.get(code="16.3").title.startswith(
        "Promote the rule of law at the national and international levels and ensure equal access to justice for all"
    )
    assert Goal.objects.get(code="16").short_title == "Peace, justice and strong institutions"
    assert Indicator.objects.get(code="16.3.1").target.code == "16.3"
    assert "under‑5" in Target.objects.get(code="3.2").title  # the official non-breaking hyphen is kept


def test_six_language_titles_for_every_goal_and_target():
    for goal in Goal.objects.all():
        assert sorted(goal.titles) == sorted(UN_LANGUAGES), goal.code
        assert all(goal.titles.values()) and all(goal.short_titles.values()), goal.code
        assert goal.titles["en"] == goal.title
    for target in Target.objects.all():
        assert sorted(target.titles) == sorted(UN_LANGUAGES), target.code
        assert all(target.titles.values()), target.code
        assert target.titles["en"] == target.title


def test_indicator_translations_are_only_those_of_the_current_wording():
    assert Indicator.objects.filter(titles__has_key="fr").count() == 223
    assert "fr" not in Indicator.objects.get(code="16.3.1").titles  # translation follows an older wording


def test_canonical_identifiers():
    assert Target.objects.get(code="16.3").iri == "http://metadata.un.org/sdg/16.3"
    assert Goal.objects.get(code="5").iri == "http://metadata.un.org/sdg/5"


def test_targets_keep_the_official_order():
    codes = list(Target.objects.filter(goal__code="16").values_list("code", flat=True))
    assert codes[9:] == ["16.10", "16.a", "16.b"]


def test_licence_notice_ships_with_the_translations():
    notice = (settings.FIXTURES_DIR / "sdg/LICENSE-sdg-translations.txt").read_text()
    assert "MIT License" in notice
    assert "Copyright (c) 2019 Open SDG" in notice
