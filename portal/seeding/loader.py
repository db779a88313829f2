"""One seed run: the registered stages in order, reading, checking and writing through one `Loader`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from portal.seeding.fingerprints import FingerprintBook
from portal.seeding.links import Links
from portal.seeding.reader import SeedError
from portal.seeding.registry import Stage, stages
from portal.seeding.report import SeedReport


class Loader(Links):
    """What a stage's `load` function receives: `read`/`records`/`record`/`check_keys` (reader),
    `upsert`/`index` (writer), `lookup`/`curated`/`evidence`/`links`/`themes` (links)."""

    def __init__(self, fixtures_dir: Path, *, force: bool = False):
        super().__init__()
        self.fixtures_dir = Path(fixtures_dir)
        self.force = force  # reset curated records to the fixtures
        self.report = SeedReport()
        self.book = FingerprintBook()
        self.stage: Stage | None = None

    def run(self, only: Iterable[str] | None = None) -> SeedReport:
        wanted = set(only or [])
        names = {stage.name for stage in stages()}
        if unknown := wanted - names:
            raise SeedError(
                "seed", f"unknown stage(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(names))}"
            )
        for stage in stages():
            if not wanted or stage.name in wanted:
                self.stage = stage
                stage.load(self)
                self.report.stages.append(stage.name)
        self.stage = None
        self.book.flush()
        return self.report
