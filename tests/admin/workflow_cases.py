"""The rules the workflow tests expect, written out independently of portal/workflow.py, and their helpers."""

from http import HTTPStatus

from django.test import Client
from django.urls import reverse

from portal.models import PublicationStatus, Theme
from portal.roles import EDITOR, REVIEWER, VIEWER
from tests.admin.conftest import make_user

D, R, P, W = (PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED,
              PublicationStatus.WITHDRAWN)  # fmt: skip
STATUSES = [D, R, P, W]
ROLES = [VIEWER, EDITOR, REVIEWER, "no group"]

# (status in the database now, status after the write) pairs each role may make.
EDITOR_MOVES = {(D, D), (D, R), (R, R), (R, D)}
REVIEWER_MOVES = EDITOR_MOVES | {(P, P), (W, W), (D, P), (R, P), (W, P), (P, W), (W, D)}
MOVES = {VIEWER: set(), "no group": set(), EDITOR: EDITOR_MOVES, REVIEWER: REVIEWER_MOVES}
# Statuses each role may give a new entry.
ADDS = {VIEWER: set(), "no group": set(), EDITOR: {D, R}, REVIEWER: set(STATUSES)}
ACTIONS = {"submit_for_review": R, "return_to_draft": D, "publish": P, "withdraw": W}

THEMES = reverse("admin:portal_theme_changelist")
ADD_THEME = reverse("admin:portal_theme_add")


def may_move(role: str, before: str, after: str) -> bool:
    return (before, after) in MOVES[role]


def may_change_at(role: str, status: str) -> bool:
    return (status, status) in MOVES[role]


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def user_for(role: str):
    return make_user(f"user-{role.replace(' ', '-').lower()}", None if role == "no group" else role)


def bound_values(form) -> dict:
    """What the browser posts for a form as it is shown."""
    data = {}
    for name in form.fields:
        field = form[name]
        value = field.value()
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = value
    return data


def change_form_data(response) -> dict:
    """The POST data of an admin change (or history) form with its inlines, as rendered."""
    data = bound_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        data.update(bound_values(formset.management_form))
        for form in formset.forms:
            data.update(bound_values(form))
    return data


def theme_with(status: str, name: str = "Current") -> Theme:
    return Theme.objects.create(slug="authority-theme", name=name, status=status)


def assert_refused(response) -> None:
    """Refused: a 403, or the form again with its error (never a redirect, never a 500)."""
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.OK)
    if response.status_code == HTTPStatus.OK:
        assert response.context["errors"]
