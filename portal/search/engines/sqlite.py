"""SQLite (and any other database): every word (with a crude plural folding) must occur in one of
the entry's fields, ranked by the weight of the fields it occurs in."""

import re
import unicodedata
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from portal.search.highlight import highlight
from portal.search.hits import Hit
from portal.search.query import ParsedQuery
from portal.search.sources import as_rows, source_for, sources, union
from portal.search.vocabulary import equivalents

WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
# Words too common to search for on SQLite (PostgreSQL uses its own English stop words).
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
     "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with")
)  # fmt: skip


def fold(word: str) -> str:
    """A crude plural folding: 'prisons' -> 'prison', 'strategies' -> 'strategi'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def field_names(source) -> list[str]:
    return [name for names in source.weighted.values() for name in names]


class SimpleEngine:
    """Substring matching: every word (or phrase) in some field; ranked by the fields' weights."""

    def items(self, parsed: ParsedQuery) -> list[list[str]]:
        clauses = []
        for clause in parsed.clauses:
            items = [item for item in clause if " " in item or item not in STOP_WORDS]
            with_variants = [*items, *(other for item in items for other in equivalents(item))]
            with_variants += [unaccented(item) for item in with_variants]  # "Mandéla" finds "Mandela"
            alternatives = list(dict.fromkeys(fold(item) for item in with_variants))
            if alternatives:
                clauses.append(alternatives)
        return clauses

    found_in_all = None  # every match is read: the embedded database is small

    def find(self, parsed: ParsedQuery, limit: int | None = None) -> tuple[list[Hit] | None, list[str]]:
        clauses = self.items(parsed)
        if not clauses:
            return None, []
        excluded = [fold(item) for item in parsed.excluded]

        def anywhere(term, fields):
            return reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields))

        def matching(source):
            fields = field_names(source)
            condition = reduce(and_, (reduce(or_, (anywhere(term, fields) for term in clause)) for clause in clauses))
            for term in excluded:
                condition &= ~anywhere(term, fields)
            wanted = tuple(dict.fromkeys((*source.row_fields(), *fields, *source.snippet)))
            return as_rows(source, source.queryset().filter(condition), wanted)

        hits = []
        for result in union(matching(source) for source in sources()):  # one query, every source
            source, row = source_for(result["result_type"]), {**result["data"], "pk": result["pk"]}
            # Each clause scores the weight of the best field any of its alternatives occurs in.
            score = sum(
                max(
                    (WEIGHTS[weight] for term in clause for weight, names in source.weighted.items()
                     if any(term in str(row[name] or "").lower() for name in names)),
                    default=0.0,
                )
                for clause in clauses
            )  # fmt: skip
            score = score / len(clauses) * source.weight(row) + source.exact_code_bonus(row, parsed.text)
            hit = Hit(source.type, row["pk"], row, score)
            hit.describe()
            hits.append(hit)
        return hits, []

    def snippets(self, hits: list[Hit], parsed: ParsedQuery) -> None:
        terms = [item for clause in self.items(parsed) for item in clause]
        pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.I)
        for hit in hits:
            source = source_for(hit.type)
            text = " · ".join(value for name in source.snippet if (value := hit.row.get(name)))
            hit.snippet = highlight(text, pattern)

    def suggest(self, parsed: ParsedQuery, unknown: list[str]) -> str:
        return ""
