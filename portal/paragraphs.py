"""The source documents' paragraphs: parsing the seed texts into an index, and reading citations against it.

The index (`fixtures/sources/paragraphs.json`, built by `manage.py build_paragraph_index`) holds one
entry per numbered paragraph (its lettered sub-paragraphs included), per brochure section, and one
for each document's header, summary and table of contents: {symbol, locator, heading, footnotes,
text}. Text is the seed's own, with only whitespace and the seed's markup (Markdown emphasis and
links, footnote call-outs) removed; a call-out becomes an entry in `footnotes`.

`cited_entries(symbol, locator)` reads a citation as the fixtures write it ("para 21",
"paras 12-14", "para 44 (b)", "para 84 fn 31", "section 'X'", "sections 'X' and 'Y'", "header",
"Summary") and answers the index entries it cites.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
CALLOUT = re.compile(rf"<sup>(\d+)</sup>|([{SUPERSCRIPTS}]+)")
FOOTNOTE = re.compile(rf"^(?:<sup>(\d+)</sup>|([{SUPERSCRIPTS}]+)|\\\*|\^\{{\*\}})\s*(.*)$")
PARAGRAPH = re.compile(r"^(?:- )?(\d+)\.\s+(.*)$")
SUBPARAGRAPH = re.compile(r"^\s*(?:- )?\(([a-z]+)\)\s")
PAGE_FURNITURE = re.compile(r"^(?:---|_|V\.\d\d-\d+ \d+/\d+|\s*<i>Page</i>)$")
INLINE_ITEM = re.compile(r"(?:[:;,]|\band)\s+\(([a-z]+)\)\s")  # "namely: (a) ...; (b) ...; and (c) ..."
ROMAN_HEADING = re.compile(r"^[IVX]+\.\s")
HEADING = re.compile(r"^(?:[IVX]+|[A-H])\.\s|^(?:Agenda item|Workshop|Sustainable Development Goal) \d+")
TERMINAL = tuple('.?!;:"”)')


def plain(line: str) -> str:
    """The seed's text without its markup: Markdown links and emphasis, call-outs, escapes; whitespace collapsed."""
    line = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", line)
    line = CALLOUT.sub("", line)
    line = re.sub(r"</?i>|(?<!\\)\*+|^#+\s*", "", line.strip())
    line = line.replace("\\*", "*").replace("^{*}", "*")
    return " ".join(line.split())


def callouts(line: str) -> list[str]:
    numbers = []
    for html, unicode in CALLOUT.findall(line):
        numbers.append(html or unicode.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))
    return numbers


@dataclass
class Entry:
    symbol: str
    locator: str
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    footnote_numbers: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.footnote_numbers += [n for n in callouts(line) if n not in self.footnote_numbers]
        if item := SUBPARAGRAPH.match(line):
            self.items.append(item[1])
        text = plain(line.strip().removeprefix("- "))  # a list bullet is the seed's markup
        if text:
            self.lines.append(text)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Repair:
    """A paragraph whose number the seed lost or displaced, numbered from the sequence (fixtures/sources/README.md)."""

    starts_with: str
    number: int
    displaced: str = ""  # the number as it stands misplaced inside the line, removed from the text


@dataclass(frozen=True)
class SourceFormat:
    symbol: str
    repairs: tuple[Repair, ...] = ()
    sections: tuple[tuple[str, str], ...] = ()  # brochure: (heading line as printed, section name)


