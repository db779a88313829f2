"""Helpers for the public page tests of every app."""

import json
import re
from html import unescape
from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import tallies
from portal.models import PublicationStatus, Target
from standards.models import Instrument, InstrumentTarget


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(captured)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def all_pages(client, url) -> str:
    """The text of every page of a paginated list."""
    body = text(client.get(url))
    match = re.search(r"Page 1 of (\d+)", body)
    for number in range(2, int(match.group(1)) + 1 if match else 1):
        body += text(client.get(f"{url}&page={number}"))
    return body


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return json.loads(match.group(1))


def add_links_to_target(code: str, how_many: int) -> None:
    """More content linked to a target, to prove a page's query count does not grow with it."""
    target = Target.objects.get(code=code)
    for number in range(how_many):
        instrument = Instrument.objects.create(
            slug=f"extra-{number}",
            title=f"Extra instrument {number}",
            kind="guidelines",
            category="related",
            symbol_missing_reason="test",
            status=PublicationStatus.PUBLISHED,
        )
        InstrumentTarget.objects.create(
            instrument=instrument,
            target=target,
            source_symbol="A/CONF.234/5",
            source_locator="para 1",
            rationale="test",
            status=PublicationStatus.PUBLISHED,
        )
    tallies.refresh()  # as the commit of these changes would (a test's transaction never commits)


def visible_text(response) -> str:
    """What a reader sees: the page without its markup, scripts and attribute values."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))
