"""The proposal as an editable outline, so the curator can move a boundary before importing.

    ### rule 12
    Part: I
    Part title: Rules of general application
    Group:
    Section: Accommodation
    Footnote: 28 | criminal justice, | See rule 67 of …

    1. Where sleeping accommodation is in individual cells …
    2. Where dormitories are used …

One block per provision; its header names the kind and number, the fields follow, a blank
line, then the text (one paragraph a line). Moving a line from one block to the next moves it.
"""

from __future__ import annotations

import re

from standards.models import ProvisionKind
from standards.text_import.extract import normalise_whitespace
from standards.text_import.parse import ProposedProvision

BLOCK = re.compile(r"^###\s+(?P<kind>[a-z_ ]+?)\s+(?P<number>\S+)\s*$", re.IGNORECASE)
FIELDS = {"part": "Part", "part_title": "Part title", "category": "Group", "section": "Section"}
KINDS = {label.lower(): value for value, label in ProvisionKind.choices} | {
    value: value for value in ProvisionKind.values
}


class OutlineError(ValueError):
    pass


def to_outline(provisions: list[ProposedProvision]) -> str:
    blocks = []
    for provision in provisions:
        lines = [f"### {provision.kind} {provision.number}"]
        lines += [f"{label}: {getattr(provision, name)}".rstrip() for name, label in FIELDS.items()]
        lines += [f"Footnote: {note['marker']} | {note['after']} | {note['text']}" for note in provision.footnotes]
        lines += ["", provision.text]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def from_outline(outline: str) -> list[ProposedProvision]:
    provisions: list[ProposedProvision] = []
    current: ProposedProvision | None = None
    paragraphs: list[str] = []
    in_fields = False
    for number, raw in enumerate(outline.splitlines(), start=1):
        line = normalise_whitespace(raw)
        if match := BLOCK.match(line):
            kind = KINDS.get(match["kind"].lower().strip())
            if kind is None:
                raise OutlineError(f"line {number}: “{match['kind']}” is not a kind of provision.")
            if current is not None:
                current.text = "\n".join(paragraphs)
                provisions.append(current)
            current, paragraphs, in_fields = ProposedProvision(kind=kind, number=match["number"]), [], True
            continue
        if current is None:
            if line:
                raise OutlineError(f"line {number}: text before the first “### kind number” header.")
            continue
        if in_fields:
            if not line:
                in_fields = False
                continue
            label, _, value = line.partition(":")
            name = next((name for name, field_label in FIELDS.items() if field_label.lower() == label.lower()), None)
            if name is not None:
                setattr(current, name, value.strip())
            elif label.lower() == "footnote":
                marker, after, text = ([bit.strip() for bit in value.split("|", 2)] + ["", ""])[:3]
                current.footnotes.append({"marker": marker, "after": after, "text": text})
            else:
                raise OutlineError(f"line {number}: unknown field “{label}”.")
            continue
        if line:
            paragraphs.append(line)
    if current is not None:
        current.text = "\n".join(paragraphs)
        provisions.append(current)
    return provisions
