"""Files → lines with their typography (size, bold, italic, position), page furniture marked.

The words are never rewritten: each line's whitespace runs become one space, and a footnote
marker (a superscript number) becomes a token the parser moves out of the running text.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

MARKER_OPEN, MARKER_CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{MARKER_OPEN}([^{MARKER_CLOSE}]*){MARKER_CLOSE}")
FOOTNOTE_RULE = re.compile(r"^_{5,}$")
PAGE_NUMBER = re.compile(r"^(page\s+)?\d+(\s*(/|of)\s*\d+)?$", re.IGNORECASE)
MARGIN = 0.1  # the top and bottom tenth of a page, where running heads and page numbers sit


class ExtractionError(ValueError):
    """The file cannot be read as a document of the kind its name says."""


@dataclass(frozen=True)
class Line:
    text: str
    page: int = 1
    x: float = 0.0
    size: float = 10.0
    bold: bool = False
    italic: bool = False
    in_margin: bool = False
    footnote: bool = False  # below a page's footnote rule, or in a smaller type at the foot
    furniture: bool = False  # a running head or page number repeated across pages


def normalise_whitespace(text: str) -> str:
    """The one change made to extracted text: every run of whitespace becomes one space, ends trimmed."""
    return " ".join(text.split())


def extract_lines(*, data: bytes, filename: str) -> list[Line]:
    name = filename.lower()
    try:
        if name.endswith(".pdf"):
            return _pdf_lines(data)
        if name.endswith(".docx"):
            return _docx_lines(data)
        if name.endswith((".txt", ".text")):
            return _text_lines(data)
    except ExtractionError:
        raise
    except Exception as error:  # the libraries raise many kinds of errors on a damaged file
        raise ExtractionError(f"{filename} could not be read: {error}") from error
    raise ExtractionError(f"{filename}: upload a PDF, a Word .docx or a plain .txt file.")


# --- PDF --------------------------------------------------------------------------


def _pdf_lines(data: bytes) -> list[Line]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    pages = []
    for page in extract_pages(io.BytesIO(data)):
        rows: dict[float, list] = {}
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for text_line in box:
                if not isinstance(text_line, LTTextLine):
                    continue
                key = next((y for y in rows if abs(y - text_line.y0) < 2.5), round(text_line.y0, 1))
                rows.setdefault(key, []).append(text_line)
        page_rows = []
        for y in sorted(rows, reverse=True):
            parts = sorted(rows[y], key=lambda line: line.x0)
            items = [item for part in parts for item in [*part, " "]]
            chars = [item for item in items if isinstance(item, LTChar)]
            if not chars:
                continue
            page_rows.append((y, parts[0].x0, items, chars))
        pages.append((page.height, page_rows))
    if not pages:
        raise ExtractionError("the PDF has no pages")

    lines = []
    for number, (height, rows) in enumerate(pages, start=1):
        for y, x, items, chars in rows:
            size = Counter(round(char.size, 1) for char in chars if char.get_text().strip()).most_common(1)
            size = size[0][0] if size else round(chars[0].size, 1)
            text = ""
            in_marker = False
            for item in items:
                piece = item if isinstance(item, str) else item.get_text()
                small = isinstance(item, LTChar) and item.size < size * 0.8 and piece.strip()
                if small and piece.isalnum():
                    if not in_marker:
                        text += MARKER_OPEN
                        in_marker = True
                elif in_marker:
                    text += MARKER_CLOSE
                    in_marker = False
                text += piece
            if in_marker:
                text += MARKER_CLOSE
            text = normalise_whitespace(text)
            if not text:
                continue
            fonts = Counter(char.fontname for char in chars if char.get_text().strip())
            font = fonts.most_common(1)[0][0] if fonts else ""
            lines.append(
                Line(
                    text=text,
                    page=number,
                    x=round(x, 1),
                    size=size,
                    bold="bold" in font.lower(),
                    italic="italic" in font.lower() or "oblique" in font.lower(),
                    in_margin=y > height * (1 - MARGIN) or y < height * MARGIN,
                )
            )
    return _mark_footnotes(_mark_furniture(lines, page_count=len(pages)))


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", MARKER.sub("", text)).strip().lower()


def _mark_furniture(lines: list[Line], *, page_count: int) -> list[Line]:
    """Running heads and page numbers: margin lines that recur on several pages, and bare page numbers."""
    pages_by_key: dict[str, set[int]] = {}
    for line in lines:
        if line.in_margin:
            pages_by_key.setdefault(_furniture_key(line.text), set()).add(line.page)
    recurring = {key for key, pages in pages_by_key.items() if len(pages) >= max(2, page_count * 0.3)}
    return [
        _replace(line, furniture=True)
        if line.in_margin and (_furniture_key(line.text) in recurring or PAGE_NUMBER.match(line.text))
        else line
        for line in lines
    ]


def _mark_footnotes(lines: list[Line]) -> list[Line]:
    """Lines under a page's footnote rule ("_____"), or a foot block set in smaller type."""
    body_size = Counter(line.size for line in lines if not line.furniture).most_common(1)
    body_size = body_size[0][0] if body_size else 10.0
    marked = []
    below_rule_on: int | None = None
    for index, line in enumerate(lines):
        if line.furniture:
            marked.append(line)
            continue
        if FOOTNOTE_RULE.match(line.text):
            below_rule_on = line.page
            marked.append(_replace(line, furniture=True))
            continue
        starts_note = line.text.startswith(MARKER_OPEN) and line.size < body_size * 0.95
        rest_is_small = all(
            later.size < body_size * 0.95 or later.furniture for later in lines[index:] if later.page == line.page
        )
        footnote = below_rule_on == line.page or (starts_note and rest_is_small)
        if footnote:
            below_rule_on = line.page
        marked.append(_replace(line, footnote=footnote))
    return marked


def _replace(line: Line, **changes) -> Line:
    from dataclasses import replace

    return replace(line, **changes)


# --- Word and plain text -----------------------------------------------------------


def _docx_lines(data: bytes) -> list[Line]:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = []
    for paragraph in document.paragraphs:
        text = ""
        for run in paragraph.runs:
            if run.font.superscript and run.text.strip():
                text += f"{MARKER_OPEN}{run.text.strip()}{MARKER_CLOSE}"
            else:
                text += run.text
        text = normalise_whitespace(text)
        if not text:
            continue
        runs = [run for run in paragraph.runs if run.text.strip()]
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        bold = style.startswith(("heading", "title")) or bool(runs) and all(run.bold for run in runs)
        italic = bool(runs) and all(run.italic for run in runs)
        lines.append(Line(text=text, bold=bold, italic=italic))
    return lines


def _text_lines(data: bytes) -> list[Line]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExtractionError("the text file is not UTF-8") from error
    raw = content.splitlines()
    lines = []
    for index, raw_line in enumerate(raw):
        text = normalise_whitespace(raw_line)
        if not text:
            continue
        # A short line standing alone between blank lines, without closing punctuation, is a heading.
        alone = (index == 0 or not raw[index - 1].strip()) and (index + 1 == len(raw) or not raw[index + 1].strip())
        heading = alone and len(text) < 100 and not text.endswith((".", ";", ":", ",")) and not text[0].isdigit()
        lines.append(Line(text=text, bold=heading, x=0.0 if raw_line[:1].strip() else 20.0))
    return lines
