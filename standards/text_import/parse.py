"""Lines → proposed provisions: parts, groups, sections, numbered provisions and their footnotes.

Three layouts are recognised, in this order: a heading line per provision ("Rule 1",
"Principle 2", "Guideline 3", "Article 4", "Preliminary observation 1"); decimal numbers opening
a paragraph ("1.1", as in the Tokyo Rules); numbered paragraphs ("1."). Inside a provision a
new paragraph starts at the next expected number ("1.", "2." …) or letter ("(a)", "(b)" …); any
other line continues the paragraph before it, joined with one space.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from standards.models import ProvisionKind
from standards.text_import.extract import MARKER, MARKER_CLOSE, MARKER_OPEN, Line, normalise_whitespace

HEADING_KINDS = {
    "rule": ProvisionKind.RULE,
    "principle": ProvisionKind.PRINCIPLE,
    "guideline": ProvisionKind.GUIDELINE,
    "article": ProvisionKind.ARTICLE,
    "preliminary observation": ProvisionKind.PRELIMINARY_OBSERVATION,
}
PROVISION_HEADING = re.compile(
    r"^(?P<kind>Rule|Principle|Guideline|Article|Preliminary observation)\s+(?P<number>\d+(?:\.\d+)*)\.?$",
    re.IGNORECASE,
)
DECIMAL_PARAGRAPH = re.compile(r"^(?P<number>\d+\.\d+)\.?\s+(?P<rest>\S.*)$")
NUMBERED_PARAGRAPH = re.compile(r"^(?P<number>\d+)\.\s+(?P<rest>\S.*)$")
LETTERED_PARAGRAPH = re.compile(r"^\((?P<letter>[a-z])\)\s")
PART_HEADING = re.compile(r"^(?P<part>[IVXL]+)\.\s+(?P<title>\S.*)$")
GROUP_HEADING = re.compile(r"^(?P<group>[A-Z])\.\s+(?P<title>\S.*)$")
DECIMAL_SECTION = re.compile(r"^(?P<number>\d+)\.\s+(?P<title>\S.*)$")
ANNEX = re.compile(r"^annex(\s+[IVX]+)?$", re.IGNORECASE)
PRELIMINARY_SECTION = "Preliminary observations"
# A footnote's anchor: a capitalised title just before the marker, else the words back to a function word.
FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
TITLE_CONNECTIVES = {"and", "of", "on", "the", "for", "in", "to"}


@dataclass
class ProposedProvision:
    kind: str
    number: str
    text: str = ""
    part: str = ""
    part_title: str = ""
    category: str = ""
    section: str = ""
    footnotes: list[dict] = field(default_factory=list)

    @property
    def ref(self) -> str:
        number = self.number.replace(".", "-")
        return f"po-{number}" if self.kind == ProvisionKind.PRELIMINARY_OBSERVATION else number

    @property
    def heading(self) -> str:
        return " / ".join(bit for bit in (self.category or self.part_title, self.section) if bit)

    def as_dict(self) -> dict:
        return {**asdict(self), "ref": self.ref}


@dataclass
class Proposal:
    provisions: list[ProposedProvision]
    warnings: list[str]
    skipped_lines: int  # preamble, title and page furniture left out


def parse_lines(lines: list[Line]) -> Proposal:
    footnote_texts = _footnote_texts([line for line in lines if line.footnote])
    body = [line for line in lines if not line.footnote and not line.furniture]
    body = _after_annex(body)
    body_size = Counter(line.size for line in body).most_common(1)[0][0] if body else 10.0
    layout = _layout(body)
    parser = _Parser(layout=layout, body_size=body_size)
    for line in body:
        parser.feed(line)
    parser.finish()
    provisions = parser.provisions
    warnings = _attach_footnotes(provisions, footnote_texts)
    warnings += check_provisions(provisions)
    return Proposal(provisions=provisions, warnings=warnings, skipped_lines=len(lines) - parser.used)


def _after_annex(body: list[Line]) -> list[Line]:
    """The annex is the instrument: everything before its "Annex" line (the resolution) is left out."""
    for index, line in enumerate(body):
        if ANNEX.match(line.text):
            return body[index + 1 :]
    return body


def _layout(body: list[Line]) -> str:
    if any(PROVISION_HEADING.match(line.text) for line in body):
        return "headings"
    if any(DECIMAL_PARAGRAPH.match(line.text) and not line.bold for line in body):
        return "decimal"
    return "paragraphs"


class _Parser:
    def __init__(self, *, layout: str, body_size: float):
        self.layout = layout
        self.body_size = body_size
        self.provisions: list[ProposedProvision] = []
        self.current: ProposedProvision | None = None
        self.paragraphs: list[str] = []
        self.heading_lines: list[Line] = []
        self.part = self.part_title = self.category = self.section = ""
        self.used = 0

    # A heading is set in bold at the body's size (a larger bold line is the instrument's title).
    def is_heading(self, line: Line) -> bool:
        return line.bold and abs(line.size - self.body_size) < 0.6 and not PROVISION_HEADING.match(line.text)

    def feed(self, line: Line) -> None:
        if self.is_heading(line):
            self.close_provision()
            if not line.text[:1].islower():  # a heading wrapped onto a second line continues in lower case
                self.flush_heading()
            self.heading_lines.append(line)
            return
        self.flush_heading()
        if line.bold and line.size > self.body_size + 0.6:
            return  # the instrument's title
        heading = PROVISION_HEADING.match(line.text)
        if heading:
            self.open_provision(HEADING_KINDS[heading["kind"].lower()], heading["number"])
            self.used += 1
            return
        if self.layout == "decimal" and (match := DECIMAL_PARAGRAPH.match(line.text)):
            self.open_provision(ProvisionKind.RULE, match["number"])
            self.add_text(match["rest"], new_paragraph=True)
            return
        if self.layout == "paragraphs" and (match := NUMBERED_PARAGRAPH.match(line.text)):
            opened = [p for p in (*self.provisions, self.current) if p and p.kind == ProvisionKind.PARAGRAPH]
            expected = str(len(opened) + 1)
            if self.current is None or match["number"] == expected:
                self.open_provision(ProvisionKind.PARAGRAPH, match["number"])
                self.add_text(match["rest"], new_paragraph=True)
                return
        if self.current is None:
            return  # text before the first provision: the annex's title or an introduction
        self.add_text(line.text, new_paragraph=self.starts_paragraph(line.text))

    def starts_paragraph(self, text: str) -> bool:
        if not self.paragraphs:
            return True
        numbered = [p for p in self.paragraphs if NUMBERED_PARAGRAPH.match(p)]
        match = NUMBERED_PARAGRAPH.match(text)
        if match and self.layout == "headings" and match["number"] == str(len(numbered) + 1):
            return True
        letter = LETTERED_PARAGRAPH.match(text)
        if letter:
            last = next((p for p in reversed(self.paragraphs) if not NUMBERED_PARAGRAPH.match(p)), None)
            previous = LETTERED_PARAGRAPH.match(self.paragraphs[-1])
            expected = chr(ord(previous["letter"]) + 1) if previous else "a"
            return letter["letter"] == expected and last is not None or letter["letter"] == "a"
        return False

    def add_text(self, text: str, *, new_paragraph: bool) -> None:
        self.used += 1
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append(text)
        else:
            self.paragraphs[-1] = f"{self.paragraphs[-1]} {text}"

    def open_provision(self, kind: str, number: str) -> None:
        self.close_provision()
        preliminary = kind == ProvisionKind.PRELIMINARY_OBSERVATION
        self.current = ProposedProvision(
            kind=kind,
            number=number,
            part="" if preliminary else self.part,
            part_title="" if preliminary else self.part_title,
            category="" if preliminary else self.category,
            section=PRELIMINARY_SECTION if preliminary else self.section,
        )

    def close_provision(self) -> None:
        if self.current is not None:
            self.current.text = "\n".join(normalise_whitespace(p) for p in self.paragraphs)
            self.provisions.append(self.current)
        self.current = None
        self.paragraphs = []

    def flush_heading(self) -> None:
        if not self.heading_lines:
            return
        text = normalise_whitespace(" ".join(line.text for line in self.heading_lines))
        self.used += len(self.heading_lines)
        self.heading_lines = []
        if match := PART_HEADING.match(text):
            self.part, self.part_title, self.category, self.section = match["part"], match["title"], "", ""
        elif match := GROUP_HEADING.match(text):
            self.category, self.section = text, match["title"]
        elif self.layout == "decimal" and (match := DECIMAL_SECTION.match(text)):
            self.section = match["title"]
        else:
            self.section = text

    def finish(self) -> None:
        self.flush_heading()
        self.close_provision()


# --- Footnotes ----------------------------------------------------------------------


def _footnote_texts(lines: list[Line]) -> dict[str, str]:
    notes: dict[str, list[str]] = {}
    current = None
    for line in lines:
        match = re.match(f"^{MARKER_OPEN}([^{MARKER_CLOSE}]+){MARKER_CLOSE}\\s*(.*)$", line.text)
        if match:
            current = match[1]
            notes[current] = [match[2]]
        elif current is not None:
            notes[current].append(MARKER.sub(r"\1", line.text))
    return {marker: normalise_whitespace(" ".join(parts)) for marker, parts in notes.items()}


def _anchor(before: str) -> str:
    words = before.split()
    if not words:
        return ""
    taken = [words.pop()]
    if taken[0][:1].isupper():
        while words and (words[-1][:1].isupper() or words[-1] in TITLE_CONNECTIVES):
            taken.insert(0, words.pop())
        while len(taken) > 1 and taken[0] in TITLE_CONNECTIVES:
            taken.pop(0)
    else:
        while words and words[-1].lower() not in FUNCTION_WORDS:
            taken.insert(0, words.pop())
    return " ".join(taken)


def _attach_footnotes(provisions: list[ProposedProvision], texts: dict[str, str]) -> list[str]:
    warnings = []
    for provision in provisions:
        if MARKER_OPEN not in provision.text:
            continue
        paragraphs = []
        for paragraph in provision.text.split("\n"):
            while match := MARKER.search(paragraph):
                marker = match[1]
                if marker not in texts:
                    warnings.append(
                        f"{provision.kind} {provision.number}: footnote {marker} has no text at the foot of a page."
                    )
                provision.footnotes.append(
                    {"marker": marker, "after": _anchor(paragraph[: match.start()]), "text": texts.get(marker, "")}
                )
                paragraph = normalise_whitespace(paragraph[: match.start()] + " " + paragraph[match.end() :])
            paragraphs.append(paragraph)
        provision.text = "\n".join(paragraphs)
    return warnings


# --- Warnings -----------------------------------------------------------------------


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(bit) for bit in number.split(".") if bit.isdigit())


def check_provisions(provisions: list[ProposedProvision]) -> list[str]:
    """Gaps in numbering, repeated numbers, empty texts and what looks like page furniture."""
    warnings = []
    if not provisions:
        warnings.append("No numbered provisions were found: check the file, or correct the list below by hand.")
    by_kind: dict[str, list[ProposedProvision]] = {}
    for provision in provisions:
        by_kind.setdefault(provision.kind, []).append(provision)
    for kind, group in by_kind.items():
        previous = None
        seen = set()
        for provision in group:
            key = _number_key(provision.number)
            if provision.number in seen:
                warnings.append(f"{kind} {provision.number} appears twice.")
            seen.add(provision.number)
            if previous is not None and key and previous:
                expected_next = (*previous[:-1], previous[-1] + 1)
                new_level = len(key) > 1 and key[:-1] == (previous[0] + 1,) and key[-1] == 1
                if key != expected_next and not new_level:
                    warnings.append(
                        f"Numbering gap: {kind} {'.'.join(map(str, previous))} is followed by {provision.number}."
                    )
            previous = key
    for provision in provisions:
        if not provision.text.strip():
            warnings.append(f"{provision.kind} {provision.number} has no text.")
        for paragraph in provision.text.split("\n"):
            if re.search(r"(^|\s)\d+\s*/\s*\d+$|^\d+$", paragraph) or re.search(r"\b[A-Z]/RES/\d+/\d+\b$", paragraph):
                warnings.append(f"{provision.kind} {provision.number}: “{paragraph[-40:]}” looks like page furniture.")
    return warnings
