"""Site search: one ranked, faceted, highlighted search over every kind of published content.

`run_search(params)` takes the query string (a QueryDict or any mapping) and returns a
`SearchOutcome`; the HTML page (`portal.views.search`) and the API (`portal.search_api`) both
call it, so they accept the same parameters and give the same results and facet counts.

Parameters: `q` (the words), `type`, `theme`, `goal`, `document` (facets), `page`, `page_size`.

On PostgreSQL each searchable table has a stored, GIN-indexed `search_vector` kept current by a
trigger (migration portal 0003): weighted A (title, short title, code) > B (summary, section
heading) > C (body text) > D (context), stemmed in English with accents folded (the
`portal_english` configuration). Queries use web-search syntax (`"quoted phrase"`, `or`,
`-exclusion`); a plain query of three or more words may miss one word, ranked below the
results that have them all. Results are ranked with ts_rank, snippets come from ts_headline,
and a query that finds nothing is corrected word by word against the site's vocabulary with
pg_trgm similarity ("did you mean").

On SQLite (the embedded default) the interface is the same, with a simpler match: every word
(with a crude plural folding) must occur in one of the entry's fields, ranked by where it occurs.

A search runs a fixed number of SQL queries whatever the number of results.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import BooleanField, CharField, F, Func, Q, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from portal.models import Goal, Indicator, PublicationStatus, Target, Theme
from programmes.models import Programme, ProgrammeTarget, Resource
from recommendations.models import Document, Recommendation, RecommendationKind, RecommendationTarget
from standards.models import Instrument, InstrumentKind, InstrumentTarget, Provision, ProvisionKind, ProvisionTarget

SEARCH_CONFIG = "portal_english"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FACETS = ("type", "theme", "goal", "document")
PARAMETERS = ("q", *FACETS, "page", "page_size")
FACET_HEADINGS = {"type": _("Type"), "theme": _("Theme"), "goal": _("SDG goal"), "document": _("Document")}
# Private-use characters mark highlights until the text is escaped; then they become <mark>.
MARK_START, MARK_STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 30
SQLITE_SNIPPET_CHARS = 220
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
# Within a type: a recommendation proper outweighs a question for discussion or a summary of views.
KIND_WEIGHTS = {
    ("recommendation", RecommendationKind.RECOMMENDATION): 1.3,
    ("recommendation", RecommendationKind.SUMMARY_OF_VIEWS): 0.9,
}
EDGE_PUNCTUATION = string.punctuation + "“”‘’«»„…–—·"
TOKEN = re.compile(r'(-?)"([^"]*)(?:"|$)|(\S+)')
CODE = re.compile(r"^\d{1,2}(\.[0-9a-z]{1,2}){1,2}$")
# Words too common to search for on SQLite (PostgreSQL uses its own English stop words).
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
     "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with")
)  # fmt: skip


# --- What can be found ----------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One kind of result: where it comes from, which fields weigh how much, how it links."""

    type: str
    label: str
    model: type
    queryset: Callable
    values: tuple[str, ...]
    weighted: dict[str, tuple[str, ...]]
    snippet: tuple[str, ...]
    describe: Callable[[dict], tuple[str, str, str, str]]  # (identifier, title, context, url)
    type_weight: float = 1.0
    code_field: str = ""
    document_field: str = ""
    goal_field: str = ""


def published(model):
    return lambda: model.objects.published()


def _instrument(row):
    title = row["short_title"] or row["title"]
    context = row["title"] if row["short_title"] else InstrumentKind(row["kind"]).label
    return row["slug"], title, context, reverse("standards:instrument-detail", kwargs={"slug": row["slug"]})


def _provision(row):
    instrument = row["instrument__short_title"] or row["instrument__title"]
    label = f"{ProvisionKind(row['kind']).label.lower()} {row['number']}"
    url = reverse("standards:provision-detail", kwargs={"slug": row["instrument__slug"], "ref": row["ref"]})
    return f"{row['instrument__slug']}/{row['ref']}", f"{instrument}, {label}", row["section"], url


