"""Facets: what each result is (type, themes, SDG goals, document) and how many results each value gives."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, CharField, F, Func, Value
from django.utils.translation import gettext

from portal.content import goal_link_models
from portal.models import Goal, PublicationStatus, Theme
from portal.search.hits import Hit
from portal.search.query import FACETS
from portal.search.sources import facet_values, source_for, sources, union

FACET_LIMIT = 10  # values listed per facet, whatever the size of the database


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetChoices:
    """The values each facet accepts, with their labels (three small queries)."""

    values: dict[str, dict[str, str]]

    @classmethod
    def load(cls) -> FacetChoices:
        themes = Theme.objects.published().order_by("position", "name").values_list("slug", "name")
        goals = Goal.objects.only("code", "short_title", "short_titles")
        return cls(
            {
                "type": {source.type: str(source.label) for source in sources()},
                "theme": dict(themes),
                "goal": {
                    goal.code: gettext("Goal %(code)s: %(title)s")
                    % {"code": goal.code, "title": goal.local_short_title}
                    for goal in goals
                },
                "document": facet_values("document"),
            }
        )

    def labels(self, name: str) -> dict[str, str]:
        return self.values[name]


class OneOf(Func):
    """`column = ANY(array)`: the hits' ids as one array parameter (PostgreSQL), however many there are."""

    template = "%(expressions)s = ANY(%(array)s)"
    output_field = BooleanField()

    def __init__(self, column: str, ids: set[int]):
        super().__init__(F(column), array=ids)

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, array="%s", **extra)
        return sql, (*params, sorted(self.extra["array"]))


def owned_by(queryset, column: str, ids: set[int]):
    """The rows of `queryset` whose `column` is one of `ids`. On PostgreSQL the facet keys are read for
    the hits only; elsewhere (SQLite, the small embedded database, whose number of parameters is bounded)
    for every entry, and the hits' are picked in Python."""
    if connection.vendor != "postgresql":
        return queryset
    return queryset.filter(OneOf(column, ids))


def attach_facet_keys(hits: list[Hit]) -> None:
    """Type, themes, goals and document of every hit: one query, whatever the number of hits."""
    themes: dict[tuple[str, int], set[str]] = defaultdict(set)
    goals: dict[tuple[str, int], set[str]] = defaultdict(set)
    wanted: dict[str, set[int]] = defaultdict(set)  # per type, the ids whose keys are read
    for hit in hits:
        wanted[hit.type].add(hit.pk)
        if themes_of := source_for(hit.type).themes_of:
            other_type, column = themes_of
            wanted[other_type].add(hit.row[column])
    if hits:
        text = CharField()
        rows = union(
            [
                *(
                    owned_by(source.model.themes.through.objects, source.theme_owner, wanted[source.type])
                    .filter(theme__status=PublicationStatus.PUBLISHED)
                    .annotate(facet=Value("theme", output_field=text), kind=Value(source.type, output_field=text))
                    .values_list("facet", "kind", source.theme_owner, "theme__slug")
                    .order_by()
                    for source in sources()
                    if source.theme_owner and wanted[source.type]
                ),
                *(
                    owned_by(link_model.objects.published(), owner, wanted[source.type])
                    .annotate(facet=Value("goal", output_field=text), kind=Value(source.type, output_field=text))
                    .values_list("facet", "kind", owner, "target__goal__code")
                    .order_by()
                    for source in sources()
                    if source.goal_links and wanted[source.type]
                    for link_model, owner in [source.goal_links]
                ),
                *(  # the same entries' links to a goal as a whole (where the app has them)
                    owned_by(goal_model.objects.published(), owner, wanted[source.type])
                    .annotate(facet=Value("goal", output_field=text), kind=Value(source.type, output_field=text))
                    .values_list("facet", "kind", owner, "goal__code")
                    .order_by()
                    for source in sources()
                    if source.goal_links and wanted[source.type]
                    for link_model, owner in [source.goal_links]
                    if (goal_model := goal_link_models().get(link_model.link_fields[0])) is not None
                ),
            ]
        )
        for facet, kind, owner, value in rows if rows is not None else ():
            (themes if facet == "theme" else goals)[(kind, owner)].add(value)
    for hit in hits:
        source = source_for(hit.type)
        key = (hit.type, hit.pk)
        hit_themes = themes.get(key, set())
        if source.themes_of:
            other_type, column = source.themes_of
            hit_themes = themes.get((other_type, hit.row[column]), set())
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


def top_values(values: list[FacetValue], name: str) -> tuple[list[FacetValue], int]:
    """The FACET_LIMIT values with the most results (and the chosen one), and how many are left out.
    The type facet is bounded by the registered sources and is listed whole."""
    if name == "type" or len(values) <= FACET_LIMIT:
        return values, 0
    ranked = sorted(values, key=lambda facet: (not facet.selected, -facet.count))  # stable: ties keep their order
    kept = {id(facet) for facet in ranked[:FACET_LIMIT]}
    return [facet for facet in values if id(facet) in kept], len(values) - FACET_LIMIT


def facet_counts(
    hits: list[Hit], selected: dict[str, str], choices: FacetChoices
) -> tuple[dict[str, list[FacetValue]], dict[str, int]]:
    """Per facet, the results each value would give: counted with the other facets applied, so a
    value's count is exactly the number of results after choosing it. Each facet lists at most
    FACET_LIMIT values; the second dict says how many values each leaves out."""
    facets, others = {}, {}
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
        facets[name], others[name] = top_values(values, name)
    return facets, others
