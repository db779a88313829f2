"""Site search: one ranked, faceted, highlighted search over every kind of published content.

`run_search(params)` takes the query string (a QueryDict or any mapping) and returns a
`SearchOutcome`; the HTML page (`portal.views.search`) and the API (`portal.search_api`) both
call it, so they accept the same parameters and give the same results and facet counts.

What lives where:
- `sources.py`: the `Source` of each kind of result and the registry (`register`, `sources()`).
  Each app registers its own in its `search.py` (found by `PortalConfig.ready()`); the portal's
  SDG targets and indicators are registered in `sdg.py`.
- `query.py`: the parameters (`q`, `type`, `theme`, `goal`, `document`, `page`, `page_size`) and
  the web-search syntax (`"quoted phrase"`, `or`, `-exclusion`).
- `engines/`: PostgreSQL full-text search (stored weighted vectors, ts_rank, ts_headline, pg_trgm
  "did you mean") and the SQLite fallback (every word in some field, ranked by field weight).
- `vocabulary.py`: synonyms and spelling variants a query word also finds (`register_synonyms`).
- `triggers.py`: the SQL of the `search_vector` triggers, for the migrations of the apps.
- `facets.py`: type, theme, SDG goal and document of each result, and the count of each value.
- `highlight.py`: snippets with the matched words in <mark>, everything else escaped.
- `outcome.py`: `run_search` and `SearchOutcome`.

A search runs a fixed number of SQL queries whatever the number of results.
"""

from portal.search import sdg  # noqa: F401  (registers the SDG targets and indicators)
from portal.search.facets import FACET_LIMIT, FacetChoices, FacetValue
from portal.search.hits import Hit
from portal.search.outcome import RANKED_LIMIT, SearchOutcome, run_search
from portal.search.query import (
    FACET_HEADINGS,
    FACETS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    PARAMETERS,
    Problem,
    SearchParams,
)
from portal.search.sources import Source, register, register_facet_values, sources, unregister
from portal.search.vocabulary import equivalents, register_synonyms

__all__ = [
    "FACET_LIMIT",
    "FACET_HEADINGS",
    "FACETS",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_LENGTH",
    "PAGE_SIZE",
    "PARAMETERS",
    "RANKED_LIMIT",
    "FacetChoices",
    "FacetValue",
    "Hit",
    "Problem",
    "SearchOutcome",
    "SearchParams",
    "Source",
    "register",
    "equivalents",
    "register_facet_values",
    "register_synonyms",
    "run_search",
    "sources",
    "unregister",
]
