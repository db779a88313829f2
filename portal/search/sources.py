"""What can be found: one `Source` per kind of result, registered by the app that owns the model.

Each app keeps a `search.py` module that calls `register(Source(...))`; `PortalConfig.ready()`
imports them all with `autodiscover_modules("search")`, as Django's admin finds each `admin.py`.
The search machinery knows only what is registered, so adding a content type is a change in
one app. Sources come back in the order of their `order` attribute: that is the order of the
`type` facet, of the API's result types, and the tie-break between equal scores.

Facet contributions ride on the source: `theme_owner` (tagged with themes), `themes_of` (carries
another result's themes), `goal_links` (published links to SDG targets; the same entries' links to a goal as a whole,
`portal.content.goal_link_models()`, count too), `goal_field` and
`document_field` (a column that is itself a goal code or a document symbol). The values the
`document` facet accepts come from `register_facet_values("document", loader)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db.models import CharField, F, Value
from django.db.models.functions import JSONObject


@dataclass(frozen=True)
class Source:
    """One kind of result: where it comes from, which fields weigh how much, how it links."""

    type: str  # the value of the `type` facet and the API's result type
    order: int  # position among the types (see the module docstring)
    label: str  # plural, in the type facet: "Instruments"
    name: str  # singular, on each result: "Instrument"
    model: type  # a model with a trigger-maintained `search_vector` (portal migration 0003)
    values: tuple[str, ...]  # the columns `describe` reads
    weighted: dict[str, tuple[str, ...]]  # fields by weight A > B > C > D (SQLite; the trigger on PostgreSQL)
    snippet: tuple[str, ...]  # fields the highlighted snippet is cut from
    describe: Callable[[dict], tuple[str, str, str, str]]  # row -> (identifier, title, context, url: reverse_lazy)
    vocabulary: tuple[str, ...] = ()  # columns whose words "did you mean" may suggest (PostgreSQL)
    published_only: bool = True  # only `model.objects.<public_method>()`; False for reference data
    public_method: str = "published"  # the queryset method giving what public output may show
    type_weight: float = 1.0
    # The vector weights that name what the entry is about: its title (A), and for an SDG target also
    # the topics its curated links express (D). Every query word there: the score is doubled (PostgreSQL).
    title_weights: str = "a"
    kind_weights: Mapping[str, float] = field(default_factory=dict)  # row["kind"] -> factor
    code_field: str = ""  # an exact match of the whole query on this column puts the entry first
    name_fields: tuple[str, ...] = ()  # so does an exact match on one of the names in these columns
    document_field: str = ""  # the `document` facet value of a result
    goal_field: str = ""  # the column holding the result's own SDG goal code
    theme_owner: str = ""  # tagged with themes: the owner column of `model.themes.through`
    themes_of: tuple[str, str] = ()  # (type, column): carries that result's themes, as a provision its instrument's
    goal_links: tuple[type, str] | None = None  # (link model to SDG targets, owner column)
    in_page_language: bool = False  # `describe` gives the page's language (the SDG texts); else English

    def queryset(self):
        return getattr(self.model.objects, self.public_method)() if self.published_only else self.model.objects.all()

    def row_fields(self) -> tuple[str, ...]:
        """The columns a result row carries: what `describe`, the weights and the facets read."""
        return tuple(dict.fromkeys((*self.values, *([self.code_field] if self.code_field else []), *self.name_fields)))

    def weight(self, row: dict) -> float:
        return self.type_weight * self.kind_weights.get(row.get("kind"), 1.0)

    def exact_code_bonus(self, row: dict, text: str) -> float:
        """An exact SDG code or document symbol ("16.3", "A/CONF.234/5") puts that entry first, and
        so does a resolution number as usually cited ("70/175" for A/RES/70/175) or one of the entry's
        names typed in full ("Kyoto Declaration", not the Fourth Congress's declaration held in Kyoto)."""
        code, query = (row.get(self.code_field) or "").lower(), " ".join(text.lower().split())
        if not query:
            return 0.0
        if code and (code == query or ("/" in query and query[:1].isdigit() and code.endswith(f"/res/{query}"))):
            return 10.0
        if query in self.names(row):
            return 10.0
        return 0.0

    def names(self, row: dict) -> set[str]:
        """The entry's names ("Kyoto Declaration", its official title, its other names), lower case."""
        names = set()
        for field_name in self.name_fields:
            value = row.get(field_name) or []
            for name in [value] if isinstance(value, str) else value:
                names.add(" ".join(str(name).lower().split()))
        return names


_sources: dict[str, Source] = {}
_facet_values: dict[str, Callable[[], dict[str, str]]] = {}


def register(source: Source) -> Source:
    """Make a kind of result searchable; call it from the owning app's `search.py`."""
    if source.type in _sources:
        raise ImproperlyConfigured(f'The search type "{source.type}" is already registered.')
    taken = {other.order: other.type for other in _sources.values()}
    if source.order in taken:
        raise ImproperlyConfigured(
            f'The search type "{source.type}" has order {source.order}, already taken by "{taken[source.order]}".'
        )
    _sources[source.type] = source
    return source


def unregister(type: str) -> None:
    del _sources[type]


def sources() -> list[Source]:
    """Every registered source, in their `order`."""
    return sorted(_sources.values(), key=lambda source: source.order)


def source_for(type: str) -> Source:
    return _sources[type]


def as_rows(source: Source, queryset, fields: tuple[str, ...] = (), *, with_data: bool = True, **annotations):
    """The matching rows of one source in the shape shared by every source, so that one
    `UNION ALL` query reads them all: (result_type, pk, *annotations, data), where `data` is a
    JSON object of the source's own columns (left out with `with_data=False`)."""
    columns = fields or source.row_fields()
    data = {"data": JSONObject(**{name: F(name) for name in columns})} if with_data else {}
    return (
        queryset.order_by()
        .annotate(result_type=Value(source.type, output_field=CharField()), **annotations, **data)
        .values("result_type", "pk", *annotations, *data)
    )


def union(querysets):
    """One query for all: `a UNION ALL b UNION ALL ...` (None when there is none)."""
    combined = None
    for queryset in querysets:
        combined = queryset if combined is None else combined.union(queryset, all=True)
    return combined


def type_order() -> dict[str, int]:
    return {source.type: source.order for source in _sources.values()}


def register_facet_values(facet: str, loader: Callable[[], dict[str, str]]) -> None:
    """The values a facet accepts, with their labels: `loader()` runs one query per search."""
    if facet in _facet_values:
        raise ImproperlyConfigured(f'The values of the search facet "{facet}" are already registered.')
    _facet_values[facet] = loader


def facet_values(facet: str) -> dict[str, str]:
    loader = _facet_values.get(facet)
    return loader() if loader else {}
