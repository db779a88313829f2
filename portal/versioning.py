"""The content version: one number that changes with every change to content people can read.

Every write to a content model (curated entries, their links, themes, the SDG framework) bumps it
in the same transaction, through model signals, so no write path can forget it: the admin's
forms and actions, history reverts, bulk import, `seed`, a shell. Writes that skip signals
(`bulk_create`, `QuerySet.update`) call `bump()` themselves. The response cache
(portal.response_cache) keys whole responses by this number, so a change is visible on the next
request and every worker and instance that shares the database (or the cache) agrees on it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Now
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

SINGLETON_ID = 1
CACHE_KEY = "content-version"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class ContentVersion(models.Model):
    """A single row: the version number of the published content and when it last changed."""

    number = models.PositiveBigIntegerField(_("number"), default=1)
    changed_at = models.DateTimeField(_("changed at"), default=EPOCH)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"v{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


def _from_database() -> Version:
    row = ContentVersion.objects.filter(pk=SINGLETON_ID).values_list("number", "changed_at").first()
    return Version(*row) if row else Version(0, EPOCH)


def current_version() -> Version:
    """The version now: from the shared cache when there is one (no query), else one primary-key query.

    A per-process cache (local memory) cannot tell one worker about another's writes, so without
    a shared cache every request reads the number from the database.
    """
    if not settings.CONTENT_VERSION_IN_CACHE:
        return _from_database()
    found = cache.get(CACHE_KEY)
    if found is None:
        found = _from_database()
        # add, not set: a bump that lands meanwhile must not be overwritten by this older number.
        cache.add(CACHE_KEY, found, settings.CONTENT_VERSION_CACHE_SECONDS)
    return found


def current_version_and(*keys: str) -> tuple[Version, dict]:
    """The version now and the cached values of `keys`: one cache round trip when the version is in the
    shared cache (a response cache hit then costs no query); without one, one primary-key query and a get."""
    if not settings.CONTENT_VERSION_IN_CACHE:
        return _from_database(), cache.get_many(keys)
    found = cache.get_many([CACHE_KEY, *keys])
    version = found.pop(CACHE_KEY, None)
    if version is None:
        version = _from_database()
        cache.add(CACHE_KEY, version, settings.CONTENT_VERSION_CACHE_SECONDS)
    return version, found


def _publish() -> None:
    cache.set(CACHE_KEY, _from_database(), settings.CONTENT_VERSION_CACHE_SECONDS)
    if settings.CONTENT_VERSION_PUSHED:
        announce()


_batch = threading.local()
_after_commit: list = []  # run once a change commits (portal.tallies counts again): `after_each_change`


def after_each_change(hook) -> None:
    """Run `hook()` after every committed change of content (once per bump; it may find nothing to do)."""
    if hook not in _after_commit:
        _after_commit.append(hook)


def bump() -> None:
    """Move the version on, inside the caller's transaction; the cache learns it once that commits."""
    if getattr(_batch, "depth", 0):
        _batch.changed = True
        return
    if not ContentVersion.objects.filter(pk=SINGLETON_ID).update(number=F("number") + 1, changed_at=Now()):
        ContentVersion.objects.create(pk=SINGLETON_ID, number=2, changed_at=Now())
    transaction.on_commit(_publish)
    for hook in _after_commit:
        transaction.on_commit(hook)


@contextmanager
def one_change():
    """Bulk writes (seed, import): many saves, one bump at the end (inside the caller's transaction)."""
    _batch.depth = getattr(_batch, "depth", 0) + 1
    try:
        yield
    finally:
        _batch.depth -= 1
        changed = getattr(_batch, "changed", False)
        if not _batch.depth:
            _batch.changed = False
    if changed and not _batch.depth and not transaction.get_rollback():  # a dry run rolls back anyway
        bump()


def _on_change(sender, **kwargs) -> None:
    if kwargs.get("action", "post_").startswith("post_"):  # m2m_changed sends pre_ and post_
        bump()


