"""Highlighting: the matched words in <mark>, everything else escaped.

Both engines mark matches with private-use characters first (PostgreSQL's ts_headline, or the
SQLite window below); `marked` escapes the text and only then turns the markers into <mark>.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Private-use characters mark highlights until the text is escaped; then they become <mark>.
MARK_START, MARK_STOP = "\ue000", "\ue001"
SQLITE_SNIPPET_CHARS = 220


def marked(text: str) -> SafeString:
    """Escape the text, then turn the highlight markers into <mark> elements."""
    escaped = escape(text)
    escaped = escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    # A marker left unpaired (it cannot be, but never emit unbalanced HTML).
    if escaped.count("<mark>") != escaped.count("</mark>"):
        escaped = escape(text.replace(MARK_START, "").replace(MARK_STOP, ""))
    return mark_safe(escaped)  # noqa: S308 (escaped above; only <mark> is added)


def highlight(text: str, pattern: re.Pattern) -> SafeString:
    """A window of the text around the first match, every match marked, everything escaped."""
    first = pattern.search(text)
    start = max(0, first.start() - SQLITE_SNIPPET_CHARS // 3) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    window = text[start : start + SQLITE_SNIPPET_CHARS]
    if start + SQLITE_SNIPPET_CHARS < len(text):
        window = window.rsplit(" ", 1)[0] + " …"
    if start:
        window = "… " + window

    def wrap(match):
        # Mark the whole word the match starts, as PostgreSQL marks the whole word.
        return f"{MARK_START}{match.group(0)}{MARK_STOP}"

    word_pattern = re.compile(rf"\w*(?:{pattern.pattern})\w*", re.I)
    return marked(word_pattern.sub(wrap, window))
