"""One authority for the workflow: every role × every path that writes curated content × every transition.

The expected outcomes are written out here, independently of portal/workflow.py, so a change to
the rules there has to be a deliberate change here too. Each write is prepared with the data a
superuser sees (so a refused user cannot fail merely for lack of a form), then posted as the role.
"""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from portal import imports, workflow
from portal.models import Theme
from portal.roles import EDITOR, REVIEWER, VIEWER
from programmes.models import Activity, Country, Programme, ProgrammeTarget
from tests.admin.conftest import make_user, theme_form
from tests.admin.workflow_cases import (
    ACTIONS,
    ADD_THEME,
    ADDS,
    ROLES,
    STATUSES,
    THEMES,
    D,
    P,
    assert_refused,
    change_form_data,
    login,
    may_change_at,
    may_move,
    theme_with,
    user_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(db):
    return login(make_user("superuser-for-forms", is_superuser=True))


# --- change form ---------------------------------------------------------------------------


@pytest.mark.parametrize("after", STATUSES)
@pytest.mark.parametrize("before", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_change_form(role, before, after):
    theme = theme_with(before)
    response = login(user_for(role)).post(
        reverse("admin:portal_theme_change", args=[theme.pk]), theme_form(theme, status=after, name="Changed")
    )
    theme.refresh_from_db()
    if may_move(role, before, after):
        assert response.status_code == HTTPStatus.FOUND
        assert (theme.status, theme.name) == (after, "Changed")
    else:
        assert_refused(response)
        assert (theme.status, theme.name) == (before, "Current")


# --- add form ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_add_form(role, status):
    response = login(user_for(role)).post(ADD_THEME, theme_form(status=status))
    created = Theme.objects.filter(slug="test-theme").first()
    if status in ADDS[role]:
        assert response.status_code == HTTPStatus.FOUND
        assert created.status == status
    else:
        assert_refused(response)
        assert created is None


# --- inline ---------------------------------------------------------------------------------


@pytest.fixture
def draft_programme() -> Programme:
    """A programme every curator may edit, with at least one SDG target link shown inline."""
    programme = Programme.objects.filter(target_links__isnull=False).first()
    Programme.objects.filter(pk=programme.pk).update(status=D)
    return programme


@pytest.mark.parametrize("after", STATUSES)
@pytest.mark.parametrize("before", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_inline(admin_client_, draft_programme, role, before, after):
    link = draft_programme.target_links.order_by("pk").first()
    ProgrammeTarget.objects.filter(pk=link.pk).update(status=before, rationale="Current")
    url = reverse("admin:programmes_programme_change", args=[draft_programme.pk])
    data = change_form_data(admin_client_.get(url))
    prefix = next(key.removesuffix("-id") for key, value in data.items() if key.endswith("-id") and value == link.pk)
    data.update({f"{prefix}-status": after, f"{prefix}-rationale": "Changed"})
    response = login(user_for(role)).post(url, data)
    link.refresh_from_db()
    if may_move(role, before, after):
        assert response.status_code == HTTPStatus.FOUND
        assert (link.status, link.rationale) == (after, "Changed")
    else:
        assert_refused(response)
        assert (link.status, link.rationale) == (before, "Current")


def test_inline_new_row_cannot_be_published_by_an_editor(admin_client_, draft_programme):
    url = reverse("admin:programmes_programme_change", args=[draft_programme.pk])
    data = change_form_data(admin_client_.get(url))
    link = draft_programme.target_links.order_by("pk").first()
    prefix = next(key.removesuffix("-id") for key, value in data.items() if key.endswith("-id") and value == link.pk)
    formset_prefix, _, index = prefix.rpartition("-")
    new = f"{formset_prefix}-{data[f'{formset_prefix}-TOTAL_FORMS']}"
    data[f"{formset_prefix}-TOTAL_FORMS"] = int(data[f"{formset_prefix}-TOTAL_FORMS"]) + 1
    target = type(link.target).objects.exclude(programme_links__programme=draft_programme).first()
    data.update({f"{new}-target": target.pk, f"{new}-source_symbol": link.source_symbol,
                 f"{new}-source_locator": "para 1", f"{new}-rationale": "New.", f"{new}-basis": "stated",
                 f"{new}-status": P, f"{new}-programme": draft_programme.pk})  # fmt: skip
    response = login(user_for(EDITOR)).post(url, data)
    assert_refused(response)
    assert not draft_programme.target_links.filter(target=target).exists()


# --- list actions ---------------------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("before", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_list_action(role, before, action):
    theme = theme_with(before)
    after = ACTIONS[action]
    response = login(user_for(role)).post(THEMES, {"action": action, "_selected_action": [theme.pk]})
    theme.refresh_from_db()
    if before != after and may_move(role, before, after):
        assert response.status_code == HTTPStatus.FOUND
        assert theme.status == after
    else:  # the changelist again or a redirect, with a message; a 403 for a role that may not even read
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert theme.status == before


# --- list_editable ---------------------------------------------------------------------------


@pytest.fixture
def status_editable_in_list(monkeypatch):
    """Theme's changelist with the status editable in the list (no admin does this yet; none may bypass)."""
    monkeypatch.setattr(admin.site._registry[Theme], "list_editable", ["status"])


@pytest.mark.parametrize("after", STATUSES)
@pytest.mark.parametrize("before", STATUSES)
@pytest.mark.parametrize("role", [EDITOR, REVIEWER])
def test_list_editable(status_editable_in_list, role, before, after):
    theme = theme_with(before)
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000", "form-0-id": theme.pk, "form-0-status": after, "_save": "Save"}  # fmt: skip
    response = login(user_for(role)).post(f"{THEMES}?q=authority-theme", data)
    theme.refresh_from_db()
    if before == after:  # an unchanged row is not saved at all
        assert theme.status == before
    elif may_move(role, before, after):
        assert response.status_code == HTTPStatus.FOUND
        assert theme.status == after
    else:
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
        assert theme.status == before


# --- bulk import ------------------------------------------------------------------------------


def activity_row(activity: Activity, **changes) -> dict:
    columns, rows = imports.export_rows(kind="activities", queryset=Activity.objects.filter(pk=activity.pk))
    return {**dict(zip(columns, rows[0], strict=True)), **changes}


@pytest.mark.parametrize("before", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_import_changes_an_existing_entry(role, before):
    activity = Activity.objects.order_by("pk").first()
    Activity.objects.filter(pk=activity.pk).update(status=before)
    row = activity_row(activity, description="Changed by an import.")
    report = imports.import_rows(kind="activities", rows=[row], user=user_for(role), commit=True)
    activity.refresh_from_db()
    assert activity.status == before
    if may_change_at(role, before):
        assert report.written
        assert activity.description == "Changed by an import."
    else:
        assert not report.written
        assert report.rows[0].state == imports.ERROR
        assert activity.description != "Changed by an import."


@pytest.mark.parametrize("role", ROLES)
def test_import_adds_a_draft(role):
    row = activity_row(Activity.objects.order_by("pk").first(), slug="imported-by-role")
    report = imports.import_rows(kind="activities", rows=[row], user=user_for(role), commit=True)
    created = Activity.objects.filter(slug="imported-by-role").first()
    if ADDS[role]:
        assert report.written
        assert created.status == D
    else:
        assert report.rows[0].state == imports.ERROR
        assert created is None


def test_import_cannot_retag_a_published_entry_for_an_editor():
    activity = Activity.objects.published().filter(instruments__isnull=False).first()
    row = activity_row(activity, instruments="")
    report = imports.import_rows(kind="activities", rows=[row], user=user_for(EDITOR), commit=True)
    assert not report.written
    assert "only a reviewer may change it" in " ".join(report.rows[0].reasons)
    assert activity.instruments.exists()


@pytest.mark.parametrize("role", [VIEWER, "no group"])
def test_import_page_is_refused(role):
    client = login(user_for(role))
    assert client.get(reverse("admin:recommendations_import")).status_code == HTTPStatus.FORBIDDEN
    assert client.post(reverse("admin:recommendations_import"), {"confirm": "1"}).status_code == HTTPStatus.FORBIDDEN


# --- the service itself -----------------------------------------------------------------------


def test_the_authority_reads_the_database_not_the_copy_it_is_given():
    theme = theme_with(P)
    stale = Theme.objects.get(pk=theme.pk)
    stale.status = D  # e.g. a historical copy, or an object loaded before a reviewer published it
    with pytest.raises(workflow.WorkflowError):
        workflow.check_write(user=user_for(EDITOR), obj=stale)


# --- roles ------------------------------------------------------------------------------------


def test_reviewer_permissions_include_every_editor_permission():
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("content_type__app_label", "codename"))
    reviewer = set(Group.objects.get(name=REVIEWER).permissions.values_list("content_type__app_label", "codename"))
    assert editor < reviewer
    assert reviewer - editor == {("portal", "publish_content")}


@pytest.mark.parametrize(
    "url", [reverse("admin:standards_instrument_add"), reverse("admin:recommendations_import")], ids=["add", "import"]
)
def test_reviewer_may_add_and_import(url):
    assert login(user_for(REVIEWER)).get(url).status_code == HTTPStatus.OK


# --- countries --------------------------------------------------------------------------------


def test_countries_from_the_fixtures_are_published():
    assert Country.objects.count() > 50
    assert set(Country.objects.values_list("status", flat=True)) == {P}


def test_an_editors_new_country_is_a_draft_and_not_public(client):
    response = login(user_for(EDITOR)).post(
        reverse("admin:programmes_country_add"),
        {"slug": "atlantis", "name": "Atlantis", "iso3": "ATL", "status": D, "sources": "[]", "general_knowledge": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    country = Country.objects.get(slug="atlantis")
    assert country.status == D
    assert country.history.latest().history_user.username == "user-editor"
    Activity.objects.filter(pk=Activity.objects.published().first().pk).update(country=country)
    assert client.get(country.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("api:country-detail", args=["atlantis"])).status_code == HTTPStatus.NOT_FOUND
    assert "atlantis" not in client.get(reverse("programmes:country-list")).text
    assert "atlantis" not in client.get("/sitemap.xml").text


@pytest.mark.parametrize("role", [EDITOR, VIEWER])
def test_only_a_reviewer_changes_a_published_country(role):
    country = Country.objects.published().first()
    url = reverse("admin:programmes_country_change", args=[country.pk])
    data = {"slug": country.slug, "name": "Renamed", "iso3": country.iso3, "status": P, "sources": "[]",
            "general_knowledge": ""}  # fmt: skip
    assert login(user_for(role)).post(url, data).status_code == HTTPStatus.FORBIDDEN
    assert login(user_for(REVIEWER)).post(url, data).status_code == HTTPStatus.FOUND
    country.refresh_from_db()
    assert country.name == "Renamed"
