"""Conditional requests: ETag and Last-Modified on every success, 304 when the client's copy is current."""

from __future__ import annotations

from datetime import datetime

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date


def latest_update(data, found: datetime | None = None) -> datetime | None:
    """The newest `updated_at` anywhere in serialized data (objects, nested objects, links)."""
    if isinstance(data, dict):
        stamp = data.get("updated_at")
        if isinstance(stamp, str) and (moment := parse_datetime(stamp)) and (found is None or moment > found):
            found = moment
        for value in data.values():
            if isinstance(value, dict | list):
                found = latest_update(value, found)
    elif isinstance(data, list):
        for item in data:
            found = latest_update(item, found)
    return found


def conditional_response(request, response, extra_moment: datetime | None = None):
    """Add ETag and Last-Modified to a successful response; answer 304 when the client's copy is current."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    moments = [moment for moment in (latest_update(response.data), extra_moment) if moment is not None]
    response.render()
    set_response_etag(response)
    last_modified = None
    if moments:
        last_modified = int(max(moments).timestamp())
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Accept"])
    return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)
