"""Reads from read replicas, writes to the primary (`DATABASE_REPLICA_URLS`, see settings).

A request reads from a replica until it writes: from then on, and inside any transaction the
application opened, every query goes to the primary, so a request sees its own writes and a
transaction never mixes servers. Each request starts unpinned (request_started). Replicas lag the
primary by a moment; the response cache is keyed by the content version read from the cache (or
the primary when there is no shared cache), so a publish is not hidden by a lagging replica for long.
"""

from __future__ import annotations

import random
import threading

from django.conf import settings
from django.core.signals import request_started
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_PREFIX = "replica"
_state = threading.local()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


def unpin(**kwargs) -> None:
    _state.wrote = False
    _state.replica = None  # chosen at the first read: one replica per request, so its reads agree


request_started.connect(unpin, dispatch_uid="portal-db-router-unpin")


def in_transaction(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """An atomic block the application opened (the test runner's own wrapping ones do not count)."""
    return any(not getattr(block, "_from_testcase", False) for block in connections[alias].atomic_blocks)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or getattr(_state, "wrote", False) or in_transaction():
            return DEFAULT_DB_ALIAS
        if getattr(_state, "replica", None) not in replicas:
            _state.replica = random.choice(replicas)
        return _state.replica

    def db_for_write(self, model, **hints):
        _state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
