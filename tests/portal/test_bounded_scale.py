"""No main page or API response grows with the content: the same addresses measured before and after
`generate_scale_data --factor 3` (every published entry and link copied twice) stay within a few bytes
(the totals' digits, pagination links).

Every bound (list pages, API pages, briefing sections, filter drop-downs, search facets, the home page's
lists) is set to 2 for the test, so that each list is already full with the shipped content: whatever
still grows from x1 to x3 is unbounded, not a page filling up to its bound."""

import re
from http import HTTPStatus

import pytest
from django.urls import URLResolver, get_resolver

import portal.filters
import portal.pages
import portal.search.facets
import portal.views
import standards.pages
from portal import scale_data
from portal.api.pagination import PortalPagination
from portal.models import Theme
from programmes.models import Programme
from standards.models import Instrument

pytestmark = pytest.mark.django_db

# Every main page and endpoint, each with the filters people use. Not here: the sitemaps (/sitemap.xml,
# /sitemap/), whose purpose is to list every address (sitemap.xml is paginated by Django's sitemap
# framework at 50,000 addresses).
URLS = [
    "/",
    "/sdg/",
    "/sdg/16/",
    "/sdg/16.3/",
    "/themes/",
    "/themes/prison-and-penal-reform/",
    "/search/?q=prison&page_size=2",
    "/instruments/",
    "/instruments/?target=16.3",
    "/instruments/nelson-mandela-rules/",
    "/programmes/",
    "/programmes/?target=16.3",
    "/resources/",
    "/activities/",
    "/countries/",
    "/recommendations/",
    "/recommendations/?target=16.3",
    "/meetings/",
    "/documents/",
    "/api/v1/goals/",
    "/api/v1/goals/16/",
    "/api/v1/targets/",
    "/api/v1/targets/16.3/",
    "/api/v1/themes/",
    "/api/v1/instruments/",
    "/api/v1/instruments/?target=16.3",
    "/api/v1/instruments/nelson-mandela-rules/",
    "/api/v1/provisions/",
    "/api/v1/programmes/",
    "/api/v1/resources/",
    "/api/v1/activities/",
    "/api/v1/countries/",
    "/api/v1/meetings/",
    "/api/v1/documents/",
    "/api/v1/recommendations/",
    "/api/v1/recommendations/?target=16.3",
    "/api/v1/search/?q=prison&page_size=2",
]
TOLERANCE = 0.03  # of the size at x1, for digits of totals and page links
SLACK = 300  # bytes


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    settings.SEARCH_THROTTLE_RATE = None
    settings.RESPONSE_CACHE_SECONDS = 0


def views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from views(pattern.url_patterns)
        elif hasattr(pattern.callback, "view_class"):
            yield pattern.callback.view_class


@pytest.fixture(autouse=True)
def small_bounds(monkeypatch):
    for module, name in [
        (portal.pages, "SECTION_LIMIT"),
        (portal.filters, "CHOICE_LIMIT"),
        (portal.search.facets, "FACET_LIMIT"),
        (portal.views, "RECENT_PER_KIND"),
        (portal.views, "RECENT_SHOWN"),
        (standards.pages, "HOME_FEATURED_LIMIT"),
    ]:
        monkeypatch.setattr(module, name, 2)
    monkeypatch.setattr(PortalPagination, "page_size", 2)
    for view in set(views(get_resolver().url_patterns)):
        if getattr(view, "paginate_by", None):
            monkeypatch.setattr(view, "paginate_by", 2)


def sizes(client) -> dict[str, int]:
    found = {}
    for url in URLS:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        found[url] = len(response.content)
    return found


def test_no_page_or_endpoint_grows_with_three_times_the_content(client):
    before = sizes(client)
    added = scale_data.generate(3)
    assert added["standards.Instrument"] > 100 and added["recommendations.Recommendation"] > 250
    after = sizes(client)
    grown = {url: (before[url], after[url]) for url in URLS if after[url] > before[url] * (1 + TOLERANCE) + SLACK}
    assert not grown, "\n".join(f"{url}: {a:,} -> {b:,} bytes" for url, (a, b) in grown.items())


def test_a_content_drop_down_offers_its_first_entries_the_chosen_one_and_says_there_are_more(client, monkeypatch):
    monkeypatch.setattr(portal.filters, "CHOICE_LIMIT", 30)
    last = Instrument.objects.published().standards_first().last()
    body = client.get(f"/recommendations/?instrument={last.slug}").content.decode()
    options = re.search(r'<select name="instrument"[^>]*>(.*?)</select>', body, re.S).group(1)
    assert options.count("<option") == 1 + 30 + 1  # "Any instrument", the first 30, the chosen one
    assert re.search(rf'<option value="{last.slug}" selected>', options)
    assert '<optgroup label="More: use the links on each entry’s page">' in options
    programmes = re.search(r'<select name="programme"[^>]*>(.*?)</select>', body, re.S).group(1)
    assert programmes.count("<option") == 1 + 30 < 1 + Programme.objects.published().count()
    themes = re.search(r'<select name="theme"[^>]*>(.*?)</select>', body, re.S).group(1)
    assert themes.count("<option") == 1 + Theme.objects.published().count()  # a vocabulary: all of it
