"""A curator makes an Editor, who imports ten recommendations and submits them; a Reviewer publishes them."""

import io
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from portal.roles import EDITOR
from recommendations.models import Recommendation
from tests.admin.test_import import IMPORT, as_csv, recommendation_rows

pytestmark = pytest.mark.django_db

PASSWORD = "An-unguessable-passphrase-42"


def upload(client, rows, action):
    file = io.BytesIO(as_csv(rows))
    file.name = "recommendations.csv"
    return client.post(IMPORT, {"kind": "recommendations", "file": file, action: "1"})


def test_editor_imports_ten_recommendations_and_a_reviewer_publishes_them(client, superuser, reviewer):
    # A curator creates the user and gives them the Editor role, in the admin.
    client.force_login(superuser)
    response = client.post(
        reverse("admin:auth_user_add"),
        {"username": "new-editor", "password1": PASSWORD, "password2": PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(username="new-editor")
    response = client.post(
        reverse("admin:auth_user_change", args=[user.pk]),
        {
            "username": "new-editor",
            "is_active": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name=EDITOR).pk],
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].errors
    client.logout()

    # The Editor logs in and checks a file with one bad row: the dry run names it and writes nothing.
    assert client.login(username="new-editor", password=PASSWORD)
    rows = recommendation_rows(10, row7={"targets": "16.3; 16.99"})
    response = upload(client, rows, "dry_run")
    assert "9 new, 0 changed, 0 unchanged, 1 in error." in response.text
    assert "targets: unknown target “16.99”" in response.text
    assert [(row.number, row.state) for row in response.context["report"].rows if row.state == "error"] == [
        (7, "error")
    ]
    assert client.post(IMPORT, {"confirm": "1"}).status_code == HTTPStatus.FOUND  # nothing pending: nothing written
    assert not Recommendation.objects.filter(paragraph__startswith="900 (").exists()

    # Fixed, checked again, confirmed: ten drafts.
    rows[5]["targets"] = "16.3; 16.9"
    response = upload(client, rows, "dry_run")
    assert "10 new, 0 changed, 0 unchanged, 0 in error." in response.text
    assert client.post(IMPORT, {"confirm": "1"}).status_code == HTTPStatus.FOUND
    imported = Recommendation.objects.filter(paragraph__startswith="900 (")
    assert imported.count() == 10
    assert set(imported.values_list("status", flat=True)) == {"draft"}

    # Not public yet.
    slug = imported.first().slug
    assert client.get(f"/api/v1/recommendations/{slug}/").status_code == HTTPStatus.NOT_FOUND
    assert "Imported summary 1." not in client.get("/sdg/16.3/").text

    # The Editor submits them for review, and cannot publish them.
    changelist = reverse("admin:recommendations_recommendation_changelist")
    selected = list(imported.values_list("pk", flat=True))
    client.post(changelist, {"action": "publish", "_selected_action": selected})
    assert set(imported.values_list("status", flat=True)) == {"draft"}
    client.post(changelist, {"action": "submit_for_review", "_selected_action": selected})
    assert set(imported.values_list("status", flat=True)) == {"in_review"}

    # A Reviewer publishes them: they appear on the target pages and in the API.
    client.force_login(reviewer)
    client.post(changelist, {"action": "publish", "_selected_action": selected})
    assert set(imported.values_list("status", flat=True)) == {"published"}
    page = client.get("/sdg/16.3/").text
    assert all(f"Imported summary {number}." in page for number in range(1, 11))
    assert "Imported summary 6." in client.get("/sdg/16.9/").text
    response = client.get(f"/api/v1/recommendations/{slug}/")
    assert response.status_code == HTTPStatus.OK
    assert '"16.3"' in response.text
