"""Helpers shared by the search tests."""

import re
from html import unescape
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (stemming, ranking, ts_headline, pg_trgm); the SQLite pass runs its own table",
)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(db) -> APIClient:
    return APIClient()


def api_search(api, **params) -> dict:
    response = api.get("/api/v1/search/", params)
    assert response.status_code == HTTPStatus.OK, (params, response.content[:500])
    return response.json()


def top_urls(api, query: str, n: int = 3, **params) -> list[str]:
    return [result["url"] for result in api_search(api, q=query, **params)["results"][:n]]


def page_urls(html: str) -> list[str]:
    return [unescape(url) for url in re.findall(r'<li class="search-result[^"]*">\s*<h3><a href="([^"]+)"', html)]


def marks(snippet: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet)
