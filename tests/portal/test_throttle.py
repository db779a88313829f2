"""HTML search is throttled per client, and the counts live in the shared cache (Redis when REDIS_URL is set)."""

import os
import uuid
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django_redis.cache import RedisCache

from portal.throttling import SearchRateThrottle

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")  # a database no one else uses


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def test_search_beyond_the_rate_is_refused_with_retry_after(client, settings):
    settings.SEARCH_THROTTLE_RATE = "3/minute"
    statuses = [client.get("/search/", {"q": "prison"}).status_code for _ in range(3)]
    assert statuses == [HTTPStatus.OK] * 3

    response = client.get("/search/", {"q": "prison"})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Content-Type"].startswith("text/html")
    assert "Too many searches" in response.text
    assert "Standards and Norms Portal" in response.text


def test_search_throttle_counts_each_client_apart(client, settings):
    settings.SEARCH_THROTTLE_RATE = "1/minute"
    assert client.get("/search/", {"q": "prison"}, REMOTE_ADDR="192.0.2.1").status_code == HTTPStatus.OK
    assert client.get("/search/", {"q": "prison"}, REMOTE_ADDR="192.0.2.2").status_code == HTTPStatus.OK
    assert client.get("/search/", {"q": "prison"}, REMOTE_ADDR="192.0.2.1").status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )


def test_search_throttle_can_be_turned_off(client, settings):
    settings.SEARCH_THROTTLE_RATE = None
    assert {client.get("/search/", {"q": "prison"}).status_code for _ in range(5)} == {HTTPStatus.OK}


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise  # CI starts redis-server (.ci/run); a missing server there is a failure
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (outside CI only)")


@pytest.fixture
def two_workers():
    """Two cache clients with their own connection pools, as two gunicorn workers would have."""
    redis_or_skip()
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    workers = [RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2)]
    yield workers
    workers[0].delete_pattern("*")
    for worker in workers:
        worker.close()


def test_two_workers_share_one_count_in_redis(settings, two_workers):
    settings.SEARCH_THROTTLE_RATE = "4/minute"
    first, second = two_workers
    assert first.client.get_client() is not second.client.get_client()  # separate connections
    request = RequestFactory().get("/search/", {"q": "prison"}, REMOTE_ADDR="192.0.2.44")

    def allowed(worker) -> bool:
        throttle = SearchRateThrottle()
        throttle.cache = worker
        return throttle.allow_request(request, None)

    assert [allowed(worker) for worker in (first, second, first, second)] == [True] * 4
    assert not allowed(first)  # four requests split over two workers use up the one limit
    assert not allowed(second)
