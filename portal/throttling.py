"""A throttle for HTML pages, counted like the API's: per client address, in the default cache."""

from __future__ import annotations

import math
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from rest_framework.throttling import SimpleRateThrottle

from portal.security import client_ip


class SearchRateThrottle(SimpleRateThrottle):
    """SEARCH_THROTTLE_RATE searches per client; None lets every search through."""

    scope = "search"

    def get_rate(self):
        return settings.SEARCH_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


def throttled(throttle_class: type[SimpleRateThrottle], template_name: str):
    """Answer 429 (the given page, with Retry-After) once a client is over the throttle's rate."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            throttle = throttle_class()
            if throttle.allow_request(request, None):
                return view(request, *args, **kwargs)
            wait = max(1, math.ceil(throttle.wait() or 1))
            response = render(request, template_name, {"wait": wait}, status=429)
            response["Retry-After"] = str(wait)
            return response

        return wrapped

    return decorator
