"""Nothing unpublished reaches public output.

`hidden_world` adds, for each status that is not published (draft, in review, withdrawn), an
entry of every curated model and every link model, each with a marker in every text field,
and links them to published "host" entries the way a curator would (a draft theme tagged on a
published instrument, a draft programme as the parent of a published one, a draft meeting
owning a published document, a country whose only activity is a draft...). The crawl then
reads the whole public site and API and asserts the marker is nowhere.
"""

import csv
import io
import json
import re
from collections import deque
from dataclasses import dataclass
from html import unescape
from http import HTTPStatus
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.test import Client

from portal.models import Theme
from tests.unpublished.hidden import (
    API_LISTS,
    HOST_WORD,
    MAX_PAGES,
    PUBLISHED,
    SKIPPED_PREFIXES,
    markers_in,
)

pytestmark = pytest.mark.django_db

# --- The crawl ---------------------------------------------------------------------------


def same_site_path(url: str, base: str = "/") -> str | None:
    """The path and query of a link to this site, or None for other sites, fragments and skipped areas."""
    parts = urlsplit(urljoin(base, unescape(url.strip())))
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


# Filters and search facets combine without end (each filtered page offers every other filter);
# one filter at a time reaches every entry the unfiltered list shows, so deeper combinations are
# not followed.
NOT_FILTERS = {"q", "search", "page", "page_size", "correct", "format", "ordering"}


def is_facet_combination(path: str) -> bool:
    filters = {name for name, _ in parse_qsl(urlsplit(path).query) if name not in NOT_FILTERS}
    return len(filters) > 1


def links_in(body: str, content_type: str) -> list[str]:
    if "json" in content_type:
        found = []

        def walk(value):
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str) and value.startswith("http://testserver/"):
                found.append(value)

        walk(json.loads(body))
        return found
    if "html" in content_type:
        return re.findall(r'href="([^"]*)"', body)
    if "xml" in content_type:
        return re.findall(r"<loc>([^<]*)</loc>", body)
    return []


@dataclass
class CrawlReport:
    pages: int
    leaks: dict[str, set[str]]  # path -> markers found there
    bad_statuses: dict[str, str]  # path -> status code or exception

    def describe(self) -> str:
        lines = [f"{len(self.leaks)} of {self.pages} crawled responses leak unpublished content:"]
        for path, found in sorted(self.leaks.items()):
            lines.append(f"  {path}: {', '.join(sorted(found)[:6])}{' ...' if len(found) > 6 else ''}")
        return "\n".join(lines)


def crawl(client: Client, start: list[str], max_pages: int = MAX_PAGES) -> CrawlReport:
    queue = deque(start)
    seen = set(start)
    leaks: dict[str, set[str]] = {}
    bad: dict[str, str] = {}
    pages = 0
    while queue and pages < max_pages:
        path = queue.popleft()
        pages += 1
        try:
            response = client.get(path)
        except Exception as exc:  # noqa: BLE001  (a crash is a finding, reported with its address)
            bad[path] = repr(exc)
            continue
        if response.status_code not in (HTTPStatus.OK, HTTPStatus.NOT_FOUND) and not 300 <= response.status_code < 400:
            bad[path] = str(response.status_code)
        if 300 <= response.status_code < 400:
            links = [response["Location"]]
            body = ""
        else:
            body = response.content.decode()
            links = links_in(body, response.get("Content-Type", ""))
        found = markers_in(body)
        if found:
            leaks[path] = found
        for link in links:
            target = same_site_path(link, base=path)
            if target is not None and target not in seen and not is_facet_combination(target):
                seen.add(target)
                queue.append(target)
    return CrawlReport(pages=pages, leaks=leaks, bad_statuses=bad)


def start_urls(client: Client) -> list[str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = ["/", "/sitemap.xml", "/api/v1/", f"/search/?q={HOST_WORD}", f"/api/v1/search/?q={HOST_WORD}"]
    urls += [same_site_path(loc) for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)]
    for name in API_LISTS:
        urls += [f"/api/v1/{name}/?page_size=100", f"/api/v1/{name}/?format=csv&page_size=100"]
    return list(dict.fromkeys(url for url in urls if url))


def test_crawl_finds_no_unpublished_content(client, hidden_world, settings):
    settings.PUBLIC_LANGUAGES = ["en"]  # the other languages' pages run the same querysets (see the site crawl)
    report = crawl(client, start_urls(client))
    assert report.pages < MAX_PAGES, "the crawl stopped at its bound before reading the whole site"
    assert not report.bad_statuses, report.bad_statuses
    assert not report.leaks, report.describe()


def test_csv_lists_hold_no_unpublished_content(client, hidden_world):
    """Every page of every list as CSV (the crawl reads only the first: CSV has no links)."""
    for name in API_LISTS:
        count = client.get(f"/api/v1/{name}/", {"page_size": 1}).json()["count"]
        for page in range(1, count // 100 + 2):
            response = client.get(f"/api/v1/{name}/", {"format": "csv", "page_size": 100, "page": page})
            assert response.status_code == HTTPStatus.OK, (name, page)
            rows = list(csv.reader(io.StringIO(response.content.decode())))
            assert not markers_in(json.dumps(rows)), (name, page, markers_in(json.dumps(rows)))


def test_the_crawl_can_see_a_leak(client, hidden_world):
    """The check itself works: publishing a hidden theme makes its marker appear on pages."""
    Theme.objects.filter(pk=hidden_world["draft"].theme.pk).update(status=PUBLISHED)
    report = crawl(client, [hidden_world["draft"].host_instrument.get_absolute_url()], max_pages=1)
    assert report.leaks
