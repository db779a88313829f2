"""PostgreSQL: stored weighted vectors, web-search syntax, ts_rank, ts_headline, pg_trgm suggestions.

Each searchable table has a stored, GIN-indexed `search_vector` kept current by a trigger
(migration portal 0003): weighted A (title, short title, code) > B (summary, section heading) >
C (body text) > D (context), stemmed in English with accents folded (the `portal_english`
configuration). A plain query of three or more words may miss one word, ranked below the results
that have them all; so may a query of two words that finds fewer than `FEW_RESULTS` with both.
A query that finds nothing is corrected word by word against the site's
vocabulary with pg_trgm similarity ("did you mean").
"""

import json
import re
from collections import defaultdict

from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.db import connection, transaction
from django.db.models import BooleanField, Case, CharField, ExpressionWrapper, F, FloatField, Func, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.translation import get_language

from portal.models import PublicationStatus
from portal.search.highlight import MARK_START, MARK_STOP, marked
from portal.search.hits import Hit
from portal.search.query import EDGE_PUNCTUATION, FEW_RESULTS, ParsedQuery
from portal.search.sources import as_rows, source_for, sources, union
from portal.search.vocabulary import equivalents

SEARCH_CONFIG = "portal_english"
SNIPPET_WORDS = 30
VARIANT_FACTOR = 0.8  # the rank of a match through a synonym or variant, relative to the word itself
TITLE_FACTOR = 2.0  # every word of a plain query in the entry's title (or an SDG target's topics)
# For the statement that finds and ranks the matches (its transaction only). The planner does not count what
# reading a stored vector costs, so on the default 4 it read every row of the larger tables where the index
# gives only the matching ones: at 100 times the content, "prison" 135 -> 101 ms; no change at normal size.
SEARCH_RANDOM_PAGE_COST = 1.1


