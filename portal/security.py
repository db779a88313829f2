"""Who the client is behind the declared proxies, and the login lock (django-axes) built on it."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the connecting one, or with NUM_PROXIES proxies the one they forwarded.

    Each proxy appends the address it saw to X-Forwarded-For, so the client is the NUM_PROXIES-th
    entry from the right; anything further left was written by the client and is not trusted.
    Without a declared proxy the header is ignored. The same rule as DRF's throttles.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if settings.NUM_PROXIES and addresses:
        return addresses[-min(settings.NUM_PROXIES, len(addresses))]
    return request.META.get("REMOTE_ADDR")


class LoginLockBackend(AxesStandaloneBackend):
    """Refuses sign-ins while a username and address pair is locked out.

    Every sign-in form passes the request; a call without one (a script, `Client.login` in tests)
    has no client to count and goes straight to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The portal's page for a locked-out sign-in: 429, how long to wait (also as Retry-After)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60)
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes}
    response = render(request, "security/login_locked.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