def parse_numbered(fmt: SourceFormat, text: str) -> list[dict]:
    """Entries of a document with numbered paragraphs: header, Summary, contents, then para 1, 2, ..."""
    header = Entry(fmt.symbol, "header")
    entries, notes = [header], {}
    current, state, heading = header, "header", ""
    last_number, pending, stacked = 0, [], []  # stacked: the headings printed since the last paragraph
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or PAGE_FURNITURE.match(line.strip()):
            continue
        footnote = FOOTNOTE.match(line)
        if footnote:
            number = footnote[1] or (footnote[2] or "").translate(str.maketrans(SUPERSCRIPTS, "0123456789")) or "*"
            notes.setdefault(number, []).append(plain(footnote[3]))
            if number == "*":
                header.footnote_numbers.append("*")
            continue
        for repair in fmt.repairs:
            if plain(line.removeprefix("- ")).startswith(repair.starts_with):
                line = f"{repair.number}. " + line.removeprefix("- ").replace(repair.displaced, "", 1)
        paragraph = PARAGRAPH.match(line)
        if paragraph and int(paragraph[1]) == last_number + 1:
            last_number = int(paragraph[1])
            current = Entry(fmt.symbol, f"para {last_number}", heading)
            current.footnote_numbers, pending, stacked = pending, [], []  # notes called from the heading above
            current.add(paragraph[2])
            entries.append(current)
            state = "body"
            continue
        stripped = plain(line)
        if state == "header" and stripped == "Summary":
            current, state = Entry(fmt.symbol, "Summary"), "summary"
            entries.append(current)
            continue
        if state == "header" and stripped == "Contents":
            current, state = Entry(fmt.symbol, "contents"), "contents"
            entries.append(current)
            continue
        if state in ("summary", "contents") and ROMAN_HEADING.match(stripped) and "\t" not in line:
            state = "headings"  # the first chapter heading ends the summary or the table of contents
        if state in ("header", "summary", "contents"):
            current.add(line)
            continue
        if state == "heading" and (SUBPARAGRAPH.match(line) or stripped[:1].islower()):
            heading = f"{heading} {stripped}"  # a chapter heading that lists its parts: "(a) Terrorism ..."
            stacked[-1:] = [f"{stacked[-1]} {stripped}"] if stacked else []
            continue
        if state == "body" and HEADING.match(stripped):
            state = "heading"  # a chapter heading; a topic heading inside a list ("Technical assistance") is not
        if state == "body" and (SUBPARAGRAPH.match(line) or line.startswith((" ", "\t", "- "))):
            current.add(line)
            continue
        if state == "body" and (stripped[:1].islower() or not current.text.endswith(TERMINAL) or is_text(stripped)):
            current.add(line)  # the paragraph goes on after a page break, or in a second block of its own
            continue
        stacked.append(stripped)
        heading, pending = " / ".join(stacked), pending + callouts(line)
    return [entry_dict(entry, notes) for entry in entries if entry.lines]


def is_text(line: str) -> bool:
    """A block of running text rather than a heading: a full sentence ending as sentences end."""
    return line.endswith(TERMINAL) and len(line) > 60


def entry_dict(entry: Entry, notes: dict[str, list[str]]) -> dict:
    return {
        "symbol": entry.symbol,
        "locator": entry.locator,
        "heading": entry.heading,
        "items": list(dict.fromkeys(entry.items + INLINE_ITEM.findall(entry.text))),
        "footnotes": [{"number": n, "text": " ".join(notes.get(n, []))} for n in entry.footnote_numbers],
        "text": entry.text,
    }


def parse_sections(fmt: SourceFormat, text: str) -> list[dict]:
    """The brochure: one entry per section heading (`section 'Access to Justice'`), its title block as `header`."""
    expected = list(fmt.sections)  # in the order they are printed: "eLearning" is first a word in a list
    current = Entry(fmt.symbol, "header")
    entries = [current]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if expected and line == expected[0][0]:
            current = Entry(fmt.symbol, f"section '{expected.pop(0)[1]}'")
            entries.append(current)
            continue
        current.add(line.removeprefix("- "))
    return [entry_dict(entry, {}) for entry in entries if entry.lines]


BROCHURE_SECTIONS = (
    ("Background", "Background"),
    ("HOLISTIC APPROACH:", "Holistic approach"),
    ("FIVE THEMATIC AREAS", "Five thematic areas"),
    ("INNOVATIVE TRAINING TOOLS", "Innovative training tools"),
    ("AREAS OF INTERVENTION:", "Areas of intervention"),
    ("Access to Justice", "Access to Justice"),
    ("Crime Prevention", "Crime Prevention"),
    ("Gender-responsive Justice", "Gender-responsive Justice"),
    (
        "Ending Violence Against Children and Justice For Children",
        "Ending Violence Against Children and Justice For Children",
    ),
    ("Prison and Penal Reform", "Prison and Penal Reform"),
    ("eLearning", "eLearning"),
)

# The five seed files, by the number that starts their name, and how the portal keys each document.
SOURCES = {
    "000": SourceFormat("A/CONF.234/5"),
    "001": SourceFormat("CONGRESS14-DRAFT-REPORT-ITEM4"),
    "002": SourceFormat("GP-BROCHURE", sections=BROCHURE_SECTIONS),
    "003": SourceFormat("A/CONF.234/PM.1"),
    "004": SourceFormat(
        "E/CN.15/2022/9",
        repairs=(
            Repair("The present report places emphasis", 2),
            Repair("Six years after the adoption", 3),
            Repair("In the area of legal aid, UNODC and UN-Women, in collaboration with", 20, displaced="20. "),
            Repair("In Egypt, UNODC trained mid-level", 34),
            Repair("UNODC continued to receive requests", 56),
        ),
    ),
}


def parse_source(fmt: SourceFormat, text: str) -> list[dict]:
    return parse_sections(fmt, text) if fmt.sections else parse_numbered(fmt, text)


# Reading citations against the index.