def _programme(row):
    title = row["short_title"] or row["title"]
    context = row["title"] if row["short_title"] else ""
    return row["slug"], title, context, reverse("programmes:programme-detail", kwargs={"slug": row["slug"]})


def _resource(row):
    url = reverse("programmes:resource-detail", kwargs={"slug": row["slug"]})
    return row["slug"], row["title"], row["publisher"], url


def _document(row):
    title = row["symbol"] if row["is_un_symbol"] else row["title"]
    context = row["title"] if row["is_un_symbol"] else ""
    return row["symbol"], title, context, reverse("recommendations:document-detail", kwargs={"symbol": row["symbol"]})


def _recommendation(row):
    title = f"{row['document__symbol']}, para. {row['paragraph']}"
    context = RecommendationKind(row["kind"]).label
    url = reverse("recommendations:recommendation-detail", kwargs={"slug": row["slug"]})
    return row["slug"], title, context, url


def _target(row):
    url = reverse("portal:target-detail", kwargs={"code": row["code"]})
    return row["code"], f"Target {row['code']}", f"Goal {row['goal__code']}", url


def _indicator(row):
    url = reverse("portal:target-detail", kwargs={"code": row["target__code"]}) + f"#indicator-{row['code']}"
    return row["code"], f"Indicator {row['code']}", f"Target {row['target__code']}", url


SOURCES: tuple[Source, ...] = (
    Source(
        "instrument",
        _("Instruments"),
        Instrument,
        published(Instrument),
        ("slug", "title", "short_title", "kind"),
        {"A": ("title", "short_title", "resolution_symbol"), "B": ("summary",), "D": ("official_text_note",)},
        ("title", "summary"),
        _instrument,
        type_weight=1.5,
        code_field="resolution_symbol",
    ),
    Source(
        "provision",
        _("Provisions"),
        Provision,
        published(Provision),
        (
            "ref",
            "kind",
            "number",
            "section",
            "instrument_id",
            "instrument__slug",
            "instrument__title",
            "instrument__short_title",
        ),
        {
            "A": ("number",),
            "B": ("section", "category", "part_title"),
            "C": ("text",),
            "D": ("instrument__title", "instrument__short_title"),
        },
        ("section", "text"),
        _provision,
    ),
    Source(
        "programme",
        _("Programmes"),
        Programme,
        published(Programme),
        ("slug", "title", "short_title"),
        {"A": ("title", "short_title"), "B": ("summary",), "C": ("facts", "lead_entity", "partners")},
        ("title", "summary", "facts"),
        _programme,
        type_weight=1.1,
    ),
    Source(
        "resource",
        _("Tools and publications"),
        Resource,
        published(Resource),
        ("slug", "title", "publisher"),
        {"A": ("title",), "B": ("summary",), "C": ("facts", "publisher")},
        ("title", "summary", "facts"),
        _resource,
    ),
    Source(
        "recommendation",
        _("Recommendations"),
        Recommendation,
        published(Recommendation),
        ("slug", "paragraph", "kind", "document__symbol"),
        {"A": ("summary",), "C": ("text",), "D": ("addressee", "document__symbol")},
        ("text", "summary"),
        _recommendation,
        document_field="document__symbol",
    ),
    Source(
        "document",
        _("Documents"),
        Document,
        published(Document),
        ("symbol", "title", "is_un_symbol"),
        {"A": ("title", "symbol"), "B": ("summary",)},
        ("title", "summary"),
        _document,
        code_field="symbol",
        document_field="symbol",
    ),
    Source(
        "target",
        _("SDG targets"),
        Target,
        lambda: Target.objects.all(),
        ("code", "goal__code"),
        {"A": ("code",), "B": ("title",)},
        ("title",),
        _target,
        code_field="code",
        goal_field="goal__code",
    ),
    Source(
        "indicator",
        _("SDG indicators"),
        Indicator,
        lambda: Indicator.objects.all(),
        ("code", "target__code", "target__goal__code"),
        {"A": ("code",), "B": ("title",)},
        ("title",),
        _indicator,
        type_weight=0.8,
        code_field="code",
        goal_field="target__goal__code",
    ),
)
SOURCE_BY_TYPE = {source.type: source for source in SOURCES}
TYPE_NAMES = {
    "instrument": _("Instrument"),
    "provision": _("Provision"),
    "programme": _("Programme"),
    "resource": _("Tool or publication"),
    "recommendation": _("Recommendation"),
    "document": _("Document"),
    "target": _("SDG target"),
    "indicator": _("SDG indicator"),
}
TYPE_ORDER = {source.type: position for position, source in enumerate(SOURCES)}
# Through tables of the theme tags: (type, model, owner column).
THEMED = (
    ("instrument", Instrument, "instrument_id"),
    ("programme", Programme, "programme_id"),
    ("resource", Resource, "resource_id"),
    ("recommendation", Recommendation, "recommendation_id"),
    ("document", Document, "document_id"),
)
# Published links to SDG targets: (type, link model, owner column).
GOAL_LINKS = (
    ("instrument", InstrumentTarget, "instrument_id"),
    ("provision", ProvisionTarget, "provision_id"),
    ("programme", ProgrammeTarget, "programme_id"),
    ("recommendation", RecommendationTarget, "recommendation_id"),
)


