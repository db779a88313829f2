"""How `manage.py seed` tells its own writes from a curator's, so it never undoes curation.

The contract (also in fixtures/README.md):

- A record missing from the database is inserted, and a fingerprint of what was loaded is kept
  (`SeedFingerprint`: a short sha256 per managed field, tags and other many-to-many sets included,
  related records named by natural key).
- An existing record is updated from the fixture only while its current values still match the
  fingerprint, i.e. nobody changed it since seed loaded it. Its publication status is never
  changed: once a record exists, status belongs to the curators.
- A record changed since it was loaded is left alone and reported as a conflict (model, natural
  key, the fields that were changed). So is a record without a fingerprint that differs from the
  fixture (a database seeded before fingerprints existed, or a record a curator created).
  The conflict is reported on every run until the fixture and the database agree again.
- A record seed loaded and a curator then deleted is not re-created (reported); records that
  refer to it are skipped (reported), tags naming it are dropped.
- `--force` resets everything to the fixtures, deleted records included, and says what it overwrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from portal.models import SeedFingerprint

# Once a record exists its publication status is the curators' to change, never the loader's.
NEVER_UPDATED = frozenset({"status"})

Key = tuple[str, ...]
Digests = dict[str, str]


class DeletedByCurator(Exception):
    """A record seed loaded before no longer exists: a curator deleted it."""

    def __init__(self, model_label: str, key: Key, *, reported: bool = False):
        self.model_label, self.key, self.reported = model_label, key, reported
        super().__init__(describe(model_label, key))


def describe(model_label: str, key: Key) -> str:
    return f"{model_label} {', '.join(key)}"


def digest(value: Any) -> str:
    text = json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Conflict:
    model: str
    key: Key
    edited: tuple[str, ...]  # changed in the database since seed loaded them; empty without a fingerprint
    differing: tuple[str, ...]  # where the database and the fixture disagree

    def __str__(self) -> str:
        where = describe(self.model, self.key)
        if self.edited:
            return f"{where}: changed since seed loaded it ({', '.join(self.edited)}); left as it is"
        return (
            f"{where}: differs from the fixture ({', '.join(self.differing)}) and has no seed fingerprint "
            "(seeded before fingerprints were kept, or created by a curator); left as it is"
        )


@dataclass
class CurationReport:
    conflicts: list[Conflict] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # loaded before, deleted by a curator, not re-created
    skipped: list[str] = field(default_factory=list)  # refer to a record a curator deleted
    overwritten: list[str] = field(default_factory=list)  # --force only
    status_kept: list[str] = field(default_factory=list)  # the fixture's status differs; the database's stays


@dataclass(frozen=True)
class Plan:
    write: tuple[str, ...] = ()  # fields to set from the fixture
    conflict: Conflict | None = None
    status_kept: bool = False


def plan_update(
    *, model_label: str, key: Key, current: Digests, fixture: Digests, stored: Digests | None, force: bool
) -> Plan:
    """Decide what seed may do to an existing record, from digests of its current, fixture and loaded values."""
    differing = tuple(name for name in fixture if current.get(name) != fixture[name])
    if force or not differing:
        return Plan(write=differing)
    if stored is None:
        return Plan(conflict=Conflict(model_label, key, edited=(), differing=differing))
    # Fields the loader did not manage when the fingerprint was taken do not count as edits.
    edited = tuple(name for name in current if name in stored and stored[name] != current[name])
    if edited:
        return Plan(conflict=Conflict(model_label, key, edited=edited, differing=differing))
    write = tuple(name for name in differing if name not in NEVER_UPDATED)
    return Plan(write=write, status_kept=len(write) < len(differing))


class FingerprintBook:
    """The fingerprints of one seed run: read in one query, written in bulk at the end."""

    def __init__(self) -> None:
        self._stored: dict[tuple[str, str], SeedFingerprint] | None = None
        self._new: list[SeedFingerprint] = []
        self._changed: dict[int, SeedFingerprint] = {}
        self._naturals: dict[tuple[str, Any], Key] = {}

    # --- natural keys of related records ------------------------------------------------

    def note(self, obj: models.Model, key: Key) -> None:
        self._naturals[(obj._meta.label, obj.pk)] = key

    def natural(self, model: type[models.Model], pk: Any, obj: models.Model | None = None) -> Key:
        cache_key = (model._meta.label, pk)
        if cache_key not in self._naturals:  # only for records this run did not load or look up
            obj = obj if obj is not None else model._default_manager.get(pk=pk)
            self._naturals[cache_key] = tuple(str(part) for part in obj.natural_key())
        return self._naturals[cache_key]

    def digests(
        self,
        model: type[models.Model],
        read: Callable[[str], Any],
        names: Iterable[str],
        many: dict[str, Iterable[Any]],
    ) -> Digests:
        """Digest each field by name; `read` gives a value by attribute name (`parent_id` for `parent`)."""
        result = {}
        for name in names:
            model_field = model._meta.get_field(name)
            value = read(model_field.attname)
            if (model_field.many_to_one or model_field.one_to_one) and value is not None:
                value = self.natural(model_field.related_model, value)
            result[name] = digest(value)
        for name, pks in many.items():
            related = model._meta.get_field(name).related_model
            result[name] = digest(sorted(self.natural(related, pk) for pk in pks))
        return result

    # --- stored fingerprints ---------------------------------------------------------------

    @property
    def stored_fingerprints(self) -> dict[tuple[str, str], SeedFingerprint]:
        if self._stored is None:
            self._stored = {(fp.model, fp.record_key): fp for fp in SeedFingerprint.objects.all()}
        return self._stored

    def stored(self, model_label: str, key: Key) -> Digests | None:
        fingerprint = self.stored_fingerprints.get((model_label, json.dumps(key, ensure_ascii=False)))
        return fingerprint.digests if fingerprint is not None else None

    def remember(self, model_label: str, key: Key, digests: Digests) -> None:
        record_key = json.dumps(key, ensure_ascii=False)
        fingerprint = self.stored_fingerprints.get((model_label, record_key))
        if fingerprint is None:
            fingerprint = SeedFingerprint(model=model_label, record_key=record_key, digests=digests)
            self.stored_fingerprints[(model_label, record_key)] = fingerprint
            self._new.append(fingerprint)
        elif fingerprint.digests != digests:
            fingerprint.digests, fingerprint.loaded_at = digests, timezone.now()
            if fingerprint.pk is not None:
                self._changed[fingerprint.pk] = fingerprint

    def flush(self) -> None:
        SeedFingerprint.objects.bulk_create(self._new, batch_size=500)
        SeedFingerprint.objects.bulk_update(self._changed.values(), ["digests", "loaded_at"], batch_size=500)
        self._new, self._changed = [], {}
