"""The history revert is a write like any other: judged from the stored status to the version's, by role."""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.admin import CuratedAdmin
from portal.models import Theme
from portal.roles import EDITOR, REVIEWER, VIEWER
from tests.admin.conftest import make_user
from tests.admin.workflow_cases import (
    ROLES,
    STATUSES,
    D,
    P,
    R,
    W,
    assert_refused,
    change_form_data,
    login,
    may_move,
    theme_with,
    user_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(db):
    return login(make_user("superuser-for-forms", is_superuser=True))


# --- history revert ---------------------------------------------------------------------------


def theme_with_versions(current: str) -> tuple[Theme, dict[str, int]]:
    """A theme that has been in every status (one version each, named after it), now `current`."""
    theme = theme_with(D, name="Version draft")
    versions = {}
    for status in STATUSES:
        theme.status, theme.name = status, f"Version {status}"
        theme.save()
        versions[status] = theme.history.latest().history_id
    Theme.objects.filter(pk=theme.pk).update(status=current, name="Current")
    return theme, versions


def revert_url(theme: Theme, history_id: int) -> str:
    return reverse("admin:portal_theme_simple_history", args=[theme.pk, history_id])


@pytest.mark.parametrize("version", STATUSES)
@pytest.mark.parametrize("current", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_history_revert(admin_client_, role, current, version):
    theme, versions = theme_with_versions(current)
    url = revert_url(theme, versions[version])
    data = change_form_data(admin_client_.get(url))  # the historical version, posted back unchanged
    client = login(user_for(role))
    read = client.get(url)
    assert read.status_code == (HTTPStatus.FORBIDDEN if role == "no group" else HTTPStatus.OK)
    response = client.post(url, data)
    theme.refresh_from_db()
    if may_move(role, current, version):
        assert response.status_code == HTTPStatus.FOUND
        assert (theme.status, theme.name) == (version, f"Version {version}")
    else:
        assert_refused(response)
        assert (theme.status, theme.name) == (current, "Current")


def test_viewer_cannot_publish_by_posting_a_published_version_back_unchanged(admin_client_):
    theme, versions = theme_with_versions(D)
    url = revert_url(theme, versions[P])
    data = change_form_data(admin_client_.get(url))
    response = login(user_for(VIEWER)).post(url, {**data, "_save": "Save"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    theme.refresh_from_db()
    assert theme.status == D
    assert theme.history.count() == len(STATUSES) + 1  # nothing recorded either


def test_viewer_cannot_unpublish_or_retitle_by_reverting(admin_client_):
    theme, versions = theme_with_versions(P)
    viewer = login(user_for(VIEWER))
    for version in (D, R):
        url = revert_url(theme, versions[version])
        data = change_form_data(admin_client_.get(url))
        assert viewer.post(url, {**data, "name_en": "Viewer's title"}).status_code == HTTPStatus.FORBIDDEN
    theme.refresh_from_db()
    assert (theme.status, theme.name) == (P, "Current")


def test_viewer_sees_the_history_version_read_only(admin_client_):
    theme, versions = theme_with_versions(D)
    response = login(user_for(VIEWER)).get(revert_url(theme, versions[P]))
    assert response.status_code == HTTPStatus.OK
    assert response.context["revert_disabled"]


def test_editor_cannot_bring_a_withdrawn_entry_back_by_reverting(admin_client_):
    theme, versions = theme_with_versions(W)
    url = revert_url(theme, versions[P])
    response = login(user_for(EDITOR)).post(url, change_form_data(admin_client_.get(url)))
    assert_refused(response)
    theme.refresh_from_db()
    assert (theme.status, theme.name) == (W, "Current")


def test_editor_cannot_publish_a_draft_by_reverting(admin_client_):
    theme, versions = theme_with_versions(D)
    url = revert_url(theme, versions[P])
    editor_client = login(user_for(EDITOR))
    assert not editor_client.get(url).context["revert_disabled"]  # a draft: the editor may revert it…
    response = editor_client.post(url, change_form_data(admin_client_.get(url)))
    assert_refused(response)  # …but not to a published version
    theme.refresh_from_db()
    assert theme.status == D


def test_editor_sees_no_revert_button_on_a_published_entry(admin_client_):
    theme, versions = theme_with_versions(P)
    response = login(user_for(EDITOR)).get(revert_url(theme, versions[D]))
    assert response.status_code == HTTPStatus.OK
    assert response.context["revert_disabled"]  # judged on the entry as it is now, not on the old draft


def test_reviewer_reverts_to_a_published_version(admin_client_):
    theme, versions = theme_with_versions(W)
    url = revert_url(theme, versions[P])
    response = login(user_for(REVIEWER)).post(url, change_form_data(admin_client_.get(url)))
    assert response.status_code == HTTPStatus.FOUND
    theme.refresh_from_db()
    assert (theme.status, theme.name) == (P, "Version published")
    assert theme.history.latest().history_user.username == "user-reviewer"


CURATED_MODELS = sorted(
    (model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, CuratedAdmin)),
    key=lambda model: model._meta.label,
)


@pytest.mark.parametrize("model", CURATED_MODELS, ids=[model._meta.label for model in CURATED_MODELS])
def test_every_curated_admin_judges_a_revert_on_the_stored_entry(admin_client_, model):
    """The seeded version of each entry is published; the entry is a draft now: only a Reviewer may revert."""
    obj = model.objects.published().order_by("pk").first()
    version = obj.history.filter(status=P).earliest()
    model.objects.filter(pk=obj.pk).update(status=D)
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, version.history_id])
    data = change_form_data(admin_client_.get(url))
    assert login(user_for(VIEWER)).post(url, data).status_code == HTTPStatus.FORBIDDEN
    assert_refused(login(user_for(EDITOR)).post(url, data))
    assert model.objects.get(pk=obj.pk).status == D
    assert login(user_for(REVIEWER)).post(url, data).status_code == HTTPStatus.FOUND
    assert model.objects.get(pk=obj.pk).status == P