# --- Parameters -----------------------------------------------------------------------


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

    def facet(self, name: str) -> str:
        return getattr(self, name)

    def query_string(self, **changes) -> str:
        """This search as a query string, with some parameters changed ("" or None drops one)."""
        from django.http import QueryDict

        values = {name: getattr(self, name) for name in ("q", *FACETS)}
        if self.page_size != PAGE_SIZE:
            values["page_size"] = self.page_size
        values.update(changes)
        query = QueryDict(mutable=True)
        for name in PARAMETERS:
            value = values.get(name)
            if value not in ("", None) and not (name == "page" and value == 1):
                query[name] = str(value)
        return query.urlencode()


@dataclass(frozen=True)
class FacetChoices:
    """The values each facet accepts, with their labels (three small queries)."""

    themes: dict[str, str]
    goals: dict[str, str]
    documents: dict[str, str]

    @classmethod
    def load(cls) -> FacetChoices:
        return cls(
            themes=dict(Theme.objects.published().order_by("position", "name").values_list("slug", "name")),
            goals={code: f"Goal {code}: {short}" for code, short in Goal.objects.values_list("code", "short_title")},
            documents={
                symbol: symbol if is_un else title
                for symbol, is_un, title in Document.objects.published().values_list("symbol", "is_un_symbol", "title")
            },
        )

    def labels(self, name: str) -> dict[str, str]:
        if name == "type":
            return {source.type: str(source.label) for source in SOURCES}
        return {"theme": self.themes, "goal": self.goals, "document": self.documents}[name]


def clean_text(value: str) -> str:
    return " ".join(value.replace("\x00", " ").split())


def parse_params(data: Mapping, choices: FacetChoices) -> tuple[SearchParams, list[Problem]]:
    """Read the query string; every problem names its parameter, and the search goes on without it."""
    problems: list[Problem] = []
    raw_q = data.get("q", "") or ""
    if "\x00" in raw_q:
        problems.append(Problem("q", "The search text contains a null character.", "null_characters_not_allowed"))
    q = clean_text(raw_q)
    if len(q) > MAX_QUERY_LENGTH:
        problems.append(
            Problem(
                "q",
                f"The search text is too long; use at most {MAX_QUERY_LENGTH} characters.",
                "max_length",
            )
        )
        q = ""
    values: dict = {"q": q}
    for name in FACETS:
        value = clean_text(data.get(name, "") or "")
        if value and value not in choices.labels(name):
            problems.append(Problem(name, f'Unknown {name} "{value[:80]}"; it was ignored.', "invalid_choice"))
            value = ""
        values[name] = value
    for name, default, cap in (("page", 1, None), ("page_size", PAGE_SIZE, MAX_PAGE_SIZE)):
        raw = (data.get(name, "") or "").strip()
        if not raw:
            values[name] = default
            continue
        if not raw.isascii() or not raw.isdigit() or not raw.strip("0"):
            problems.append(Problem(name, f'"{raw[:40]}" is not a positive whole number.'))
            values[name] = default
            continue
        number = int(raw) if len(raw) <= 9 else 10**9
        values[name] = min(number, cap) if cap else number
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


