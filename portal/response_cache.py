"""Whole anonymous responses, cached by content version; 304s answered before any rendering.

Published content changes a few times a day, so an anonymous GET is rendered once per content
version and then served from Django's cache (local memory per process, or Redis shared by every
worker and instance). The key is the version, the path and query, the language and the Accept
header; the ETag is the version and that key, so `If-None-Match` is answered from the version
alone (no rendering, at most the one query that reads the version), and `If-Modified-Since` from
the cached entry's Last-Modified (a URL never answered 200 is never answered 304). `Cache-Control: public`
lets a CDN or reverse proxy keep pages for a short while.

The middleware sits at the top of the stack, under only CORS, SecurityMiddleware and WhiteNoise (whose
headers depend on the request: the Origin, the scheme): a hit skips sessions, CSRF, locale, messages,
authentication and the rest, and is byte- and header-identical to a fresh response because the stored
headers are those the whole stack below gave it. With Redis, the version is pushed to each process
(portal.versioning.feed) and the entries a process served lately are kept in its memory too (LocalEntries),
so a warm hit sends nothing over the network; otherwise a hit is one round trip (the version, the entry and
the client's throttle count fetched together by MGET; the entry carries the version it was rendered at)
and no query. HEAD gets the validators a GET would, but only a GET fills the cache.

Not cached: other methods, signed-in users (a session cookie), the admin and health checks,
anything but a 200, responses that set cookies or say private/no-store, visitors with a pending
message (the messages cookie), and an unprefixed page for a visitor the language negotiation sends to
another language (answered by portal.languages below). Responses served from
the cache still count against the API and search throttles, so a throttled client stays
throttled; a 429 itself is never cached.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from email.utils import formatdate
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

from portal import outage
from portal.api.viewsets import AnonymousRateThrottle
from portal.languages import is_page, path_language, preferred_language, public_languages, response_language
from portal.throttling import SearchRateThrottle
from portal.versioning import Version, current_version_and, feed

UNCACHED_PREFIXES = ("/admin/", "/healthz", "/readyz", "/static/")
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage: a message waits to be shown
VARY = ("Accept", "Accept-Language")


class _ApiHitThrottle(AnonymousRateThrottle):
    """The API's throttle for a cache hit: the same count, keyed by client address only
    (signed-in users never reach the cache, so there is no user to look at)."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


THROTTLES = (("/api/", _ApiHitThrottle), ("/search/", SearchRateThrottle))


class _Fetched:
    """A throttle's cache whose read was already answered by the response cache's own MGET."""

    def __init__(self, history):
        self.history = history

    def get(self, key, default=None):
        return default if self.history is None else self.history

    def set(self, *args, **kwargs):
        return cache.set(*args, **kwargs)


def cacheable_request(request: HttpRequest) -> bool:
    """What can be told from the request alone, cheaply (the URL's view is resolved once per address)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.RESPONSE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not outage.outage.down
        and not negotiated_elsewhere(request)
        and renders_from_database(request)
    )


def negotiated_elsewhere(request: HttpRequest) -> bool:
    """An unprefixed page that portal.languages will redirect to the visitor's language."""
    if len(public_languages()) < 2 or path_language(request.path_info) is not None:
        return False
    if preferred_language(request) == settings.LANGUAGE_CODE:
        return False
    with translation.override(settings.LANGUAGE_CODE):  # an unprefixed address resolves in the default language
        return is_page(request.path_info)


def renders_from_database(request: HttpRequest) -> bool:
    """Whether the view needs the database (what needs none is cheap and served in an outage); a 404 is never cached."""
    return _renders_from_database(request.path_info, get_urlconf())


@lru_cache(maxsize=4096)  # bounded: addresses are the client's choice
def _renders_from_database(path_info: str, _urlconf) -> bool:
    try:
        with translation.override(path_language(path_info) or settings.LANGUAGE_CODE):  # as LocaleMiddleware will
            return outage.needs_database(resolve(path_info).func)
    except Resolver404:
        return False


def storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def request_key(request: HttpRequest) -> str:
    parts = (
        settings.RESPONSE_CACHE_RELEASE,
        request.get_full_path(),
        response_language(request),  # what LocaleMiddleware or APILanguageMiddleware will activate
        request.headers.get("Accept", ""),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def hit_throttle(request: HttpRequest):
    """The throttle a served response counts against (API or search), or None when there is none."""
    path = request.path_info
    language = path_language(path)
    if language:
        path = path[len(language) + 1 :]
    for prefix, throttle_class in THROTTLES:
        if path.startswith(prefix):
            throttle = throttle_class()
            return throttle if throttle.rate is not None else None
    return None


def validators(response: HttpResponse, *, etag: str, version: Version) -> None:
    response["ETag"] = etag
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = formatdate(version.changed_at.timestamp(), usegmt=True)
    response["Cache-Control"] = f"public, max-age={settings.RESPONSE_CACHE_MAX_AGE}"
    patch_vary_headers(response, VARY)


class LocalEntries:
    """The entries this process served lately, in its own memory (least recently used first out, at most
    `limit` bytes of content). Only read when the version is pushed to the process (portal.versioning.feed),
    so an entry of an older version is never served: it is simply not fresh."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self._entries: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, number: int):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != number:
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        content = entry[1]
        if len(content) > self.limit:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            self._entries[key] = entry
            self.size += len(content)
            while self.size > self.limit:
                _key, evicted = self._entries.popitem(last=False)
                self.size -= len(evicted[1])

    def __len__(self):
        return len(self._entries)


local_entries = LocalEntries(settings.RESPONSE_CACHE_LOCAL_BYTES)


class ResponseCacheMiddleware:
    """Serve anonymous GETs from the cache of the current content version; fill it on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = request_key(request)
        entry_key = f"response:{key}"
        throttle = hit_throttle(request)
        throttle_key = throttle.get_cache_key(request, None) if throttle else None
        version, ticket = feed.pushed()  # known without asking, or None: read it
        local = local_entries.get(entry_key, version.number) if version else None
        wanted = [] if local else [entry_key]
        if throttle_key:
            wanted.append(throttle_key)
        if version is None:
            budget = settings.DB_STATEMENT_TIMEOUT + 1 if settings.DB_STATEMENT_TIMEOUT else 0
            try:
                with outage.watchdog.guard(
                    connections[DEFAULT_DB_ALIAS], budget
                ):  # the version may be read from the database
                    version, found = current_version_and(*wanted)
            except outage.OUTAGE_ERRORS as exc:  # as portal.outage answers a view that meets the failure
                outage.record_failure(request, exc)
                return outage.unavailable_response(request)
            feed.learn(version, ticket)
        else:
            found = cache.get_many(wanted) if wanted else {}
        etag = f'"v{version.number}-{key}"'
        entry = local or found.get(entry_key)
        fresh = entry is not None and entry[0] == version.number
        if fresh and local is None and settings.CONTENT_VERSION_PUSHED:
            local_entries.put(entry_key, entry)
        if request.headers.get("If-None-Match") == etag or fresh:
            if throttle:
                throttle.cache = _Fetched(found.get(throttle_key))
                if not throttle.allow_request(request, None):
                    return self.get_response(request)  # the view answers 429 (never cached)
            if not fresh:  # a validator of the current version answers 304 without the entry
                response = HttpResponse(status=304)
                validators(response, etag=etag, version=version)
                return response
            _number, content, headers, last_modified = entry
            response = HttpResponse(content, headers=headers)
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        response = self.get_response(request)
        if not storable(response):
            return response
        validators(response, etag=etag, version=version)
        if request.method == "GET":  # a HEAD's body is not sent: only a GET fills the cache
            entry = (version.number, response.content, dict(response.items()), parse_last_modified(response))
            cache.set(entry_key, entry, settings.RESPONSE_CACHE_SECONDS)
            if settings.CONTENT_VERSION_PUSHED:
                local_entries.put(entry_key, entry)
        return response


def parse_last_modified(response: HttpResponse) -> int | None:
    return parse_http_date_safe(response.get("Last-Modified", ""))
