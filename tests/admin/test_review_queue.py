"""The reviewer's queue: everything in review with its diff; only a Reviewer publishes or sends back."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from portal.models import PublicationStatus
from portal.workflow import change_status
from standards.models import Instrument

QUEUE = reverse("admin:portal_review")


@pytest.fixture
def changed_instrument(editor, reviewer):
    """A published instrument an editor changed and submitted again."""
    instrument = Instrument.objects.create(
        slug="queue-rules",
        title="Queue rules",
        kind="rules",
        category="standard_and_norm",
        resolution_symbol="A/RES/1/1",
    )
    change_status(objects=[instrument], status=PublicationStatus.IN_REVIEW, user=editor)
    change_status(objects=[instrument], status=PublicationStatus.PUBLISHED, user=reviewer)
    for status in (PublicationStatus.WITHDRAWN, PublicationStatus.DRAFT):
        change_status(objects=[Instrument.objects.get(pk=instrument.pk)], status=status, user=reviewer)
    instrument = Instrument.objects.get(pk=instrument.pk)
    instrument.summary = "A new summary."
    instrument._history_user = editor
    instrument.save()
    change_status(objects=[instrument], status=PublicationStatus.IN_REVIEW, user=editor)
    return Instrument.objects.get(pk=instrument.pk)


def entry(instrument):
    return f"standards.instrument:{instrument.pk}"


def test_the_queue_lists_entries_in_review_with_a_diff_against_the_published_version(
    client_for, reviewer, changed_instrument
):
    response = client_for(reviewer).get(QUEUE)
    assert response.status_code == HTTPStatus.OK
    item = next(item for item in response.context["items"] if item.key == entry(changed_instrument))
    assert not item.never_published
    assert [change.label for change in item.changes] == ["summary"]
    assert "+A new summary." in item.changes[0].diff
    assert 'name="publish"' in response.content.decode()


def test_a_reviewer_publishes_from_the_queue(client_for, reviewer, changed_instrument):
    response = client_for(reviewer).post(QUEUE, {"entry": entry(changed_instrument), "publish": "1"})
    assert response.status_code == HTTPStatus.FOUND
    assert Instrument.objects.get(pk=changed_instrument.pk).status == PublicationStatus.PUBLISHED


def test_a_reviewer_sends_back_with_a_comment_kept_in_history(client_for, reviewer, changed_instrument):
    client_for(reviewer).post(
        QUEUE, {"entry": entry(changed_instrument), "send_back": "1", "comment": "Cite the paragraph."}
    )
    instrument = Instrument.objects.get(pk=changed_instrument.pk)
    assert instrument.status == PublicationStatus.DRAFT
    latest = instrument.history.order_by("-history_date").first()
    assert latest.history_change_reason == "Cite the paragraph."
    assert latest.history_user == reviewer


def test_sending_back_needs_a_comment(client_for, reviewer, changed_instrument):
    client_for(reviewer).post(QUEUE, {"entry": entry(changed_instrument), "send_back": "1", "comment": "  "})
    assert Instrument.objects.get(pk=changed_instrument.pk).status == PublicationStatus.IN_REVIEW


@pytest.mark.parametrize("action", [{"publish": "1"}, {"send_back": "1", "comment": "No."}])
def test_an_editor_can_neither_publish_nor_send_back(client_for, editor, changed_instrument, action):
    client = client_for(editor)
    assert 'name="publish"' not in client.get(QUEUE).content.decode()
    response = client.post(QUEUE, {"entry": entry(changed_instrument), **action})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Instrument.objects.get(pk=changed_instrument.pk).status == PublicationStatus.IN_REVIEW


def test_a_viewer_cannot_publish(client_for, viewer, changed_instrument):
    response = client_for(viewer).post(QUEUE, {"entry": entry(changed_instrument), "publish": "1"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Instrument.objects.get(pk=changed_instrument.pk).status == PublicationStatus.IN_REVIEW


def test_an_unknown_entry_is_refused(client_for, reviewer):
    assert client_for(reviewer).post(QUEUE, {"entry": "auth.user:1", "publish": "1"}).status_code == 403


def test_the_queue_shows_choices_by_their_labels_and_lists_one_entry_a_line(client_for, reviewer, editor):
    instrument = Instrument.objects.create(
        slug="new-queue-rules",
        title="New queue rules",
        kind="rules",
        category="standard_and_norm",
        resolution_symbol="A/RES/1/1",
        aliases=["Queue rules", "The queue"],
        sources=[{"symbol": "A/RES/1/1", "locator": "annex"}],
    )
    change_status(objects=[instrument], status=PublicationStatus.IN_REVIEW, user=editor)

    response = client_for(reviewer).get(QUEUE)

    item = next(item for item in response.context["items"] if item.key == entry(instrument))
    shown = {change.label: change.after for change in item.changes}
    assert shown["kind"] == "Rules"
    assert shown["category"] == "UN standard and norm in crime prevention and criminal justice"
    assert shown["other names"] == "Queue rules\nThe queue"
    assert shown["sources"] == "A/RES/1/1 | annex"
    page = response.content.decode()
    assert "[{&#x27;symbol&#x27;" not in page
    assert "[&#x27;Queue rules&#x27;" not in page


def test_the_queue_costs_the_same_queries_for_more_entries(client_for, reviewer, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from recommendations.models import Recommendation

    client = client_for(reviewer)

    def queue_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == HTTPStatus.OK
        return len(captured)

    published = list(Recommendation.objects.filter(status=PublicationStatus.PUBLISHED).order_by("pk")[:12])
    change_status(objects=published[:2], status=PublicationStatus.WITHDRAWN, user=reviewer)
    change_status(objects=published[:2], status=PublicationStatus.DRAFT, user=reviewer)
    change_status(objects=published[:2], status=PublicationStatus.IN_REVIEW, user=editor)
    few = queue_queries()
    change_status(objects=published[2:], status=PublicationStatus.WITHDRAWN, user=reviewer)
    change_status(objects=published[2:], status=PublicationStatus.DRAFT, user=reviewer)
    change_status(objects=published[2:], status=PublicationStatus.IN_REVIEW, user=editor)
    assert queue_queries() == few
