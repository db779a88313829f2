"""The response cache answers at the top of the middleware stack: byte- and header-identical to a fresh
response, one cache round trip and no query with a shared cache, throttles still counted."""

from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import versioning
from portal.models import Target

pytestmark = pytest.mark.django_db

PAGES = ["/", "/sdg/", "/sdg/16.3/", "/instruments/nelson-mandela-rules/", "/recommendations/?target=16.3"]
API = ["/api/v1/targets/16.3/", "/api/v1/recommendations/?target=16.3", "/api/v1/search/?q=prison"]


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    settings.SEARCH_THROTTLE_RATE = None


@pytest.fixture
def shared(settings):
    """The version kept in the cache, as with Redis (locmem stands in for it here)."""
    settings.CONTENT_VERSION_IN_CACHE = True


class CacheCalls:
    """Counts the round trips to the cache (each get, get_many, set, add, delete is one)."""

    METHODS = ("get", "get_many", "set", "add", "delete", "set_many", "incr")

    def __init__(self, monkeypatch):
        self.calls: list[str] = []
        self.depth = 0
        for name in self.METHODS:
            original = getattr(cache, name)
            monkeypatch.setattr(cache, name, self._counting(name, original))

    def _counting(self, name, original):
        def call(*args, **kwargs):
            if not self.depth:  # local memory's get_many calls its own get: one round trip all the same
                self.calls.append(name)
            self.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1

        return call


def headers(response) -> dict[str, str]:
    return dict(response.items())


@pytest.mark.parametrize("url", PAGES + API + ["/search/?q=prison"])
def test_a_cached_response_is_byte_and_header_identical_to_a_fresh_one(client, url):
    fresh = client.get(url)
    cached = client.get(url)
    assert fresh.status_code == cached.status_code == HTTPStatus.OK
    assert cached.content == fresh.content
    assert headers(cached) == headers(fresh)
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy", "Vary"):
        assert cached[name] == fresh[name]  # the security middleware's headers, kept on a hit
    if not url.startswith("/api/"):
        assert cached["X-Frame-Options"] == "DENY"
    # The hit never reached sessions, authentication or messages: it was answered above them.
    assert hasattr(fresh.wsgi_request, "session") and not hasattr(cached.wsgi_request, "session")
    assert not hasattr(cached.wsgi_request, "user")


def test_a_language_prefixed_page_is_identical_too_and_kept_apart(client, settings):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]
    fresh = client.get("/fr/sdg/16.3/")
    cached = client.get("/fr/sdg/16.3/")
    assert fresh.status_code == HTTPStatus.OK and cached.content == fresh.content
    assert headers(cached) == headers(fresh) and cached["Content-Language"] == "fr"
    english = client.get("/sdg/16.3/")
    assert english["Content-Language"] == "en" and english["ETag"] != cached["ETag"]
    # A cached English page is never served to a visitor the negotiation sends elsewhere.
    assert client.get("/sdg/16.3/", HTTP_ACCEPT_LANGUAGE="fr").status_code == HTTPStatus.FOUND
    client.cookies["django_language"] = "fr"
    assert client.get("/sdg/16.3/")["Location"] == "/fr/sdg/16.3/"


@pytest.mark.parametrize("url", ["/sdg/16.3/", "/api/v1/targets/16.3/"])
def test_with_a_shared_cache_a_hit_is_one_round_trip_and_no_query(client, shared, monkeypatch, url):
    client.get(url)
    counted = CacheCalls(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert len(queries) == 0 and counted.calls == ["get_many"]


def test_with_a_shared_cache_a_write_is_visible_on_the_next_request(client, shared, django_capture_on_commit_callbacks):
    before = client.get("/sdg/16.3/")
    assert client.get("/sdg/16.3/").content == before.content
    target = Target.objects.get(code="16.3")
    with django_capture_on_commit_callbacks(execute=True):
        target.title = "Seen by the very next request"
        target.save()
    after = client.get("/sdg/16.3/")
    assert b"Seen by the very next request" in after.content and after["ETag"] != before["ETag"]


def test_an_entry_of_an_older_version_is_never_served(client, shared):
    first = client.get("/api/v1/targets/16.3/")
    Target.objects.filter(code="16.3").update(title="Changed behind the cache's back")
    with connection.cursor():
        versioning.bump()
        versioning._publish()  # what the commit would do
    again = client.get("/api/v1/targets/16.3/")
    assert b"Changed behind the cache's back" in again.content and again["ETag"] != first["ETag"]


def test_cache_hits_count_against_the_search_throttle_in_every_language(client, settings, shared):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]
    settings.SEARCH_THROTTLE_RATE = "3/minute"
    statuses = [
        client.get(url).status_code for url in ["/search/?q=prison", "/search/?q=prison", "/fr/search/?q=prison"]
    ]
    assert statuses == [HTTPStatus.OK] * 3
    assert client.get("/search/?q=prison").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert client.get("/fr/search/?q=prison").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert client.get("/search/?q=prison", REMOTE_ADDR="192.0.2.9").status_code == HTTPStatus.OK  # another client


def test_cache_hits_count_against_the_api_throttle_with_the_count_fetched_in_the_same_round_trip(
    client, settings, shared, monkeypatch
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    assert client.get("/api/v1/targets/16.3/").status_code == HTTPStatus.OK
    counted = CacheCalls(monkeypatch)
    assert client.get("/api/v1/targets/16.3/").status_code == HTTPStatus.OK
    assert counted.calls == ["get_many", "set"]  # version, entry and count together; the count written back
    assert client.get("/api/v1/targets/16.3/").status_code == HTTPStatus.OK
    response = client.get("/api/v1/targets/16.3/")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS and "ETag" not in response
    assert client.get("/api/v1/targets/16.3/", HTTP_IF_NONE_MATCH=response.get("ETag", "x")).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )


def test_a_visitor_with_a_pending_message_is_not_served_from_the_cache(client):
    client.get("/sdg/16.3/")
    client.cookies["messages"] = "pending"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sdg/16.3/")
    assert response.status_code == HTTPStatus.OK and hasattr(response.wsgi_request, "session")
    assert len(queries) > 1
