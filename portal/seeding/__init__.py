"""Load the curated content in `fixtures/` into the database.

The format of each file is documented in `fixtures/README.md`. Each app registers the stages
that load its files (`<app>/loaders.py`, see `portal.seeding.registry`). Loading is an upsert by
natural key: a record that already matches the database is left untouched (its `updated_at`
does not move), so running the loader twice changes nothing. A record a curator changed or
deleted since it was loaded is never overwritten or re-created (the rules are in
`portal.seeding.fingerprints`). Any problem raises `SeedError` naming the file, the record and
what is wrong; the whole load runs in one transaction so a failure leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.db import transaction

from portal.seeding.fingerprints import DeletedByCurator
from portal.seeding.links import CURATED_KEYS, LINK_KEYS
from portal.seeding.loader import Loader
from portal.seeding.reader import SeedError
from portal.seeding.registry import Stage, register, register_citations, stages, unregister
from portal.seeding.report import SeedReport
from portal.versioning import one_change

__all__ = [
    "CURATED_KEYS",
    "LINK_KEYS",
    "Loader",
    "SeedError",
    "SeedReport",
    "Stage",
    "register",
    "register_citations",
    "seed",
    "stages",
    "unregister",
]


def seed(
    fixtures_dir: Path, *, only: Iterable[str] | None = None, dry_run: bool = False, force: bool = False
) -> SeedReport:
    """Load every curated fixture in one transaction; roll back on error or when dry_run.

    Curators' changes are kept unless `force` (see portal.seeding.fingerprints).
    """
    with transaction.atomic(), one_change():
        try:
            report = Loader(fixtures_dir, force=force).run(only=only)
        except DeletedByCurator as exc:  # a reference outside any record; each record skips its own
            raise SeedError(fixtures_dir, f"refers to {exc}, which a curator deleted") from None
        if dry_run:
            transaction.set_rollback(True)
    return report
