"""PostgreSQL: stored weighted vectors, web-search syntax, ts_rank, ts_headline, pg_trgm suggestions.

Each searchable table has a stored, GIN-indexed `search_vector` kept current by a trigger
(migration portal 0003): weighted A (title, short title, code) > B (summary, section heading) >
C (body text) > D (context), stemmed in English with accents folded (the `portal_english`
configuration). A plain query of three or more words may miss one word, ranked below the results
that have them all. A query that finds nothing is corrected word by word against the site's
vocabulary with pg_trgm similarity ("did you mean").
"""

from collections import Counter, defaultdict

from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import BooleanField, F, Func, Value
from django.db.models.functions import Cast

from portal.models import PublicationStatus
from portal.search.highlight import MARK_START, MARK_STOP, marked
from portal.search.hits import Hit
from portal.search.query import EDGE_PUNCTUATION, ParsedQuery
from portal.search.sources import source_for, sources

SEARCH_CONFIG = "portal_english"
SNIPPET_WORDS = 30


class Matches(Func):
    """`vector @@ query`."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def tsquery(text: str):
    return Cast(Value(text), output_field=SearchQueryField())


class PostgresEngine:
    """Stored weighted vectors, web-search syntax, ts_rank, ts_headline, pg_trgm suggestions."""

    def analyse(self, parsed: ParsedQuery) -> tuple[str, list[str]]:
        """The tsquery of the whole text and of each plain word ('' for a stop word): one query."""
        selects = ["websearch_to_tsquery(%s::regconfig, %s)::text"]
        params = [SEARCH_CONFIG, parsed.text]
        for word in parsed.words:
            selects.append("plainto_tsquery(%s::regconfig, %s)::text")
            params += [SEARCH_CONFIG, word]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            row = cursor.fetchone()
        return row[0], list(row[1:])

    def find(self, parsed: ParsedQuery) -> tuple[list[Hit] | None, list[str]]:
        full, per_word = self.analyse(parsed)
        terms = [(word, text) for word, text in zip(parsed.words, per_word, strict=True) if text]
        if not full or ("!" in full and not terms and not parsed.phrases):
            return None, []
        relaxed = parsed.plain and len(terms) >= 3
        if parsed.plain and terms:
            self.rank_query = " | ".join(f"({text})" for _word, text in terms)
        else:
            self.rank_query = full
        needed = len(terms) - 1 if relaxed else len(terms)
        vector = F("search_vector")
        condition = Matches(vector, tsquery(self.rank_query if relaxed else full))
        hits, seen = [], Counter()
        for source in sources():
            rows = (
                source.queryset()
                .filter(condition)
                .annotate(
                    rank=SearchRank(vector, tsquery(self.rank_query), normalization=Value(1)),
                    **{f"term_{i}": Matches(vector, tsquery(text)) for i, (_word, text) in enumerate(terms)},
                )
                .values("pk", "rank", *source.values, *([source.code_field] if source.code_field else []),
                        *[f"term_{i}" for i in range(len(terms))])
            )  # fmt: skip
            for row in rows:
                found = [i for i in range(len(terms)) if row[f"term_{i}"]]
                seen.update(found)
                if parsed.plain and len(found) < needed:
                    continue
                coverage = len(found) / len(terms) if (parsed.plain and terms) else 1.0
                score = float(row["rank"]) * coverage**2 * source.weight(row)
                score += source.exact_code_bonus(row, parsed.text)
                hit = Hit(source.type, row["pk"], row, score)
                hit.describe()
                hits.append(hit)
        unknown = [word for i, (word, _text) in enumerate(terms) if not seen[i]]
        unknown += [word for word, text in zip(parsed.words, per_word, strict=True) if not text and len(word) > 3]
        return hits, unknown

    def snippets(self, hits: list[Hit], parsed: ParsedQuery) -> None:
        """ts_headline for the hits of one page: at most one query per kind of result."""
        if not hits:
            return
        by_type: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_type[hit.type].append(hit)
        query = tsquery(self.rank_query)
        for kind, group in by_type.items():
            source = source_for(kind)
            text = Func(Value(" · "), *[F(name) for name in source.snippet], function="concat_ws")
            headline = SearchHeadline(
                text,
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=SNIPPET_WORDS,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
            rows = dict(
                source.model.objects.filter(pk__in=[hit.pk for hit in group])
                .annotate(headline=headline)
                .values_list("pk", "headline")
            )
            for hit in group:
                hit.snippet = marked(rows.get(hit.pk, ""))

    def suggest(self, parsed: ParsedQuery, unknown: list[str]) -> str:
        """Replace each unknown word by the most similar word of the site's vocabulary (pg_trgm)."""
        candidates = [word for word in unknown if word.isalpha() and len(word) >= 3]
        if not candidates:
            return ""
        with connection.cursor() as cursor:
            cursor.execute(SUGGEST_SQL.replace("{vocabulary}", vocabulary_sql()), [candidates])
            replacements = {word: best for word, best in cursor.fetchall() if best}
        # Keep the writer's capitals: "Mandella" -> "Mandela".
        if not replacements:
            return ""
        return " ".join(
            recased(word, replacements.get(word.strip(EDGE_PUNCTUATION).lower())) for word in parsed.text.split()
        )


def recased(word: str, replacement: str | None) -> str:
    if not replacement:
        return word
    return replacement.capitalize() if word[:1].isupper() else replacement


def vocabulary_sql() -> str:
    """Every word of the published content (unaccented, not stemmed): the columns each source names."""
    return " UNION ALL ".join(
        f"SELECT to_tsvector('simple', unaccent(concat_ws(' ', {', '.join(source.vocabulary)}))) "
        f"FROM {source.model._meta.db_table}"
        + (f" WHERE status = '{PublicationStatus.PUBLISHED.value}'" if source.published_only else "")
        for source in sources()
        if source.vocabulary
    )


# The words to correct are compared with the vocabulary by trigram similarity; the most similar
# word wins, then the word found in more entries.
SUGGEST_SQL = """
WITH vocabulary AS MATERIALIZED (
    SELECT word, ndoc FROM ts_stat($vocabulary${vocabulary}$vocabulary$)
    WHERE length(word) >= 3 AND word !~ '[0-9]'
)
SELECT w.word, (
    SELECT v.word FROM vocabulary v
    WHERE similarity(v.word, unaccent(w.word)) >= 0.3
    ORDER BY similarity(v.word, unaccent(w.word)) DESC, v.ndoc DESC, v.word
    LIMIT 1
)
FROM unnest(%s::text[]) AS w(word)
"""