def connect_signals(content_models: list[type[models.Model]]) -> None:
    """Bump on every save and delete of content, and on every change of its many-to-many links."""
    for model in content_models:
        uid = f"content-version-{model._meta.label}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_on_change, sender=through, dispatch_uid=f"{uid}-{field.name}")


# The version pushed to each process. With Redis, every process subscribes to one channel and every
# committed change is announced on it after the shared key is set, so a process knows the version
# without asking: a response cache hit then costs no round trip at all. Any message on the channel
# (a change, or the confirmation that follows an automatic reconnect, after which messages may have
# been missed) makes the next request read the version again; so does a version older than
# VersionFeed.known_for, which bounds an announcement lost with a process that died between its
# commit and the announcement (as CONTENT_VERSION_CACHE_SECONDS bounds the shared key).


def _channel() -> str:
    from django_redis import get_redis_connection

    # Channels are shared by all of a Redis server's databases: the database number keeps apart
    # portals that share a server (tests, benchmarks), which would otherwise only cost extra reads.
    database = get_redis_connection("default").connection_pool.connection_kwargs.get("db", 0)
    return f"{cache.make_key(CACHE_KEY)}:changed:{database}"


def announce() -> None:
    """Tell every subscribed process that the version changed (after the shared key was set)."""
    from django_redis import get_redis_connection
    from redis import RedisError

    try:
        get_redis_connection("default").publish(_channel(), b"changed")
    except (RedisError, OSError) as exc:  # each process reads the version again within the bound
        logger.warning("Could not announce a content version change: %s", exc)


class VersionFeed:
    """This process's subscription to the version's channel and the version it last learned.

    `pushed()` gives the version when it is known and nothing was announced since (no round trip:
    one non-blocking read of the subscription's socket), else None and a ticket; the caller reads
    the version and hands it back with `learn(version, ticket)`, which keeps it only if no
    announcement arrived in between (a reader that started earlier cannot overwrite a later one).
    """

    known_for = 10  # seconds a learned version is trusted with nothing announced (bounds a lost announcement)
    retry_after = 5  # seconds before a lost subscription is tried again (the version is read meanwhile)

    def __init__(self):
        self._lock = threading.Lock()
        self._pubsub = None
        self._pid = None
        self._version: Version | None = None
        self._learned_at = 0.0
        self._generation = 0
        self._retry_at = 0.0

    def pushed(self) -> tuple[Version | None, int | None]:
        if not settings.CONTENT_VERSION_PUSHED:
            return None, None
        from redis import RedisError

        with self._lock:
            try:
                if not self._subscribed():
                    return None, None
                while self._pubsub.get_message(timeout=0) is not None:
                    self._forget()
            except (RedisError, OSError) as exc:
                self._drop(exc)
                return None, None
            if self._version and time.monotonic() - self._learned_at < self.known_for:
                return self._version, None
            return None, self._generation

    def learn(self, version: Version, ticket: int | None) -> None:
        with self._lock:
            if ticket is not None and ticket == self._generation and self._pubsub is not None:
                self._version, self._learned_at = version, time.monotonic()

    def _subscribed(self) -> bool:
        if self._pubsub is not None and self._pid == os.getpid():
            return True
        if time.monotonic() < self._retry_at:
            return False
        from django_redis import get_redis_connection

        self._pubsub, self._pid = None, os.getpid()  # a forked child never reads its parent's socket
        pubsub = get_redis_connection("default").pubsub()
        pubsub.subscribe(_channel())  # the confirmation arrives as a message: read as a change
        self._pubsub = pubsub
        self._forget()
        return True

    def _forget(self) -> None:
        self._version = None
        self._generation += 1

    def _drop(self, exc: BaseException) -> None:
        logger.warning("Content version feed lost (%s); reading the version on each request for a while", exc)
        pubsub, self._pubsub = self._pubsub, None
        self._forget()
        self._retry_at = time.monotonic() + self.retry_after
        if pubsub is not None:
            with suppress(Exception):  # the connection is broken already
                pubsub.close()


feed = VersionFeed()
