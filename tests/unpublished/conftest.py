"""Fixtures of the tests that nothing unpublished reaches public output."""

import pytest
from django.core.cache import cache

from portal.models import PublicationStatus
from tests.unpublished.hidden import (
    HIDDEN_STATUSES,
    Hidden,
    build_hidden,
)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    settings.SEARCH_THROTTLE_RATE = None
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hidden_world(db) -> dict[str, Hidden]:
    return {status: build_hidden(status) for status in HIDDEN_STATUSES}


@pytest.fixture
def draft(db) -> Hidden:
    return build_hidden(PublicationStatus.DRAFT)
