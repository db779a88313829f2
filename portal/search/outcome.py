"""The search as the page and the API see it: `run_search(params)` -> `SearchOutcome`."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.search.engines import engine_for_connection
from portal.search.facets import FacetChoices, FacetValue, attach_facet_keys, facet_counts, matches_facets
from portal.search.hits import Hit
from portal.search.query import FACET_HEADINGS, FACETS, FEW_RESULTS, Problem, SearchParams, parse_params, parse_query
from portal.search.sources import type_order

CROWDING = 0.7  # see spread_out
# With no facet chosen, the best this many results are ranked, faceted and paged (PostgreSQL): a common word in
# a large database matches tens of thousands of entries, and reading them all would cost seconds. The count
# stays exact; facet counts are then counted among these. Choosing a facet searches every result again.
RANKED_LIMIT = 2000


@dataclass
class SearchOutcome:
    params: SearchParams
    problems: list[Problem]
    searched: bool = False  # a query was run
    hits: list[Hit] = field(default_factory=list)  # the current page
    count: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)  # at most FACET_LIMIT values each
    other_count: dict[str, int] = field(default_factory=dict)  # per facet, the values not listed
    suggestion: str = ""  # "did you mean"
    corrected: bool = False  # the results are those of the suggestion
    notice: str = ""
    ranked: int = 0  # when the results are more than RANKED_LIMIT: how many were ranked and faceted
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


def spread_out(hits: list[Hit]) -> None:
    """Paragraphs of one document make way for other sources: the second paragraph of a document
    in the ranking counts CROWDING of its score, the third CROWDING², and so on."""
    seen: Counter = Counter()
    for hit in hits:
        if hit.type == "document" or not hit.keys.get("document"):
            continue
        document = min(hit.keys["document"])
        hit.score *= CROWDING ** seen[document]
        seen[document] += 1


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
    engine = engine_for_connection()
    selected = {name: params.facet(name) for name in FACETS if params.facet(name)}
    limit = None if selected else RANKED_LIMIT
    hits, unknown = engine.find(parsed, limit=limit)
    if hits is None:
        outcome.notice = str(_("The search text has only very common words; add more specific ones."))
        return outcome
    outcome.searched = True
    if unknown and len(hits) < FEW_RESULTS:
        suggestion = engine.suggest(parsed, unknown)
        if suggestion and suggestion.lower() != params.q.lower():
            outcome.suggestion = suggestion
            if not hits and params.correct:
                corrected_hits, _unknown = engine.find(parse_query(suggestion), limit=limit)
                if corrected_hits:
                    hits, outcome.corrected = corrected_hits, True
    attach_facet_keys(hits)
    outcome.facets, outcome.other_count = facet_counts(hits, selected, choices)
    chosen = [hit for hit in hits if matches_facets(hit, selected)]
    order = type_order()
    chosen.sort(key=lambda hit: (-hit.score, order[hit.type], hit.title, hit.pk))
    spread_out(chosen)
    chosen.sort(key=lambda hit: (-hit.score, order[hit.type], hit.title, hit.pk))
    outcome.count = len(chosen)
    if (found_in_all := engine.found_in_all) is not None and found_in_all > len(chosen):
        outcome.count, outcome.ranked = found_in_all, len(chosen)
    outcome.pages = max(1, math.ceil(len(chosen) / params.page_size))
    outcome.page = params.page
    start = (params.page - 1) * params.page_size
    outcome.hits = chosen[start : start + params.page_size]
    if chosen and not outcome.hits:
        outcome.problems.append(
            Problem(
                "page",
                gettext("Page %(page)s does not exist; the last page is %(last)s.")
                % {"page": params.page, "last": outcome.pages},
                "out_of_range",
            )
        )
    engine.snippets(outcome.hits, parse_query(outcome.suggestion) if outcome.corrected else parsed)
    return outcome
