"""Links to an SDG goal as a whole (issue 14 item 3): where a source names "Goal 10" rather than a target.

The schema (constraints, natural keys, protection of the goal), the admin (roles), the API (`?goal=`
includes them, `?whole_goal=` lists only them, the goal's detail counts them), the goal, target and
entry pages, seeding (idempotent, curators win), the content report and the basis audit.
"""

import io
import json
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from portal.basis import stated_goal_links_without_their_goal
from portal.content import goal_link_models
from portal.models import Goal, LinkBasis, PublicationStatus
from portal.roles import VIEWER
from portal.seeding import seed
from programmes.models import Programme, ProgrammeGoal
from recommendations.models import Recommendation, RecommendationGoal
from standards.models import Instrument, InstrumentGoal
from tests.admin.conftest import make_user

pytestmark = pytest.mark.django_db

DOHA = "doha-declaration"
GLOBAL_PROGRAMME = "global-programme-people-centred-justice"


def evidence(**extra) -> dict:
    return {
        "source_symbol": "A/CONF.234/PM.1",
        "source_locator": "para 81",
        "rationale": "A test link.",
        "basis": LinkBasis.JUDGEMENT,
        **extra,
    }


# --- schema ---------------------------------------------------------------------------------


def test_each_content_app_registers_its_goal_links():
    assert goal_link_models() == {
        "instrument": InstrumentGoal,
        "programme": ProgrammeGoal,
        "recommendation": RecommendationGoal,
    }


def test_an_entry_is_linked_to_a_goal_once():
    instrument, goal = Instrument.objects.get(slug=DOHA), Goal.objects.get(code="10")
    assert InstrumentGoal.objects.filter(instrument=instrument, goal=goal).exists()  # shipped
    with pytest.raises(IntegrityError), transaction.atomic():
        InstrumentGoal.objects.create(instrument=instrument, goal=goal, **evidence())


@pytest.mark.parametrize("empty", ["source_symbol", "source_locator", "rationale"])
def test_a_goal_link_without_evidence_is_refused_by_the_database(empty):
    programme, goal = Programme.objects.get(slug=GLOBAL_PROGRAMME), Goal.objects.get(code="2")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeGoal.objects.create(programme=programme, goal=goal, **evidence(**{empty: ""}))


def test_a_goal_link_with_an_unknown_basis_is_refused_by_the_database():
    recommendation, goal = Recommendation.objects.first(), Goal.objects.get(code="2")
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationGoal.objects.create(recommendation=recommendation, goal=goal, **evidence(basis="guess"))


def test_goal_links_have_natural_keys_and_protect_the_goal():
    link = InstrumentGoal.objects.get(instrument__slug=DOHA, goal__code="14")
    assert link.natural_key() == (DOHA, "14")
    assert InstrumentGoal.objects.get_by_natural_key(DOHA, "14") == link
    with pytest.raises(ProtectedError), transaction.atomic():
        Goal.objects.get(code="14").delete()


# --- admin ------------------------------------------------------------------------------------


def test_a_viewer_reads_goal_links_but_cannot_publish_or_change_them(client):
    link = InstrumentGoal.objects.get(instrument__slug=DOHA, goal__code="14")
    InstrumentGoal.objects.filter(pk=link.pk).update(status=PublicationStatus.DRAFT)
    client.force_login(make_user("viewer", VIEWER))
    changelist = reverse("admin:standards_instrumentgoal_changelist")
    assert client.get(changelist).status_code == HTTPStatus.OK
    response = client.post(changelist, {"action": "publish", "_selected_action": [link.pk]})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    link.refresh_from_db()
    assert link.status == PublicationStatus.DRAFT
    change = reverse("admin:standards_instrumentgoal_change", args=[link.pk])
    assert client.post(change, {"rationale": "Changed."}).status_code == HTTPStatus.FORBIDDEN
    link.refresh_from_db()
    assert link.rationale != "Changed."


def test_the_instrument_form_edits_its_goal_links_inline(admin_client):
    instrument = Instrument.objects.get(slug=DOHA)
    response = admin_client.get(reverse("admin:standards_instrument_change", args=[instrument.pk]))
    assert response.status_code == HTTPStatus.OK
    assert 'name="goal_links-TOTAL_FORMS"' in response.text


# --- API --------------------------------------------------------------------------------------


def slugs(response) -> set[str]:
    assert response.status_code == HTTPStatus.OK, response.content
    return {row["slug"] for row in response.json()["results"]}


def test_the_goal_filter_includes_entries_linked_to_the_goal_as_a_whole(client):
    # The Doha Declaration is linked to Goal 14 only as a whole (para 39's heading), to none of its targets.
    assert DOHA in slugs(client.get("/api/v1/instruments/?goal=14"))
    assert slugs(client.get("/api/v1/instruments/?whole_goal=14")) == {DOHA}
    assert GLOBAL_PROGRAMME in slugs(client.get("/api/v1/programmes/?goal=10"))


