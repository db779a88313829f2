"""What a seed run did: counts per model and state, and what it left to the curators."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models

from portal.seeding.fingerprints import CurationReport


@dataclass
class SeedReport:
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    curation: CurationReport = field(default_factory=CurationReport)
    stages: list[str] = field(default_factory=list)  # the stages that ran, in order

    def add(self, model: type[models.Model], state: str) -> None:
        self.counts[model._meta.label][state] += 1

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{label}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            + (f", {c['conflict']} left alone (changed by curators)" if c["conflict"] else "")
            + (f", {c['deleted']} not re-created (deleted by curators)" if c["deleted"] else "")
            for label, c in sorted(self.counts.items())
        ]
