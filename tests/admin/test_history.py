"""Every change is recorded with who, when and what; the history shows a diff; revert restores."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.models import PublicationStatus, Theme
from standards.models import Provision
from tests.admin.conftest import theme_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return Theme.objects.create(slug="history-theme", name="Before", status=PublicationStatus.DRAFT)


def test_a_change_is_recorded_with_its_author_and_shown_as_a_diff(client_for, editor, theme):
    client = client_for(editor)
    url = reverse("admin:portal_theme_change", args=[theme.pk])
    assert client.post(url, theme_form(theme, name="After")).status_code == HTTPStatus.FOUND
    latest = theme.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert [change.field for change in latest.diff_against(latest.prev_record).changes] == ["name"]
    page = client.get(reverse("admin:portal_theme_history", args=[theme.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "Before" in page.text and "After" in page.text and "editor" in page.text


def test_revert_restores_an_earlier_version(client_for, editor, theme):
    client = client_for(editor)
    original = theme.history.earliest()
    client.post(reverse("admin:portal_theme_change", args=[theme.pk]), theme_form(theme, name="After"))
    url = reverse("admin:portal_theme_simple_history", args=[theme.pk, original.history_id])
    assert client.get(url).status_code == HTTPStatus.OK
    response = client.post(url, theme_form(original.instance))
    assert response.status_code == HTTPStatus.FOUND
    theme.refresh_from_db()
    assert theme.name == "Before"
    assert theme.history.count() == 3


def test_workflow_actions_are_recorded(client_for, reviewer, theme):
    client_for(reviewer).post(
        reverse("admin:portal_theme_changelist"), {"action": "publish", "_selected_action": [theme.pk]}
    )
    latest = theme.history.latest()
    assert latest.status == PublicationStatus.PUBLISHED
    assert latest.history_user == reviewer


def test_an_editor_cannot_publish_by_reverting(client_for, editor, reviewer, theme):
    client_for(reviewer).post(
        reverse("admin:portal_theme_changelist"), {"action": "publish", "_selected_action": [theme.pk]}
    )
    published = theme.history.latest()
    theme.status = PublicationStatus.DRAFT
    theme.save()
    client = client_for(editor)
    url = reverse("admin:portal_theme_simple_history", args=[theme.pk, published.history_id])
    client.post(url, theme_form(published.instance))
    theme.refresh_from_db()
    assert theme.status == PublicationStatus.DRAFT


def test_seeded_content_says_where_it_came_from_and_reseeding_records_nothing():
    rule = Provision.objects.get(instrument__slug="nelson-mandela-rules", number="58")
    assert rule.history.earliest().history_change_reason == "seed: loaded from fixtures/"
    before = Provision.history.count()
    call_command("seed", verbosity=0)
    assert Provision.history.count() == before
