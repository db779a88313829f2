"""The rationale rule (portal.rationales): every link's rationale names or paraphrases both ends, and no
sentence is shared by links to different entities. Checked on every Evidence subclass the registry knows."""

import pytest
from django.core.management import call_command

from portal.content import link_models
from portal.models import Target
from portal.rationales import (
    GENERIC,
    SYNONYMS,
    check_links,
    goals_named,
    missing_ends,
    names_of,
    rationale_findings,
    stems,
)
from recommendations.models import Recommendation, RecommendationTarget
from standards.models import Instrument, InstrumentTarget, Provision

pytestmark = pytest.mark.django_db

OLD_BAD_RATIONALE = "Professionals are asked to work within the rule of law."


def crafted(model, first, second, rationale, **evidence):
    """An unsaved link: the check reads only the rationale and the two ends."""
    first_name, second_name = model.link_fields
    values = {"source_symbol": "A/CONF.234/5", "source_locator": "para 44 (a)", "rationale": rationale, **evidence}
    return model(**{first_name: first, second_name: second}, **values)


def test_every_shipped_link_rationale_says_why_the_two_are_linked():
    findings = [str(finding) for finding in rationale_findings()]
    assert not findings, f"{len(findings)} rationales to rewrite:\n" + "\n".join(findings)


def test_the_old_rationale_of_44_a_and_target_16_3_fails_and_its_rewrite_passes():
    """A/CONF.234/5 para 44 (a) asks to train justice professionals to work 'within the framework of the rule of
    law' with attention to children; target 16.3 promotes the rule of law. The old sentence only repeats the words
    both share, so it says nothing about why 16.3 was chosen; it fails on the target end."""
    recommendation = Recommendation.objects.get(slug="a-conf-234-5-para-44-a")
    target = Target.objects.get(code="16.3")
    bad = crafted(RecommendationTarget, recommendation, target, OLD_BAD_RATIONALE, basis="judgement")
    assert missing_ends(OLD_BAD_RATIONALE, recommendation, target) == ["second"]
    [finding] = check_links([bad])
    assert finding.problem == "does not name the target by a word of its own"
    assert finding.key == "a-conf-234-5-para-44-a → 16.3"

    shipped = RecommendationTarget.objects.get(recommendation=recommendation, target=target)
    assert shipped.rationale != OLD_BAD_RATIONALE
    assert list(check_links([shipped])) == []


@pytest.mark.parametrize(
    ("rationale", "missing"),
    [
        ("The question asks about it.", ["first", "second"]),  # a recommendation is not a question
        ("The recommendation is linked to the target.", ["second"]),  # "the target" names no target
        ("The recommendation serves target 16.3.", []),  # the code names the target
        ("Building capacity of justice professionals serves equal access to justice.", []),  # "equal", "access"
        ("Justice is served, target 16.30.", ["first", "second"]),  # 16.30 is not 16.3; "justice" is shared
    ],
)
def test_what_names_each_end(rationale, missing):
    recommendation = Recommendation.objects.get(slug="a-conf-234-5-para-44-a")
    assert missing_ends(rationale, recommendation, Target.objects.get(code="16.3")) == missing


def test_an_instrument_is_named_by_its_kind_a_common_name_or_its_year():
    cedaw = Instrument.objects.get(slug="cedaw")
    target = Target.objects.get(code="5.1")
    assert (
        missing_ends(
            "Ending discrimination against women, target 5.1, is the Convention's core purpose.", cedaw, target
        )
        == []
    )
    assert missing_ends("Ending discrimination against women is target 5.1.", cedaw, target) == ["first"]
    agenda = Instrument.objects.get(slug="2030-agenda")
    assert "2030" in stems("the 2030 Agenda")
    assert missing_ends("The Agenda of the year 2031 matters for target 5.1.", agenda, target) == ["first"]


def test_a_provision_is_named_by_its_label_or_its_instrument():
    rule = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="24")
    target = Target.objects.get(code="3.8")
    assert missing_ends("Rule 24 gives health care in prison, as target 3.8 asks.", rule, target) == []
    assert missing_ends("Rule 245 gives health care, as target 3.8 asks.", rule, target) == ["first"]


def test_one_sentence_for_links_to_different_targets_is_generic():
    instrument = Instrument.objects.get(slug="cedaw")
    sentence = "The Convention on discrimination against women serves target 5.1 and target 5.2."
    links = [crafted(InstrumentTarget, instrument, Target.objects.get(code=code), sentence) for code in ("5.1", "5.2")]
    findings = list(check_links(links))
    assert [f.problem for f in findings] == ["the same rationale explains links to 2 different targets"] * 2


@pytest.mark.parametrize("model", link_models(), ids=lambda m: m.__name__)
def test_every_kind_of_link_is_checked_with_names_at_both_ends(model):
    """Registry-driven: a link kind added later (any Evidence subclass) is checked the same way."""
    link = model.objects.select_related(*model.link_fields).first()
    assert link is not None
    for name in model.link_fields:
        assert stems(" ".join(names_of(getattr(link, name)))), f"{model.__name__}.{name} has no names to match"
    link.rationale = "This is linked because it is relevant."
    assert [f.problem.startswith("does not name the") for f in check_links([link])] == [True]


def test_synonyms_are_stems_of_real_words_and_never_generic():
    for source, meant in SYNONYMS.items():
        assert len(source) == len(meant) == 5, (source, meant)  # stems, as `stems` cuts them
        assert source not in GENERIC and meant not in GENERIC
    assert stems("imprisonment") == stems("prisoners") == {"priso"}


def test_content_report_counts_rationales_that_say_nothing(capsys):
    call_command("content_report")
    assert "Link rationales that do not say why the two are linked: 0" in capsys.readouterr().out


def test_methodology_states_the_rationale_rule(client):
    body = client.get("/methodology/").content.decode()
    assert "The rationale must say why <em>these two</em> are linked" in body
    assert "one sentence may not serve links to different entries" in body


@pytest.mark.parametrize(
    ("rationale", "named"),
    [
        ("measure progress towards the achievement of Goal 16.", {"16"}),
        ("commitments under Goals 5, 10 and 16 so that", {"5", "10", "16"}),
        ("under its joint heading for Sustainable Development Goals 14 and 15", {"14", "15"}),
        ("SDG 5 and target 16.3", {"5"}),
        ("para 16 of the guide", set()),
    ],
)
def test_a_goal_is_named_by_its_number_after_goal_or_sdg_lists_included(rationale, named):
    assert goals_named(rationale) == named
