"""The content version pushed to each process over Redis: a response cache hit with no round trip, and a
change (or a lost subscription) seen on the very next request."""

import os
import time
from http import HTTPStatus

import pytest
import redis
from django.core.cache import cache

from portal import response_cache, versioning
from portal.models import Target
from portal.response_cache import LocalEntries
from portal.versioning import VersionFeed, announce, bump, current_version
from tests.portal.test_two_instances import REDIS_URL, redis_reachable

PAGE = "/sdg/16.3/"

pytestmark = pytest.mark.django_db

needs_redis = pytest.mark.skipif(not redis_reachable(), reason=f"needs Redis at {REDIS_URL} (CI runs it)")


def redis_cache(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"feed-test-{os.getpid()}",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }


@pytest.fixture
def pushed(settings, monkeypatch):
    """Redis as the shared cache, the version pushed, and a new feed and local store for this test."""
    settings.CACHES = redis_cache(REDIS_URL)
    settings.CONTENT_VERSION_IN_CACHE = True
    settings.CONTENT_VERSION_PUSHED = True
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    cache.clear()
    feed = VersionFeed()
    monkeypatch.setattr(versioning, "feed", feed)
    monkeypatch.setattr(response_cache, "feed", feed)
    monkeypatch.setattr(response_cache, "local_entries", LocalEntries(settings.RESPONSE_CACHE_LOCAL_BYTES))
    yield feed
    feed._drop(RuntimeError("end of test"))
    cache.clear()


def learned(feed: VersionFeed):
    """Subscribe, read the version as the middleware does, hand it back; then it is known without asking."""
    version, ticket = feed.pushed()
    if version is None:
        feed.learn(current_version(), ticket)
    version, ticket = feed.pushed()
    if version is None:  # the subscription's confirmation arrived after the first read: one more
        feed.learn(current_version(), ticket)
        version, _ticket = feed.pushed()
    return version


class CountingRedis:
    """Counts the commands the cache sends to Redis (the subscription's own reads are not commands)."""

    def __init__(self, monkeypatch):
        self.commands = []
        original = redis.Redis.execute_command

        def counted(client, *args, **options):
            self.commands.append(args[0])
            return original(client, *args, **options)

        monkeypatch.setattr(redis.Redis, "execute_command", counted)


@needs_redis
def test_a_known_version_costs_no_round_trip_and_a_change_is_seen_at_the_next_request(
    pushed, monkeypatch, django_capture_on_commit_callbacks
):
    before = learned(pushed)
    assert before == current_version()
    counting = CountingRedis(monkeypatch)
    assert pushed.pushed() == (before, None)
    assert counting.commands == []
    with django_capture_on_commit_callbacks(execute=True):
        bump()  # committed: the shared key is set, then the change announced
    assert "PUBLISH" in counting.commands
    version, ticket = pushed.pushed()
    assert version is None and ticket is not None  # read it again
    pushed.learn(current_version(), ticket)
    assert pushed.pushed()[0].number == before.number + 1


@needs_redis
def test_a_version_read_before_an_announcement_is_not_kept(pushed):
    old = learned(pushed)
    announce()
    version, ticket = pushed.pushed()
    assert version is None
    announce()  # another change while the first reader was still reading
    later_version, later_ticket = pushed.pushed()
    assert later_version is None and later_ticket != ticket
    pushed.learn(old, ticket)  # the first reader comes back with what it read
    assert pushed.pushed()[0] is None  # not kept: a later announcement came in between
    pushed.learn(current_version(), later_ticket)
    assert pushed.pushed()[0] == current_version()


@needs_redis
def test_a_lost_subscription_makes_the_next_request_read_the_version(pushed, django_capture_on_commit_callbacks):
    pushed.retry_after = 0  # subscribe again at the next request
    before = learned(pushed)
    assert redis.Redis.from_url(REDIS_URL).client_kill_filter(_type="pubsub") >= 1
    assert pushed.pushed()[0] is None  # dropped (or reconnected: the confirmation reads as a change)
    with django_capture_on_commit_callbacks(execute=True):
        bump()
    after = learned(pushed)
    assert after.number == before.number + 1
    with django_capture_on_commit_callbacks(execute=True):
        bump()
    assert pushed.pushed()[0] is None  # still subscribed: the next change is heard


@needs_redis
def test_a_learned_version_is_read_again_after_the_bound(pushed, monkeypatch):
    assert learned(pushed) is not None
    now = time.monotonic()
    monkeypatch.setattr(versioning.time, "monotonic", lambda: now + pushed.known_for + 1)
    version, ticket = pushed.pushed()
    assert version is None and ticket is not None


def test_without_redis_the_version_is_read_on_each_request_and_retried_later(pushed, settings, client):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens there
    assert pushed.pushed() == (None, None)
    assert pushed._pubsub is None and pushed._retry_at > time.monotonic()
    response = client.get(PAGE)  # the version from the database, the page rendered
    assert response.status_code == HTTPStatus.OK and f'"v{current_version().number}-' in response["ETag"]


def test_the_feed_is_off_without_the_setting(settings):
    settings.CONTENT_VERSION_PUSHED = False
    feed = VersionFeed()
    assert feed.pushed() == (None, None)
    assert feed._pubsub is None


@needs_redis
def test_a_hit_with_the_version_pushed_sends_nothing_to_redis_and_a_change_shows_at_once(
    pushed, client, monkeypatch, django_capture_on_commit_callbacks
):
    first = client.get(PAGE)
    for _ in range(2):  # the subscription's confirmation may cost one more read
        assert client.get(PAGE).content == first.content
    counting = CountingRedis(monkeypatch)
    for _ in range(3):
        again = client.get(PAGE)
        assert again.status_code == HTTPStatus.OK and again.content == first.content
        assert again["ETag"] == first["ETag"]
    assert counting.commands == []  # served from this process's memory, the version known
    target = Target.objects.get(code="16.3")
    with django_capture_on_commit_callbacks(execute=True):
        target.title = "A title the pushed version shows at once"
        target.save()
    changed = client.get(PAGE)
    assert changed.status_code == HTTPStatus.OK and b"A title the pushed version shows at once" in changed.content
    assert changed["ETag"] != first["ETag"]


@needs_redis
def test_a_hit_on_a_throttled_address_still_counts_against_the_throttle(pushed, settings, client):
    learned(pushed)
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}
    url = "/api/v1/targets/16.3/"
    assert [client.get(url).status_code for _ in range(3)] == [HTTPStatus.OK, HTTPStatus.OK, 429]


def test_local_entries_keep_the_most_recently_used_within_their_bytes():
    entries = LocalEntries(limit=10)
    entries.put("a", (1, b"aaaa", {}, None))
    entries.put("b", (1, b"bbbb", {}, None))
    assert entries.get("a", 1) is not None  # a is now the most recently used
    entries.put("c", (1, b"cccc", {}, None))
    assert entries.get("b", 1) is None and entries.get("a", 1) and entries.get("c", 1)
    assert entries.size == 8 and len(entries) == 2
    entries.put("d", (1, b"x" * 11, {}, None))  # larger than the whole store: not kept
    assert entries.get("d", 1) is None and entries.size == 8
    entries.put("a", (2, b"aa", {}, None))
    assert entries.get("a", 1) is None  # an entry of another version is never given out
    assert entries.get("a", 2)[1] == b"aa" and entries.size == 6
