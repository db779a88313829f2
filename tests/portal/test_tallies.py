"""Tallies (portal.tallies): the counts of the home, goal and target pages, kept in a table counted again
after every committed change. A page must show exactly what counting live shows, whether it reads them
(current) or counts live (stale: between a change and its count)."""

import logging
from http import HTTPStatus

import pytest
from django.db import OperationalError, transaction

from portal import tallies, versioning
from portal.models import Goal, Target
from portal.pages import HomeCount, link_sections, register, unregister
from portal.tallies import Tally
from tests.pages import add_links_to_target

pytestmark = pytest.mark.django_db

PAGES = ["/", "/sdg/", "/sdg/16/", "/sdg/5/", "/sdg/16.3/", "/sdg/5.2/", "/api/v1/targets/16.3/", "/api/v1/goals/16/"]


def make_stale() -> None:
    """A change of content whose count has not run yet (inside the test's transaction, nothing commits)."""
    versioning.bump()


def body(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, path
    return response.content


@pytest.mark.parametrize("path", PAGES)
def test_a_page_shows_the_same_counts_from_the_tallies_as_counted_live(client, path):
    tallies.refresh()
    assert tallies.current("") is not None
    from_tallies = body(client, path)
    make_stale()
    assert tallies.current("") is None
    assert body(client, path) == from_tallies


def test_every_count_kept_is_the_live_count():
    tallies.refresh()
    kept = dict(Tally.objects.exclude(key=tallies.stamp()).values_list("key", "number"))
    assert kept == tallies.count_everything()
    assert kept["goal:16:instrument"] == len(
        {link.instrument_id for section in link_sections() if section.name == "instrument"
         for link in section.model.objects.published().filter(target__goal__code="16", **section.published_ends)}
        | {link.instrument_id for section in link_sections() if section.name == "instrument"
           for link in section.goal_model.objects.published().filter(goal__code="16", **section.published_ends)}
    )  # fmt: skip
    assert all(number > 0 for key, number in kept.items() if not key.startswith("home:"))  # only what is there


def test_what_is_kept_does_not_grow_with_content():
    tallies.refresh()
    before = Tally.objects.count()
    add_links_to_target("16.3", 5)  # new instruments and links, counted again as a commit would
    assert Tally.objects.count() == before
    sections = len(link_sections()) + sum(len(section.parts) for section in link_sections())
    assert (
        before
        <= len(tallies.registered(HomeCount)) + Goal.objects.count() * sections + Target.objects.count() * sections + 1
    )


def test_a_committed_change_is_counted_again(client, django_capture_on_commit_callbacks):
    tallies.refresh()
    before = tallies.current("target:16.3:")["target:16.3:instrument"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        add_links_to_target_uncounted("16.3", 2)
    found = tallies.current("target:16.3:")
    assert found is not None and found["target:16.3:instrument"] == before + 2
    assert "Extra instrument 1" in body(client, "/sdg/16.3/").decode()


def test_a_change_not_yet_counted_is_shown_counted_live(client):
    tallies.refresh()
    page = body(client, "/api/v1/targets/16.3/")
    add_links_to_target_uncounted("16.3", 3)
    assert tallies.current("target:16.3:") is None
    counts = client.get("/api/v1/targets/16.3/").json()["link_counts"]
    assert page != body(client, "/api/v1/targets/16.3/")
    assert counts["instruments"] == Target.objects.get(code="16.3").instrument_links.published().count()


def test_a_newly_registered_line_makes_the_tallies_stale():
    tallies.refresh()
    assert tallies.current("home:") is not None
    line = register(HomeCount(order=999, label="goals", queryset=lambda: Goal.objects.all()))
    try:
        assert tallies.current("home:") is None  # not a 0 for the new line: counted live until counted again
        tallies.refresh()
        assert tallies.current("home:")["home:999"] == 17
    finally:
        unregister(line)


def test_a_failed_count_is_logged_and_the_pages_count_live(client, monkeypatch, caplog):
    make_stale()

    def broken():
        raise RuntimeError("counting failed")

    monkeypatch.setattr(tallies, "count_everything", broken)
    with caplog.at_level(logging.ERROR, logger="portal.tallies"):
        tallies.refresh_after_commit()  # never raised into the change that committed
    assert "Counting the tallies failed" in caplog.text
    assert tallies.current("") is None
    assert client.get("/sdg/").status_code == HTTPStatus.OK


def test_a_count_that_meets_another_is_counted_again(monkeypatch, caplog):
    make_stale()
    original, calls = tallies.count_everything, []

    def concurrent():  # as PostgreSQL answers the later of two counts running at once
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("could not serialize access due to concurrent update")
        return original()

    monkeypatch.setattr(tallies, "count_everything", concurrent)
    with caplog.at_level(logging.ERROR, logger="portal.tallies"):
        tallies.refresh_after_commit()
    assert len(calls) == 2
    assert "Counting the tallies failed" not in caplog.text
    assert tallies.current("target:16.3:") is not None


def add_links_to_target_uncounted(code: str, how_many: int) -> None:
    """add_links_to_target without the count a commit triggers (tests.pages refreshes the tallies)."""
    original = tallies.refresh
    tallies.refresh = lambda: False
    try:
        add_links_to_target(code, how_many)
    finally:
        tallies.refresh = original


@pytest.mark.parametrize("path", ["/instruments/", "/programmes/", "/recommendations/?target=16.3"])
def test_the_target_drop_down_offers_the_same_targets_from_the_tallies(client, path):
    tallies.refresh()
    from_tallies = body(client, path)
    assert b'value="16.3"' in from_tallies
    make_stale()
    assert body(client, path) == from_tallies