def test_whole_goal_lists_only_entries_linked_to_the_goal_itself(client):
    whole = slugs(client.get("/api/v1/programmes/?whole_goal=16"))
    assert whole == {GLOBAL_PROGRAMME, "sdg16-measurement-workshops", "data-matters"}
    through_targets = slugs(client.get("/api/v1/programmes/?goal=16"))
    assert whole < through_targets
    assert slugs(client.get("/api/v1/programmes/?whole_goal=16&basis=judgement")) == set()


def test_a_bad_whole_goal_is_a_400_naming_the_parameter(client):
    response = client.get("/api/v1/instruments/?whole_goal=18")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"][0]["parameter"] == "whole_goal"


def test_entries_carry_their_goal_links(client):
    listed = client.get("/api/v1/instruments/?whole_goal=14").json()["results"][0]
    assert listed["goals"] == ["1", "5", "10", "14", "15", "17"]
    detail = client.get(f"/api/v1/instruments/{DOHA}/").json()
    goal_14 = next(link for link in detail["goals"] if link["goal"]["code"] == "14")
    assert goal_14["evidence"]["source_locator"] == "para 39"
    assert goal_14["evidence"]["basis"] == "stated"
    programme = client.get(f"/api/v1/programmes/{GLOBAL_PROGRAMME}/").json()
    assert [link["goal"]["code"] for link in programme["goals"]] == ["5", "10", "16"]


def test_the_goal_detail_counts_and_lists_what_is_linked_to_the_goal_as_a_whole(client):
    data = client.get("/api/v1/goals/14/").json()  # its query count is pinned in tests/api/test_queries.py
    assert data["link_counts"]["instruments"] == 1  # the Doha Declaration, through no target of Goal 14
    assert data["whole_goal_link_counts"] == {"instruments": 1, "programmes": 0, "recommendations": 0}
    assert data["whole_goal_link_lists"]["instruments"].endswith("/api/v1/instruments/?whole_goal=14")
    assert [link["instrument"]["slug"] for link in data["whole_goal_instruments"]] == [DOHA]
    assert data["whole_goal_programmes"] == []


def test_the_goal_detail_counts_an_entry_linked_both_ways_once(client):
    # The Global Programme is linked to Goal 16 as a whole and to five of its targets.
    data = client.get("/api/v1/goals/16/").json()
    assert data["link_counts"]["programmes"] == len(slugs(client.get("/api/v1/programmes/?goal=16&page_size=100")))


