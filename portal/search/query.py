"""The search parameters and the search text: reading the query string, parsing web-search syntax.

Parameters: `q` (the words), `type`, `theme`, `goal`, `document` (facets), `page`, `page_size`.
Every problem names its parameter; the search goes on without the bad value.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from portal.search.facets import FacetChoices

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Fewer results than this: "did you mean" is offered, and a two-word query may miss a word.
FEW_RESULTS = 5
FACETS = ("type", "theme", "goal", "document")
PARAMETERS = ("q", *FACETS, "page", "page_size", "correct")
FACET_HEADINGS = {"type": _("Type"), "theme": _("Theme"), "goal": _("SDG goal"), "document": _("Document")}
EDGE_PUNCTUATION = string.punctuation + "“”‘’«»„…–—·"
TOKEN = re.compile(r'(-?)"([^"]*)(?:"|$)|(\S+)')


@dataclass(frozen=True)
class Problem:
    parameter: str
    message: str
    code: str = "invalid"


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    type: str = ""
    theme: str = ""
    goal: str = ""
    document: str = ""
    page: int = 1
    page_size: int = PAGE_SIZE
    correct: bool = True  # False: search for exactly what was typed, never the "did you mean"

    def facet(self, name: str) -> str:
        return getattr(self, name)

    def query_string(self, **changes) -> str:
        """This search as a query string, with some parameters changed ("" or None drops one)."""
        from django.http import QueryDict

        values = {name: getattr(self, name) for name in ("q", *FACETS)}
        if self.page_size != PAGE_SIZE:
            values["page_size"] = self.page_size
        if not self.correct:
            values["correct"] = "0"
        values.update(changes)
        query = QueryDict(mutable=True)
        for name in PARAMETERS:
            value = values.get(name)
            if value not in ("", None) and not (name == "page" and value == 1):
                query[name] = str(value)
        return query.urlencode()


def clean_text(value: str) -> str:
    return " ".join(value.replace("\x00", " ").split())


def parse_params(data: Mapping, choices: FacetChoices) -> tuple[SearchParams, list[Problem]]:
    """Read the query string; every problem names its parameter, and the search goes on without it."""
    problems: list[Problem] = []
    raw_q = data.get("q", "") or ""
    if "\x00" in raw_q:
        problems.append(
            Problem("q", gettext("The search text contains a null character."), "null_characters_not_allowed")
        )
    q = clean_text(raw_q)
    if len(q) > MAX_QUERY_LENGTH:
        problems.append(
            Problem(
                "q",
                gettext("The search text is too long; use at most %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH},
                "max_length",
            )
        )
        q = ""
    values: dict = {"q": q}
    for name in FACETS:
        value = clean_text(data.get(name, "") or "")
        if value and value not in choices.labels(name):
            message = gettext('Unknown %(parameter)s "%(value)s"; it was ignored.') % {
                "parameter": name,
                "value": value[:80],
            }
            problems.append(Problem(name, message, "invalid_choice"))
            value = ""
        values[name] = value
    for name, default, cap in (("page", 1, None), ("page_size", PAGE_SIZE, MAX_PAGE_SIZE)):
        raw = (data.get(name, "") or "").strip()
        if not raw:
            values[name] = default
            continue
        if not raw.isascii() or not raw.isdigit() or not raw.strip("0"):
            problems.append(Problem(name, gettext('"%(value)s" is not a positive whole number.') % {"value": raw[:40]}))
            values[name] = default
            continue
        number = int(raw) if len(raw) <= 9 else 10**9
        values[name] = min(number, cap) if cap else number
    raw_correct = (data.get("correct", "") or "").strip().lower()
    if raw_correct in ("0", "false", "no"):
        values["correct"] = False
    elif raw_correct not in ("", "1", "true", "yes"):
        message = gettext('"%(value)s" is not one of 1/0, true/false, yes/no.') % {"value": raw_correct[:40]}
        problems.append(Problem("correct", message))
    return SearchParams(**values), problems


# --- The query --------------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """The words of a query, as websearch_to_tsquery reads them."""

    text: str
    words: list[str]  # positive plain words, lower case, in order
    phrases: list[str]
    excluded: list[str]
    clauses: list[list[str]]  # AND of ORs over words and phrases (SQLite)
    plain: bool

    @property
    def has_positive(self) -> bool:
        return bool(self.words or self.phrases)


def parse_query(text: str) -> ParsedQuery:
    words, phrases, excluded, clauses = [], [], [], []
    plain, pending_or = True, False
    for match in TOKEN.finditer(text):
        negated, quoted, bare = match.groups()
        if quoted is not None:
            item = clean_text(quoted).lower()
            plain = False
            if not any(ch.isalnum() for ch in item):
                continue
            if negated:
                excluded.append(item)
                continue
            phrases.append(item)
        else:
            if bare.lower() == "or":
                pending_or, plain = bool(clauses), False
                continue
            is_negated = bare.startswith("-") and len(bare) > 1
            item = bare.strip(EDGE_PUNCTUATION).lower()
            if not any(ch.isalnum() for ch in item):
                continue
            if is_negated:
                excluded.append(item)
                plain = False
                continue
            if item not in words:
                words.append(item)
        if pending_or:
            clauses[-1].append(item)
            pending_or = False
        else:
            clauses.append([item])
    return ParsedQuery(text, words[:MAX_TERMS], phrases[:MAX_TERMS], excluded[:MAX_TERMS], clauses[:MAX_TERMS], plain)
