"""What an import would change: the proposal compared, provision by provision, with what is stored."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from standards.models import Instrument, Provision
from standards.text_import.parse import ProposedProvision

COMPARED_FIELDS = ["kind", "number", "part", "part_title", "category", "section", "text", "footnotes"]


@dataclass
class Change:
    proposed: ProposedProvision
    stored: Provision
    fields: list[str]
    text_diff: str


@dataclass
class TextDiff:
    added: list[ProposedProvision] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: list[ProposedProvision] = field(default_factory=list)
    missing: list[Provision] = field(default_factory=list)  # stored, not in the document: kept, never deleted

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed)


def diff_against_stored(*, instrument: Instrument, provisions: list[ProposedProvision]) -> TextDiff:
    stored = {provision.ref: provision for provision in Provision.objects.filter(instrument=instrument)}
    result = TextDiff()
    for proposed in provisions:
        existing = stored.pop(proposed.ref, None)
        if existing is None:
            result.added.append(proposed)
            continue
        fields = [name for name in COMPARED_FIELDS if getattr(existing, name) != getattr(proposed, name)]
        if not fields:
            result.unchanged.append(proposed)
            continue
        text_diff = "\n".join(
            difflib.unified_diff(
                existing.text.splitlines(), proposed.text.splitlines(), "stored", "document", lineterm="", n=1
            )
        )
        result.changed.append(Change(proposed=proposed, stored=existing, fields=fields, text_diff=text_diff))
    result.missing = sorted(stored.values(), key=lambda provision: provision.position)
    return result
