"""Every page a reader can reach, from the home page and the sitemaps: no link leads to a 404 or a
500, and no page shows an internal identifier (the portal's own keys for documents without a UN
symbol) or curator jargon in its visible text."""

import re
from collections import deque
from http import HTTPStatus

import pytest

from recommendations.models import Document
from tests.pages import visible_text
from tests.unpublished.test_crawl import is_facet_combination, same_site_path

pytestmark = pytest.mark.django_db

MAX_PAGES = 4000
JARGON = re.compile(r"\bthe seeds?\b|\bnot from the seeds\b|\bfixtures?\b", re.IGNORECASE)


def internal_identifiers() -> list[str]:
    keys = list(Document.objects.filter(is_un_symbol=False).values_list("symbol", flat=True))
    assert {"GP-BROCHURE", "CONGRESS14-DRAFT-REPORT-ITEM4"} <= set(keys)  # the check has something to find
    return keys


def crawl_html(client, start: list[str], keys: list[str]) -> tuple[int, dict[str, str], dict[str, set[str]]]:
    """Breadth-first over every link of every HTML page; (pages read, bad statuses, words found)."""
    queue, seen = deque(start), set(start)
    bad: dict[str, str] = {}
    found: dict[str, set[str]] = {}
    referrer: dict[str, str] = {}
    pages = 0
    while queue and pages < MAX_PAGES:
        path = queue.popleft()
        pages += 1
        response = client.get(path)
        if response.status_code >= HTTPStatus.BAD_REQUEST:
            bad[path] = f"{response.status_code} (linked from {referrer.get(path, 'the start')})"
            continue
        content_type = response.get("Content-Type", "")
        if "html" not in content_type and "xml" not in content_type:
            continue
        body = response.content.decode()
        if "html" in content_type:
            text = visible_text(response)
            words = {key for key in keys if key in text} | set(JARGON.findall(text))
            if words:
                found[path] = words
            links = re.findall(r'href="([^"]*)"', body)
        else:
            links = re.findall(r"<loc>([^<]*)</loc>", body)
        for link in links:
            target = same_site_path(link, base=path)
            if target is None or target in seen or is_facet_combination(target):
                continue
            seen.add(target)
            referrer[target] = path
            queue.append(target)
    return pages, bad, found


def test_no_link_from_home_or_the_sitemaps_leads_to_an_error_or_shows_an_internal_identifier(client, settings):
    # One language: every page links to its five translations, which have the same links (each page type
    # in each language is checked in tests/portal/test_languages.py); six times the site would not add a path.
    settings.PUBLIC_LANGUAGES = ["en"]
    pages, bad, found = crawl_html(client, ["/", "/sitemap.xml", "/sitemap/"], internal_identifiers())
    assert pages < MAX_PAGES, "the crawl stopped at its bound before reading the whole site"
    assert pages > 600  # every instrument, provision, target, recommendation... was read
    assert not bad, bad
    assert not found, found


def test_the_crawl_sees_an_internal_identifier_and_a_dead_link(client):
    """The check itself works: a document shown by its key is found, and so is a link to a missing page."""
    keys = internal_identifiers()
    Document.objects.filter(symbol="GP-BROCHURE").update(is_un_symbol=True)  # now shown by its symbol
    _, bad, found = crawl_html(client, ["/documents/"], keys)
    assert any("GP-BROCHURE" in words for words in found.values())
    _, bad, _ = crawl_html(client, ["/sdg/99.9/"], keys)
    assert bad
