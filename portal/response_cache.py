"""Whole anonymous responses, cached by content version; 304s answered before any rendering.

Published content changes a few times a day, so an anonymous GET is rendered once per content
version and then served from Django's cache (local memory per process, or Redis shared by every
worker and instance). The key is the version, the path and query, the language and the Accept
header; the ETag is the version and that key, so `If-None-Match` is answered from the version
alone (no rendering, at most the one query that reads the version), and `If-Modified-Since` from
the cached entry's Last-Modified (a URL never answered 200 is never answered 304). `Cache-Control: public`
lets a CDN or reverse proxy keep pages for a short while.

Not cached: other methods, signed-in users (a session cookie), the admin and health checks,
anything but a 200, responses that set cookies or say private/no-store. Responses served from
the cache still count against the API and search throttles, so a throttled client stays
throttled; a 429 itself is never cached.
"""

from __future__ import annotations

import hashlib
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

from portal import outage
from portal.api.viewsets import AnonymousRateThrottle
from portal.throttling import SearchRateThrottle
from portal.versioning import Version, current_version

UNCACHED_PREFIXES = ("/admin/", "/healthz", "/readyz", "/static/")
VARY = ("Accept", "Accept-Language")


class _ApiHitThrottle(AnonymousRateThrottle):
    """The API's throttle for a cache hit: the same count, keyed by client address only
    (signed-in users never reach the cache, so there is no user to look at)."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


THROTTLES = (("/api/", _ApiHitThrottle), ("/search/", SearchRateThrottle))


def cacheable_request(request: HttpRequest) -> bool:
    try:
        return _cacheable(request)
    except Resolver404:  # a 404 is never cached
        return False


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.RESPONSE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not outage.outage.down
        and outage.needs_database(resolve(request.path_info).func)  # what needs none is cheap, and served in an outage
    )


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
        getattr(request, "LANGUAGE_CODE", ""),
        request.headers.get("Accept", ""),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def within_throttle(request: HttpRequest) -> bool:
    for prefix, throttle_class in THROTTLES:
        if request.path.startswith(prefix):
            return throttle_class().allow_request(request, None)
    return True


def validators(response: HttpResponse, *, etag: str, version: Version) -> None:
    response["ETag"] = etag
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = formatdate(version.changed_at.timestamp(), usegmt=True)
    response["Cache-Control"] = f"public, max-age={settings.RESPONSE_CACHE_MAX_AGE}"
    patch_vary_headers(response, VARY)


class ResponseCacheMiddleware:
    """Serve anonymous GETs from the cache of the current content version; fill it on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            version = current_version()
        except outage.OUTAGE_ERRORS as exc:  # as portal.outage answers a view that meets the failure
            outage.record_failure(request, exc)
            return outage.unavailable_response(request)
        key = request_key(request)
        etag = f'"v{version.number}-{key}"'
        cache_key = f"response:{version.number}:{key}"
        if request.headers.get("If-None-Match") == etag:
            if within_throttle(request):
                response = HttpResponse(status=304)
                validators(response, etag=etag, version=version)
                return response
            return self.get_response(request)
        entry = cache.get(cache_key)
        if entry is not None and within_throttle(request):
            content, headers = entry
            response = HttpResponse(content, headers=headers)
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            validators(response, etag=etag, version=version)
            cache.set(cache_key, (response.content, dict(response.items())), settings.RESPONSE_CACHE_SECONDS)
        return response
