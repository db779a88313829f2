"""The content version: one number that changes with every change to content people can read.

Every write to a content model (curated entries, their links, themes, the SDG framework) bumps it
in the same transaction, through model signals, so no write path can forget it: the admin's
forms and actions, history reverts, bulk import, `seed`, a shell. Writes that skip signals
(`bulk_create`, `QuerySet.update`) call `bump()` themselves. The response cache
(portal.response_cache) keys whole responses by this number, so a change is visible on the next
request and every worker and instance that shares the database (or the cache) agrees on it.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Now
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

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