INDEX_PATH = Path("sources") / "paragraphs.json"
SECTIONS = re.compile(r"^sections? (.+)$")
PARAGRAPHS = re.compile(r"^paras? (.+)$")
PARAGRAPH_ITEM = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?((?:\s*\([a-z]+\))*)(?:\s*fn (\d+))?$")


class UnknownLocator(ValueError):
    """A locator that names no paragraph, section, sub-paragraph or footnote of its document."""


@cache
def load_index(path: Path | None = None) -> dict[str, dict[str, dict]]:
    """The committed index: {symbol: {locator: entry}}."""
    path = path or Path(settings.FIXTURES_DIR) / INDEX_PATH
    index: dict[str, dict[str, dict]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        index.setdefault(entry["symbol"], {})[entry["locator"]] = entry
    return index


def indexed(symbol: str) -> bool:
    return symbol in load_index()


@dataclass(frozen=True)
class Cited:
    """One paragraph a citation names, narrowed to the sub-paragraphs or footnote it gives, if any."""

    entry: dict
    items: tuple[str, ...] = ()
    footnote: str = ""

    @property
    def text(self) -> str:
        """The cited words: a sub-paragraph with its paragraph's opening words; the footnote named, or all of them."""
        text = self.entry["text"]
        if self.items:
            text = " ".join([_chapeau(self.entry), *(_item_text(self.entry, item) for item in self.items)])
        notes = [n["text"] for n in self.entry["footnotes"] if not self.footnote or n["number"] == self.footnote]
        return " ".join([text, *notes])


def _item_start(entry: dict, item: str) -> int:
    return entry["text"].find(f"({item}) ")


def _chapeau(entry: dict) -> str:
    first = _item_start(entry, entry["items"][0])
    return entry["text"][:first].strip() if first > 0 else ""


def _item_text(entry: dict, item: str) -> str:
    start, items = _item_start(entry, item), entry["items"]
    following = items[items.index(item) + 1] if items.index(item) + 1 < len(items) else None
    end = entry["text"].find(f"({following}) ", start + 1) if following else -1
    return entry["text"][start : end if end > start else None].strip()


def cited_entries(symbol: str, locator: str) -> list[dict]:
    """The index entries a citation names; `UnknownLocator` if any part of it names nothing in the document.

    A sub-paragraph ("para 44 (b)") or footnote ("para 84 fn 31") must exist in its paragraph;
    the entry returned is the whole paragraph (sub-paragraphs and footnotes included).
    """
    return [cited.entry for cited in cited_parts(symbol, locator)]


def cited_parts(symbol: str, locator: str) -> list[Cited]:
    entries = load_index().get(symbol)
    if entries is None:
        raise UnknownLocator(f"{symbol} is not one of the indexed source documents")
    found: list[Cited] = []
    for part in (piece.strip() for piece in locator.split(";")):
        found += _cited_part(entries, part, symbol)
    return found


def _cited_part(entries: dict[str, dict], part: str, symbol: str) -> list[Cited]:
    if part in entries:
        return [Cited(entries[part])]
    if sections := SECTIONS.match(part):
        names = re.findall(r"'([^']+)'", sections[1])
        missing = [name for name in names if f"section '{name}'" not in entries]
        if not names or missing:
            raise UnknownLocator(f"{symbol} has no section {missing or sections[1]!r}")
        return [Cited(entries[f"section '{name}'"]) for name in names]
    paragraphs = PARAGRAPHS.match(part)
    if not paragraphs:
        raise UnknownLocator(f"{symbol}: cannot read the locator {part!r}")
    found = []
    for item in (piece.strip() for piece in paragraphs[1].split(",")):
        match = PARAGRAPH_ITEM.match(item)
        if not match:
            raise UnknownLocator(f"{symbol}: cannot read {item!r} in {part!r}")
        first, last = int(match[1]), int(match[2] or match[1])
        letters = tuple(re.findall(r"\(([a-z]+)\)", match[3]))
        for number in range(first, last + 1):
            entry = entries.get(f"para {number}")
            if entry is None:
                raise UnknownLocator(f"{symbol} has no para {number}")
            for letter in letters:
                if letter not in entry["items"]:
                    raise UnknownLocator(f"{symbol} para {number} has no sub-paragraph ({letter})")
            if match[4] and match[4] not in {note["number"] for note in entry["footnotes"]}:
                raise UnknownLocator(f"{symbol} para {number} carries no footnote {match[4]}")
            found.append(Cited(entry, letters, match[4] or ""))
    return found


def cited_text(symbol: str, locator: str) -> str:
    """What a citation points at, as one string: the words of the paragraphs, sub-paragraphs and footnotes it names."""
    return " ".join(cited.text for cited in cited_parts(symbol, locator))