def test_the_schema_documents_the_goal_links(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/instruments/"]["get"]["parameters"]}
    assert "whole_goal" in parameters
    goal_detail = schema["components"]["schemas"]["GoalDetail"]["properties"]
    assert {"whole_goal_link_counts", "whole_goal_link_lists", "whole_goal_instruments"} <= set(goal_detail)
    assert "goals" in schema["components"]["schemas"]["InstrumentDetail"]["properties"]


# --- pages ------------------------------------------------------------------------------------


def test_the_goal_page_shows_what_is_linked_to_the_goal_as_a_whole_with_its_evidence(client):
    response = client.get("/sdg/14/")
    assert response.status_code == HTTPStatus.OK
    section = response.text.split('id="whole-goal"')[1].split('id="targets"')[0]
    assert "Linked to Goal 14 as a whole" in section
    assert "Doha Declaration" in section
    assert "A/CONF.234/PM.1" in section and "para 39" in section
    assert '<details class="evidence-details">' in section


def test_a_goal_with_nothing_linked_as_a_whole_says_so(client):
    response = client.get("/sdg/2/")
    assert "Nothing is linked to Goal 2 as a whole" in response.text


def test_goal_list_counts_an_entry_linked_to_the_goal_as_a_whole_once(client):
    goal_page = client.get("/sdg/14/").text
    assert "<strong>1</strong> instrument" in goal_page  # "What serves this goal"
    goals = client.get("/sdg/").text
    row = goals.split('href="/sdg/14/"')[1].split("</tr>")[0]
    assert ">1<" in row.replace(" ", "")


def test_the_target_page_says_an_entry_is_also_linked_to_the_goal_as_a_whole(client):
    response = client.get("/sdg/15.7/")
    assert response.text.count("Also linked to") == 1  # the Doha Declaration; the other entries are not
    assert 'Also linked to <a href="/sdg/15/#whole-goal">Goal 15 as a whole</a>' in response.text


def test_the_instrument_page_shows_its_goal_links_beside_its_targets(client):
    text = client.get(f"/instruments/{DOHA}/").text
    section = text.split('id="goals"')[1]
    assert "SDGs it serves as a whole" in section
    assert 'href="/sdg/14/"' in section


def test_the_programme_and_recommendation_pages_show_their_goal_links(client):
    assert 'href="/sdg/10/"' in client.get(f"/programmes/{GLOBAL_PROGRAMME}/").text.split('id="goals"')[1]
    recommendation = RecommendationGoal.objects.select_related("recommendation").first().recommendation
    text = client.get(recommendation.get_absolute_url()).text
    assert 'id="goals"' in text and 'href="/sdg/16/"' in text


# --- seeding, report, audit ----------------------------------------------------------------------


def test_seeding_again_changes_no_goal_link():
    before = {model: list(model.objects.order_by("pk").values()) for model in goal_link_models().values()}
    out = io.StringIO()
    call_command("seed", stdout=out)
    assert "changed 0 records" in out.getvalue()
    assert before == {model: list(model.objects.order_by("pk").values()) for model in goal_link_models().values()}


def test_seed_keeps_a_curators_change_to_a_goal_link():
    link = InstrumentGoal.objects.get(instrument__slug=DOHA, goal__code="17")
    link.rationale = "The curator's own words."
    link.save()
    out = io.StringIO()
    call_command("seed", stdout=out)
    link.refresh_from_db()
    assert link.rationale == "The curator's own words."
    conflict = f"standards.InstrumentGoal {DOHA}, 17: changed since seed loaded it (rationale); left as it is"
    assert conflict in out.getvalue()


def test_a_goal_link_in_a_fixture_is_loaded(fixtures_copy):
    path = fixtures_copy / "standards/instruments.json"
    rows = json.loads(path.read_text())
    mandela = next(row for row in rows if row["slug"] == "nelson-mandela-rules")
    mandela["goals"].append(
        {"goal": "4", "source": "A/CONF.234/PM.1", "locator": "para 132", "rationale": "A test.", "basis": "judgement"}
    )
    path.write_text(json.dumps(rows))
    assert seed(fixtures_copy).changed == 1
    link = InstrumentGoal.objects.get(instrument__slug="nelson-mandela-rules", goal__code="4")
    assert (link.source_locator, link.basis) == ("para 132", "judgement")


def test_the_content_report_counts_goal_links():
    out = io.StringIO()
    call_command("content_report", stdout=out)
    report = out.getvalue()
    assert "instrument–goal link                  14 /    8 /    6" in report
    assert "programme–goal link                    5 /    5 /    0" in report
    assert "recommendation–goal link              10 /   10 /    0" in report
    assert "SDG goals linked as a whole: 10 (1, 3, 4, 5, 10, 11, 14, 15, 16, 17)" in report
    assert "Goal 14: Life below water" not in report  # linked as a whole: no longer a goal with nothing linked
    assert "Stated goal links whose cited paragraph (or its heading) does not name the goal: 0" in report


def test_every_stated_goal_link_names_its_goal_in_the_cited_paragraph_or_its_heading():
    assert InstrumentGoal.objects.filter(basis=LinkBasis.STATED).count() == 8
    findings = [str(finding) for finding in stated_goal_links_without_their_goal()]
    assert not findings, "\n".join(findings)


def test_the_audit_finds_a_stated_goal_link_whose_paragraph_names_another_goal():
    # PM.1 para 21 sits under the heading of Goal 3 and names no other goal.
    InstrumentGoal.objects.create(
        instrument=Instrument.objects.get(slug="nelson-mandela-rules"),
        goal=Goal.objects.get(code="4"),
        **evidence(source_locator="para 21", basis=LinkBasis.STATED),
    )
    findings = [str(finding) for finding in stated_goal_links_without_their_goal()]
    assert findings == [
        "instrument nelson-mandela-rules → Goal 4 (A/CONF.234/PM.1 para 21): "
        "names neither the goal nor sits under its heading (mark it judgement)"
    ]


def test_the_links_import_accepts_a_goal_and_exports_it_back():
    from portal import imports
    from portal.roles import EDITOR

    editor = make_user("editor", EDITOR)
    recommendation = Recommendation.objects.exclude(goal_links__goal__code="2").first()
    row = {"recommendation": recommendation.slug, "goal": "2", "source": "A/CONF.234/5", "locator": "para 1",
           "rationale": "It says so."}  # fmt: skip
    report = imports.import_rows(kind="links", rows=[row], user=editor, commit=True)
    assert [r.reasons for r in report.rows] == [[]]
    link = RecommendationGoal.objects.get(recommendation=recommendation, goal__code="2")
    assert link.status == PublicationStatus.DRAFT
    columns, rows = imports.export_rows(kind="links", queryset=RecommendationGoal.objects.filter(pk=link.pk))
    assert "goal" in columns
    assert dict(zip(columns, rows[0], strict=True))["goal"] == "2"
    bad = imports.import_rows(kind="links", rows=[{**row, "goal": "18"}], user=editor, commit=False)
    assert bad.rows[0].reasons


def test_the_search_goal_facet_counts_links_to_the_goal_as_a_whole(client):
    # The Doha Declaration is linked to Goal 14 only as a whole.
    data = client.get("/api/v1/search/", {"q": "Doha Declaration", "goal": "14", "type": "instrument"}).json()
    assert [result["id"] for result in data["results"]] == [DOHA]
    goal_14 = next(value for value in data["facets"]["goal"] if value["value"] == "14")
    assert goal_14["count"] == 1 and goal_14["selected"]