# --- Results ------------------------------------------------------------------------------


@dataclass
class Hit:
    type: str
    pk: int
    row: dict
    score: float
    keys: dict[str, set[str]] = field(default_factory=dict)
    identifier: str = ""
    title: str = ""
    context: str = ""
    url: str = ""
    snippet: SafeString = mark_safe("")

    @property
    def type_label(self) -> str:
        return str(TYPE_NAMES[self.type])


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    params: SearchParams
    problems: list[Problem]
    searched: bool = False  # a query was run
    hits: list[Hit] = field(default_factory=list)  # the current page
    count: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str = ""  # "did you mean"
    corrected: bool = False  # the results are those of the suggestion
    notice: str = ""
    page: int = 1
    pages: int = 0
    backend: str = ""
    choices: FacetChoices | None = None

    def active_filters(self) -> list[tuple[str, str, str]]:
        """(parameter, heading, label) of each facet value chosen."""
        return [
            (name, FACET_HEADINGS[name], self.choices.labels(name).get(value, value))
            for name in FACETS
            if (value := self.params.facet(name))
        ]

    @property
    def query_problems(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.parameter == "q"]


def run_search(data: Mapping) -> SearchOutcome:
    """The one search behind /search/ and /api/v1/search/."""
    choices = FacetChoices.load()
    params, problems = parse_params(data, choices)
    outcome = SearchOutcome(params=params, problems=problems, backend=connection.vendor, choices=choices)
    if not params.q or any(problem.parameter == "q" for problem in problems):
        return outcome
    parsed = parse_query(params.q)
    if not parsed.has_positive:
        outcome.notice = str(_("The search text has no words to look for; type some words."))
        return outcome
    engine = PostgresEngine() if connection.vendor == "postgresql" else SimpleEngine()
    hits, unknown = engine.find(parsed)
    if hits is None:
        outcome.notice = str(_("The search text has only very common words; add more specific ones."))
        return outcome
    outcome.searched = True
    if unknown:
        suggestion = engine.suggest(parsed, unknown)
        if suggestion and suggestion.lower() != params.q.lower():
            outcome.suggestion = suggestion
            if not hits:
                corrected_hits, _unknown = engine.find(parse_query(suggestion))
                if corrected_hits:
                    hits, outcome.corrected = corrected_hits, True
    attach_facet_keys(hits)
    selected = {name: params.facet(name) for name in FACETS if params.facet(name)}
    outcome.facets = facet_counts(hits, selected, choices)
    chosen = [hit for hit in hits if matches_facets(hit, selected)]
    chosen.sort(key=lambda hit: (-hit.score, TYPE_ORDER[hit.type], hit.title, hit.pk))
    outcome.count = len(chosen)
    outcome.pages = max(1, math.ceil(len(chosen) / params.page_size))
    outcome.page = params.page
    start = (params.page - 1) * params.page_size
    outcome.hits = chosen[start : start + params.page_size]
    if chosen and not outcome.hits:
        outcome.problems.append(
            Problem("page", f"Page {params.page} does not exist; the last page is {outcome.pages}.", "out_of_range")
        )
    engine.snippets(outcome.hits, parse_query(outcome.suggestion) if outcome.corrected else parsed)
    return outcome


