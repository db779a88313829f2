"""The permission matrix and the workflow, through the admin views."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import PublicationStatus, Theme
from portal.roles import EDITOR, REVIEWER, VIEWER, ensure_roles
from programmes.models import Activity
from recommendations.models import Recommendation, RecommendationTarget
from standards.models import Instrument, ProvisionTarget
from tests.admin.conftest import theme_form

pytestmark = pytest.mark.django_db

ADD_THEME = reverse("admin:portal_theme_add")
THEMES = reverse("admin:portal_theme_changelist")
RECOMMENDATIONS = reverse("admin:recommendations_recommendation_changelist")


def draft_theme(**extra) -> Theme:
    return Theme.objects.create(slug="draft-theme", name="Draft theme", status=PublicationStatus.DRAFT, **extra)


def draft_recommendation() -> Recommendation:
    """A published recommendation put back to draft, with one draft SDG link."""
    recommendation = Recommendation.objects.filter(target_links__isnull=False).first()
    Recommendation.objects.filter(pk=recommendation.pk).update(status=PublicationStatus.DRAFT)
    recommendation.target_links.update(status=PublicationStatus.DRAFT)
    return recommendation


def action(client, url, name, objects):
    return client.post(url, {"action": name, "_selected_action": [obj.pk for obj in objects]})


def test_roles_exist_with_their_permissions_and_creating_them_again_changes_nothing():
    before = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    ensure_roles()
    after = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert before == after
    assert "publish_content" in after[REVIEWER]
    assert "publish_content" not in after[EDITOR]
    assert {"add_recommendation", "change_recommendation"} <= after[EDITOR]
    assert all(codename.startswith("view_") for codename in after[VIEWER])
    assert not any(codename.startswith("delete_") for codenames in after.values() for codename in codenames)


def test_editor_creates_a_draft(client_for, editor):
    response = client_for(editor).post(ADD_THEME, theme_form())
    assert response.status_code == HTTPStatus.FOUND
    assert Theme.objects.get(slug="test-theme").status == PublicationStatus.DRAFT


def test_editor_cannot_create_a_published_entry(client_for, editor):
    response = client_for(editor).post(ADD_THEME, theme_form(status="published"))
    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    assert "Only a reviewer may publish or withdraw." in response.text
    assert not Theme.objects.filter(slug="test-theme").exists()


def test_editor_cannot_publish_through_the_change_form(client_for, editor):
    theme = draft_theme()
    url = reverse("admin:portal_theme_change", args=[theme.pk])
    response = client_for(editor).post(url, theme_form(theme, status="published"))
    assert response.status_code == HTTPStatus.OK
    theme.refresh_from_db()
    assert theme.status == PublicationStatus.DRAFT


def test_editor_cannot_change_a_published_entry(client_for, editor):
    theme = Theme.objects.published().first()
    url = reverse("admin:portal_theme_change", args=[theme.pk])
    client = client_for(editor)
    assert client.get(url).status_code == HTTPStatus.OK  # read only
    response = client.post(url, theme_form(theme, name="Renamed"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    theme.refresh_from_db()
    assert theme.name != "Renamed"


def test_editor_cannot_publish_with_the_action(client_for, editor):
    theme = draft_theme()
    action(client_for(editor), THEMES, "publish", [theme])
    theme.refresh_from_db()
    assert theme.status == PublicationStatus.DRAFT


def test_editor_cannot_move_a_withdrawn_entry_back_to_draft(client_for, editor):
    theme = draft_theme()
    Theme.objects.filter(pk=theme.pk).update(status=PublicationStatus.WITHDRAWN)
    action(client_for(editor), THEMES, "return_to_draft", [theme])
    theme.refresh_from_db()
    assert theme.status == PublicationStatus.WITHDRAWN


def test_editor_submits_for_review_and_the_links_follow(client_for, editor):
    recommendation = draft_recommendation()
    response = action(client_for(editor), RECOMMENDATIONS, "submit_for_review", [recommendation])
    assert response.status_code == HTTPStatus.FOUND
    recommendation.refresh_from_db()
    assert recommendation.status == PublicationStatus.IN_REVIEW
    assert set(recommendation.target_links.values_list("status", flat=True)) == {PublicationStatus.IN_REVIEW}


def test_reviewer_publishes_and_withdraws(client_for, reviewer):
    recommendation = draft_recommendation()
    client = client_for(reviewer)
    action(client, RECOMMENDATIONS, "publish", [recommendation])
    recommendation.refresh_from_db()
    assert recommendation.status == PublicationStatus.PUBLISHED
    assert set(recommendation.target_links.values_list("status", flat=True)) == {PublicationStatus.PUBLISHED}
    action(client, RECOMMENDATIONS, "withdraw", [recommendation])
    recommendation.refresh_from_db()
    assert recommendation.status == PublicationStatus.WITHDRAWN
    response = client.get(recommendation.get_absolute_url())
    assert response.status_code == HTTPStatus.NOT_FOUND  # the public page shows published content only


def test_viewer_reads_but_cannot_change_anything(client_for, viewer):
    theme = Theme.objects.first()
    client = client_for(viewer)
    assert client.get(THEMES).status_code == HTTPStatus.OK
    assert client.get(reverse("admin:portal_theme_change", args=[theme.pk])).status_code == HTTPStatus.OK
    assert client.post(ADD_THEME, theme_form()).status_code == HTTPStatus.FORBIDDEN
    url = reverse("admin:portal_theme_change", args=[theme.pk])
    assert client.post(url, theme_form(theme, name="Renamed")).status_code == HTTPStatus.FORBIDDEN
    action(client, THEMES, "withdraw", [theme])
    theme.refresh_from_db()
    assert theme.name != "Renamed"
    assert theme.status == PublicationStatus.PUBLISHED
    assert client.get(reverse("admin:recommendations_import")).status_code == HTTPStatus.FORBIDDEN


def test_a_link_needs_evidence_from_a_known_document(client_for, editor):
    link = RecommendationTarget.objects.first()
    link.source_symbol = "A/NOT/A/DOCUMENT"
    with pytest.raises(Exception, match="No document with the symbol"):
        link.full_clean()
    link.source_symbol, link.source_locator = link.recommendation.document.symbol, ""
    with pytest.raises(Exception, match="source_locator"):
        link.full_clean()


def test_coverage_dashboard_lists_the_gaps(client_for, viewer, editor):
    draft_theme()
    Theme.objects.filter(slug="draft-theme").update(status=PublicationStatus.IN_REVIEW)
    response = client_for(viewer).get(reverse("admin:portal_coverage"))
    assert response.status_code == HTTPStatus.OK
    assert "SDG targets with nothing published linked" in response.text
    unlinked = response.context["entities_without_links"]["Instruments without SDG target links"]
    expected = {str(instrument) for instrument in Instrument.objects.filter(target_links__isnull=True)}
    assert {entry[0] for entry in unlinked} == expected
    assert "Beijing Rules" in {entry[0] for entry in unlinked}  # in the catalogue, no source ties it to a target
    assert "Draft theme" in response.text  # awaiting review
    assert list(response.context["awaiting_review"]) == ["themes"]
    assert response.context["old_drafts"] == {}
    assert response.text.count("<p>Nothing.</p>") == 1  # no stale drafts


def test_coverage_dashboard_queries_do_not_grow_with_the_entries_listed(client_for, viewer):
    client = client_for(viewer)
    url = reverse("admin:portal_coverage")

    def queries_with_in_review(count: int) -> int:
        for model in (RecommendationTarget, ProvisionTarget, Activity):
            pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:count])
            model.objects.filter(pk__in=pks).update(status=PublicationStatus.IN_REVIEW)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == HTTPStatus.OK
        return len(captured)

    assert queries_with_in_review(2) == queries_with_in_review(8)