class Matches(Func):
    """`vector @@ query`."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


LEXEME = re.compile(r"'(?:[^']|'')*'")  # a lexeme in a tsquery's text: quoted, inner quotes doubled


def of_weights(query: str, weights: str) -> str:
    """`query` matching only the words of those weights ('prison' -> 'prison':A): the vector's own index
    and positions answer it, where filtering the vector first (ts_filter) built a copy of it for every row."""
    assert weights.isalpha(), weights
    return LEXEME.sub(lambda lexeme: f"{lexeme.group(0)}:{weights.upper()}", query)


def tsquery(text: str):
    return Cast(Value(text), output_field=SearchQueryField())


class PostgresEngine:
    """Stored weighted vectors, web-search syntax, ts_rank, ts_headline, pg_trgm suggestions."""

    def analyse(self, parsed: ParsedQuery) -> tuple[str, list[tuple[str, str]]]:
        """The tsquery of the whole text, and of each plain word alone and with its curated
        equivalents ('' for a stop word): one query."""
        selects = ["websearch_to_tsquery(%s::regconfig, %s)::text"]
        params = [SEARCH_CONFIG, parsed.text]
        for word in parsed.words:
            variants = equivalents(word) if parsed.plain else []
            parts = ["plainto_tsquery(%s::regconfig, %s)"] + ["phraseto_tsquery(%s::regconfig, %s)"] * len(variants)
            selects += ["plainto_tsquery(%s::regconfig, %s)::text", f"({' || '.join(parts)})::text"]
            params += [SEARCH_CONFIG, word]
            for term in (word, *variants):
                params += [SEARCH_CONFIG, term]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            row = cursor.fetchone()
        return row[0], list(zip(row[1::2], row[2::2], strict=True))

    def find(self, parsed: ParsedQuery, limit: int | None = None) -> tuple[list[Hit] | None, list[str]]:
        """The hits (every one, or the best `limit` of them by score; then `found_in_all` says how many
        there are in all) and the words no entry has."""
        self.found_in_all = None
        full, per_word = self.analyse(parsed)
        # (word, its tsquery, its tsquery with its equivalents) of every word that is not a stop word.
        terms = [(word, own, wide) for word, (own, wide) in zip(parsed.words, per_word, strict=True) if own]
        if not full or ("!" in full and not terms and not parsed.phrases):
            return None, []
        # Three words or more: one may be missing. Two: one may be missing only when both words are
        # known and fewer than FEW_RESULTS entries have both ("victims compensation").
        relaxed = parsed.plain and len(terms) >= 2
        if parsed.plain and terms:
            own_query = " | ".join(f"({own})" for _word, own, _wide in terms)
            self.rank_query = " | ".join(f"({wide})" for _word, _own, wide in terms)
        else:
            own_query = self.rank_query = full
        with_variants = own_query != self.rank_query
        needed = len(terms) - 1 if relaxed else len(terms)
        partial: list[Hit] = []
        if relaxed:
            wanted = self.rank_query
        elif parsed.plain and terms:
            wanted = " & ".join(f"({wide})" for _word, _own, wide in terms)  # every word or an equivalent
        else:
            wanted = full
        vector = F("search_vector")
        condition = Matches(vector, tsquery(wanted))
        ranks = {"rank": SearchRank(vector, tsquery(own_query), normalization=Value(1))}
        if with_variants:
            ranks["variant_rank"] = SearchRank(vector, tsquery(self.rank_query), normalization=Value(1))
        alone = parsed.plain and len(terms) == 1  # the one word is the condition itself: every row has it
        every_word = " & ".join(f"({wide})" for _word, _own, wide in terms) if parsed.plain and terms else ""
        combined = union(
            as_rows(
                source,
                source.queryset().filter(condition),
                with_data=False,
                **ranks,
                titled=Matches(vector, tsquery(of_weights(every_word, source.title_weights)))
                if every_word and source.title_weights
                else Value(False),
                weight=source_weight(source),
                named=named_exactly(source, parsed.text),
                **{f"term_{i}": term_found(vector, term[2], alone) for i, term in enumerate(terms)},
            )
            for source in sources()
        )
        hits, partial, seen = [], [], [False] * len(terms)
        for result in best_rows(combined, len(terms), needed if parsed.plain else 0, with_variants, limit):
            source, row = source_for(result["result_type"]), {**result["data"], **result}
            found = [i for i in range(len(terms)) if row[f"term_{i}"]]
            seen = [row[f"seen_{i}"] for i in range(len(terms))]
            if limit is not None and result["matched"] > limit:
                self.found_in_all = result["complete"] if len(terms) < 3 else result["matched"]
            coverage = len(found) / len(terms) if (parsed.plain and terms) else 1.0
            # A match through an equivalent ("recidivism" for "reoffending") counts a little less.
            rank = max(float(row["rank"]), VARIANT_FACTOR * float(row.get("variant_rank", 0.0)))
            score = rank * coverage**2 * source.weight(row) * (TITLE_FACTOR if row["titled"] else 1.0)
            score += source.exact_code_bonus(row, parsed.text)
            hit = Hit(source.type, row["pk"], row, score)
            hit.describe()
            (hits if len(found) == len(terms) or len(terms) >= 3 else partial).append(hit)
        unknown = [word for i, (word, _own, _wide) in enumerate(terms) if not seen[i]]
        if self.found_in_all is not None:
            return hits, unknown  # more than `limit` results: the few-results fallbacks do not apply
        if not unknown and len(hits) < FEW_RESULTS:
            hits += partial
        unknown += [word for word, (own, _) in zip(parsed.words, per_word, strict=True) if not own and len(word) > 3]
        return hits, unknown

    def snippets(self, hits: list[Hit], parsed: ParsedQuery) -> None:
        """ts_headline for the hits of one page: one query, whatever the kinds of result on it."""
        if not hits:
            return
        by_type: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_type[hit.type].append(hit)
        query = tsquery(self.rank_query)
        rows = union(
            source.model.objects.filter(pk__in=[hit.pk for hit in group])
            .order_by()
            .annotate(
                result_type=Value(kind, output_field=CharField()),
                headline=SearchHeadline(
                    Func(Value(" · "), *[F(name) for name in source.snippet], function="concat_ws"),
                    query,
                    config=SEARCH_CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .values_list("result_type", "pk", "headline")
            for kind, group in by_type.items()
            for source in [source_for(kind)]
        )
        headlines = {(kind, pk): headline for kind, pk, headline in rows}
        for hit in hits:
            hit.snippet = marked(headlines.get((hit.type, hit.pk), ""))

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


def term_found(vector, query: str, alone: bool):
    return Value(True) if alone else Matches(vector, tsquery(query))


def source_weight(source):
    """`source.weight(row)` in SQL: the type's weight times its kind's factor."""
    if not source.kind_weights:
        return Value(source.type_weight, output_field=FloatField())
    return Case(
        *(When(kind=kind, then=Value(source.type_weight * factor)) for kind, factor in source.kind_weights.items()),
        default=Value(source.type_weight),
        output_field=FloatField(),
    )


def named_exactly(source, text: str):
    """Whether the entry may earn `source.exact_code_bonus` (its code or one of its names typed in full): so
    that an entry the bonus puts first is among the best rows however many there are. It may say yes for
    a few more (an alias containing the text); the bonus itself is decided in Python."""
    query = " ".join(text.lower().split())
    condition = Q()
    if source.code_field:
        condition |= Q(**{f"{source.code_field}__iexact": query})
        if "/" in query and query[:1].isdigit():
            condition |= Q(**{f"{source.code_field}__iendswith": f"/res/{query}"})
    for name in source.name_fields:
        lookup = "icontains" if source.model._meta.get_field(name).get_internal_type() == "JSONField" else "iexact"
        condition |= Q(**{f"{name}__{lookup}": query})
    if not condition:
        return Value(False)
    return ExpressionWrapper(condition, output_field=BooleanField())


def best_rows(combined, terms: int, needed: int, with_variants: bool, limit: int | None):
    """The rows of the search's UNION ALL query with at least `needed` of its `terms` words, best first and
    at most `limit` (all when None), with, on every row, `seen_<i>` (word i is in some row), `matched`
    (how many rows have `needed` words) and `complete` (how many have them all), and then each one's
    `data` (the columns its source describes it with, read for these rows only): one query. "Best" is
    the score `find` gives, in SQL, behind the entries named exactly (they earn the bonus)."""
    sql, params = compiled(combined)
    data_sql, data_params = chosen_data_sql()
    found = " + ".join(f"u.term_{i}::int" for i in range(terms)) or "0"
    rank = f"GREATEST(u.rank, {VARIANT_FACTOR} * u.variant_rank)" if with_variants else "u.rank"
    coverage = f"power(({found})::float / {terms}, 2)" if terms and needed else "1"
    score = f"{rank} * {coverage} * u.weight * CASE WHEN u.titled THEN {TITLE_FACTOR} ELSE 1 END"
    seen = "".join(f", bool_or(m.term_{i}) AS seen_{i}" for i in range(terms))
    # The matches are read once; the totals are one aggregate over them (window functions over every match
    # kept them all twice more), computed once (not again for each row it is joined to), the best a top-N sort.
    query = f"""
        WITH matches AS MATERIALIZED (
            SELECT u.*, {score} AS best, ({found}) AS found, ({found}) = {terms} AS all_found FROM ({sql}) u
        ), totals AS MATERIALIZED (
            SELECT count(*) FILTER (WHERE m.found >= %s) AS matched, count(*) FILTER (WHERE m.all_found) AS complete
                   {seen}
            FROM matches m
        ), best AS MATERIALIZED (
            SELECT m.* FROM matches m
            WHERE m.found >= %s
            ORDER BY m.named DESC, {"m.all_found DESC, " if terms < 3 else ""}m.best DESC, m.result_type, m.pk
            LIMIT %s
        )
        SELECT best.*, totals.*, d.data
        FROM best CROSS JOIN totals JOIN ({data_sql}) d ON d.result_type = best.result_type AND d.pk = best.pk
    """
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL random_page_cost = {SEARCH_RANDOM_PAGE_COST}")
        cursor.execute(query, [*params, needed, needed, limit, *data_params])
        names = [column.name for column in cursor.description]
        fetched = cursor.fetchall()
    # Yielded after the transaction ends: it stays open for the statement only, not while the caller works.
    for values in fetched:
        row = dict(zip(names, values, strict=True))
        if isinstance(row["data"], str):
            row["data"] = json.loads(row["data"])
        yield row


CHOSEN_OF_TYPE = "SELECT best.pk FROM best WHERE best.result_type = %s"  # `best`: the WITH of best_rows
_chosen_data: dict[str, tuple[list, str, tuple]] = {}


def chosen_data_sql() -> tuple[str, tuple]:
    """The columns of the rows `best_rows` chose, for every source: the same SQL for every search, so it is
    compiled once per language (the columns follow it) and set of registered sources, not on each search."""
    current, language = sources(), get_language()
    cached = _chosen_data.get(language)
    if cached is None or not same_objects(cached[0], current):
        sql, params = compiled(
            union(
                as_rows(source, source.model.objects.filter(pk__in=RawSQL(CHOSEN_OF_TYPE, (source.type,))))
                for source in current
            )
        )
        cached = _chosen_data[language] = (current, sql, params)
    return cached[1], cached[2]


def same_objects(these: list, those: list) -> bool:
    return len(these) == len(those) and all(this is that for this, that in zip(these, those, strict=True))


def compiled(queryset) -> tuple[str, tuple]:
    return queryset.query.get_compiler(using=queryset.db).as_sql()


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
# word wins, then the word found in more entries. A word of the vocabulary is never replaced.
SUGGEST_SQL = """
WITH vocabulary AS MATERIALIZED (
    SELECT word, ndoc FROM ts_stat($vocabulary${vocabulary}$vocabulary$)
    WHERE length(word) >= 3 AND word !~ '[0-9]'
)
SELECT w.word, CASE WHEN EXISTS (SELECT 1 FROM vocabulary v WHERE v.word = lower(unaccent(w.word))) THEN NULL ELSE (
    SELECT v.word FROM vocabulary v
    WHERE similarity(v.word, unaccent(w.word)) >= 0.3
    ORDER BY similarity(v.word, unaccent(w.word)) DESC, v.ndoc DESC, v.word
    LIMIT 1
) END
FROM unnest(%s::text[]) AS w(word)
"""