def describe(hit: Hit) -> None:
    hit.identifier, hit.title, hit.context, hit.url = SOURCE_BY_TYPE[hit.type].describe(hit.row)


# --- Facets -------------------------------------------------------------------------------


def attach_facet_keys(hits: list[Hit]) -> None:
    """Type, themes, goals and document of every hit: two queries, whatever the number of hits."""
    themes: dict[tuple[str, int], set[str]] = defaultdict(set)
    goals: dict[tuple[str, int], set[str]] = defaultdict(set)
    if hits:
        theme_rows = None
        for kind, model, owner in THEMED:
            through = model.themes.through
            rows = (
                through.objects.filter(theme__status=PublicationStatus.PUBLISHED)
                .annotate(kind=Value(kind, output_field=CharField()))
                .values_list("kind", owner, "theme__slug")
                .order_by()
            )
            theme_rows = rows if theme_rows is None else theme_rows.union(rows, all=True)
        for kind, owner, slug in theme_rows:
            themes[(kind, owner)].add(slug)
        goal_rows = None
        for kind, model, owner in GOAL_LINKS:
            rows = (
                model.objects.published()
                .annotate(kind=Value(kind, output_field=CharField()))
                .values_list("kind", owner, "target__goal__code")
                .order_by()
            )
            goal_rows = rows if goal_rows is None else goal_rows.union(rows, all=True)
        for kind, owner, code in goal_rows:
            goals[(kind, owner)].add(code)
    for hit in hits:
        source = SOURCE_BY_TYPE[hit.type]
        key = (hit.type, hit.pk)
        hit_themes = themes.get(key, set())
        if hit.type == "provision":  # a provision carries its instrument's themes
            hit_themes = themes.get(("instrument", hit.row["instrument_id"]), set())
        hit_goals = set(goals.get(key, set()))
        if source.goal_field:
            hit_goals.add(hit.row[source.goal_field])
        hit.keys = {
            "type": {hit.type},
            "theme": set(hit_themes),
            "goal": hit_goals,
            "document": {hit.row[source.document_field]} if source.document_field else set(),
        }


def matches_facets(hit: Hit, selected: dict[str, str], ignore: str = "") -> bool:
    return all(value in hit.keys[name] for name, value in selected.items() if name != ignore)


def facet_counts(hits: list[Hit], selected: dict[str, str], choices: FacetChoices) -> dict[str, list[FacetValue]]:
    """Per facet, the results each value would give: counted with the other facets applied, so a
    value's count is exactly the number of results after choosing it."""
    facets = {}
    for name in FACETS:
        counts: Counter = Counter()
        for hit in hits:
            if matches_facets(hit, selected, ignore=name):
                counts.update(hit.keys[name])
        labels = choices.labels(name)
        current = selected.get(name, "")
        values = [FacetValue(v, labels.get(v, v), counts[v], v == current) for v in labels if counts[v] or v == current]
        if name in ("theme", "document"):
            values.sort(key=lambda facet: -facet.count)
        facets[name] = values
    return facets


# --- PostgreSQL ------------------------------------------------------------------------------


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
        for source in SOURCES:
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
                score = float(row["rank"]) * coverage**2 * weight(source, row)
                score += exact_code_bonus(source, row, parsed.text)
                hit = Hit(source.type, row["pk"], row, score)
                describe(hit)
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
            source = SOURCE_BY_TYPE[kind]
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
            cursor.execute(SUGGEST_SQL, [candidates])
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


def weight(source: Source, row: dict) -> float:
    return source.type_weight * KIND_WEIGHTS.get((source.type, row.get("kind")), 1.0)


def exact_code_bonus(source: Source, row: dict, text: str) -> float:
    """An exact SDG code or document symbol ("16.3", "A/CONF.234/5") puts that entry first."""
    if source.code_field and row.get(source.code_field) and row[source.code_field].lower() == text.strip().lower():
        return 10.0
    return 0.0


