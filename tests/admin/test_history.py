"""Every change is recorded with who, when and what; the history shows a diff; revert restores."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.models import PublicationStatus, Theme
from recommendations.models import AgendaItem, Meeting
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


def form_data(form) -> dict:
    """The POST data that submits a model form with the values it shows."""
    return {name: "" if form[name].value() is None else form[name].value() for name in form.fields}


def theme_ids(record) -> list[int]:
    return sorted(record.themes.values_list("theme_id", flat=True))


def test_tags_are_recorded_diffed_and_restored_by_revert(client_for, editor):
    before, after = Theme.objects.filter(status=PublicationStatus.PUBLISHED)[:2]
    item = AgendaItem.objects.create(
        meeting=Meeting.objects.first(), number="99", ref="item-99", title="Test item", status=PublicationStatus.DRAFT
    )
    item.themes.set([before])
    client = client_for(editor)
    url = reverse("admin:recommendations_agendaitem_change", args=[item.pk])
    data = {**form_data(client.get(url).context["adminform"].form), "themes": [after.pk]}
    assert client.post(url, data).status_code == HTTPStatus.FOUND

    latest = item.history.latest()
    assert theme_ids(latest) == [after.pk]
    assert latest.history_user == editor
    tagged_before = next(record for record in item.history.all() if theme_ids(record) == [before.pk])
    assert "themes" in [change.field for change in latest.diff_against(tagged_before).changes]

    revert_url = reverse("admin:recommendations_agendaitem_simple_history", args=[item.pk, tagged_before.history_id])
    form = client.get(revert_url).context["adminform"].form
    assert form["themes"].value() == [before.pk]
    assert client.post(revert_url, form_data(form)).status_code == HTTPStatus.FOUND
    assert list(item.themes.all()) == [before]