# The vocabulary: every word of the published content (unaccented, not stemmed), with the number
# of entries it occurs in. The words to correct are compared with it by trigram similarity.
VOCABULARY_SQL = " UNION ALL ".join(
    f"SELECT to_tsvector('simple', unaccent(concat_ws(' ', {columns}))) FROM {table}{where}"
    for table, columns, where in (
        ("standards_instrument", "title, short_title, summary", " WHERE status = 'published'"),
        ("standards_provision", "section, text", " WHERE status = 'published'"),
        ("programmes_programme", "title, short_title, summary, facts", " WHERE status = 'published'"),
        ("programmes_resource", "title, summary, facts", " WHERE status = 'published'"),
        ("recommendations_document", "title, summary", " WHERE status = 'published'"),
        ("recommendations_recommendation", "summary, text", " WHERE status = 'published'"),
        ("portal_target", "title", ""),
        ("portal_indicator", "title", ""),
    )
)
SUGGEST_SQL = f"""
WITH vocabulary AS MATERIALIZED (
    SELECT word, ndoc FROM ts_stat($vocabulary${VOCABULARY_SQL}$vocabulary$)
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


def marked(text: str) -> SafeString:
    """Escape the text, then turn the highlight markers into <mark> elements."""
    escaped = escape(text)
    escaped = escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    # A marker left unpaired (it cannot be, but never emit unbalanced HTML).
    if escaped.count("<mark>") != escaped.count("</mark>"):
        escaped = escape(text.replace(MARK_START, "").replace(MARK_STOP, ""))
    return mark_safe(escaped)  # noqa: S308 (escaped above; only <mark> is added)


# --- SQLite (and any other database) ------------------------------------------------------------


def fold(word: str) -> str:
    """A crude plural folding: 'prisons' -> 'prison', 'strategies' -> 'strategi'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class SimpleEngine:
    """Substring matching: every word (or phrase) in some field; ranked by the fields' weights."""

    def items(self, parsed: ParsedQuery) -> list[list[str]]:
        clauses = []
        for clause in parsed.clauses:
            alternatives = [fold(item) for item in clause if " " in item or item not in STOP_WORDS]
            if alternatives:
                clauses.append(alternatives)
        return clauses

    def find(self, parsed: ParsedQuery) -> tuple[list[Hit] | None, list[str]]:
        clauses = self.items(parsed)
        if not clauses:
            return None, []
        terms = [item for clause in clauses for item in clause]
        excluded = [fold(item) for item in parsed.excluded]
        hits = []
        for source in SOURCES:
            fields = [name for names in source.weighted.values() for name in names]

            def anywhere(term, fields=fields):
                return reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields))

            condition = reduce(and_, (reduce(or_, (anywhere(term) for term in clause)) for clause in clauses))
            for term in excluded:
                condition &= ~anywhere(term)
            wanted = {"pk", *source.values, *fields, *source.snippet}
            for row in source.queryset().filter(condition).values(*wanted):
                score = 0.0
                for term in terms:
                    score += max(
                        (WEIGHTS[weight] for weight, names in source.weighted.items()
                         if any(term in (row[name] or "").lower() for name in names)),
                        default=0.0,
                    )  # fmt: skip
                score = score / len(terms) * weight(source, row) + exact_code_bonus(source, row, parsed.text)
                hit = Hit(source.type, row["pk"], row, score)
                describe(hit)
                hits.append(hit)
        return hits, []

    def snippets(self, hits: list[Hit], parsed: ParsedQuery) -> None:
        terms = [item for clause in self.items(parsed) for item in clause]
        pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.I)
        for hit in hits:
            source = SOURCE_BY_TYPE[hit.type]
            text = " · ".join(value for name in source.snippet if (value := hit.row.get(name)))
            hit.snippet = highlight(text, pattern)

    def suggest(self, parsed: ParsedQuery, unknown: list[str]) -> str:
        return ""


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
