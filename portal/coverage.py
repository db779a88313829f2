"""How complete the curated content is: counts, links without evidence, gaps, SDG targets with nothing linked.

The `content_report` command prints it and the admin's coverage page shows it. What to count
comes from `portal.content` (every curated model and every evidence-bearing link); the
questions only one app can ask ("instruments whose official text the portal does not hold")
are `Gap`s each app registers in its `coverage.py`, found by `PortalConfig.ready()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from portal.content import entity_models, goal_link_models, link_models, target_link_models
from portal.models import Goal, LinkBasis, PublicationStatus, Target


@dataclass(frozen=True)
class Gap:
    """Entries that lack something, e.g. instruments without SDG target links.

    `entries()` returns the queryset of those entries. The report prints the `label` and how
    many there are, then each entry `describe`d (if given), or with `group_by` the count per
    value of that field instead. With `dashboard`, the admin's coverage page lists the entries
    under "Entities without links"; with `report=False` the report leaves the gap out.
    """

    name: str  # how `Coverage` holds the answer: coverage.gaps[name], or coverage.<name>
    label: str
    entries: Callable[[], models.QuerySet]
    order: int
    describe: Callable[[models.Model], str] | None = None
    group_by: str = ""
    dashboard: bool = False
    report: bool = True


_gaps: dict[str, Gap] = {}


def register_gap(gap: Gap) -> Gap:
    if gap.dashboard and gap.group_by:
        raise ImproperlyConfigured(f"The gap “{gap.name}” counts by group: the dashboard cannot list it.")
    if _gaps.get(gap.name, gap) != gap:
        raise ImproperlyConfigured(f"Two gaps named “{gap.name}”.")
    _gaps[gap.name] = gap
    return gap


def unregister_gap(name: str) -> None:
    _gaps.pop(name, None)


def gaps() -> list[Gap]:
    return sorted(_gaps.values(), key=lambda gap: (gap.order, gap.name))


def without_links(model: type[models.Model], *link_models: type[models.Model]) -> models.QuerySet:
    """The entries of `model` that no row of any of `link_models` (links, or parts such as provisions) points at."""
    queryset = model._default_manager.all()
    for link_model in link_models:
        end = next(f.name for f in link_model._meta.fields if f.many_to_one and f.related_model is model)
        queryset = queryset.exclude(Exists(link_model._default_manager.filter(**{end: OuterRef("pk")})))
    return queryset


def label_joins(model) -> list[str]:
    """The foreign keys an entry's label may read, two levels deep (a provision link names its instrument)."""
    paths = []
    for outer in model._meta.fields:
        if outer.many_to_one:
            paths.append(outer.name)
            paths += [f"{outer.name}__{inner.name}" for inner in outer.related_model._meta.fields if inner.many_to_one]
    return paths


def find_gap(gap: Gap) -> list[models.Model] | dict[str, int]:
    """The entries with the gap (one query; their labels need no more), or with `group_by` the count per group."""
    queryset = gap.entries()
    if gap.group_by:
        return dict(queryset.values_list(gap.group_by).annotate(n=Count("pk")).order_by())
    return list(queryset.select_related(*label_joins(queryset.model)))


def without_evidence(model):
    return model.objects.filter(Q(source_symbol="") | Q(source_locator="") | Q(rationale=""))


def targets_with_links():
    """Targets annotated with whether anything published links to them."""
    published = PublicationStatus.PUBLISHED
    annotations = {
        f"has_{name}": Exists(model.objects.filter(target=OuterRef("pk"), status=published))
        for name, model in target_link_models().items()
    }
    return Target.objects.select_related("goal").annotate(**annotations)


def linked_filter() -> Q:
    condition = Q()
    for name in target_link_models():
        condition |= Q(**{f"has_{name}": True})
    return condition


def goals_linked_as_whole() -> list[Goal]:
    """The goals a published link points at as a whole (not through one of their targets): one query."""
    published = PublicationStatus.PUBLISHED
    condition = Q()
    for model in goal_link_models().values():
        condition |= Q(Exists(model.objects.filter(goal=OuterRef("pk"), status=published)))
    return list(Goal.objects.filter(condition)) if condition else []


@dataclass
class Coverage:
    counts: dict[str, int]
    link_counts: dict[str, dict[str, int]]
    links_without_evidence: dict[str, int]
    targets_without_links: list[Target]
    goals_without_links: list[Goal]
    linked_targets: int
    goals_linked_as_whole: list[Goal] = field(default_factory=list)
    gaps: dict[str, list[models.Model] | dict[str, int]] = field(default_factory=dict)

    def __getattr__(self, name):
        # A registered gap reads like a field: coverage.instruments_without_targets.
        try:
            return self.__dict__["gaps"][name]
        except KeyError:
            raise AttributeError(name) from None


def content_coverage() -> Coverage:
    counts = {model._meta.verbose_name_plural.capitalize(): model._default_manager.count() for model in entity_models()}
    link_counts = {
        str(model._meta.verbose_name): {
            "total": model.objects.count(),
            "stated": model.objects.filter(basis=LinkBasis.STATED).count(),
            "judgement": model.objects.filter(basis=LinkBasis.JUDGEMENT).count(),
        }
        for model in link_models()
    }
    linked = targets_with_links().filter(linked_filter())
    as_whole = goals_linked_as_whole()
    linked_goal_ids = set(linked.values_list("goal_id", flat=True)) | {goal.pk for goal in as_whole}
    return Coverage(
        counts=counts,
        link_counts=link_counts,
        links_without_evidence={str(m._meta.verbose_name): without_evidence(m).count() for m in link_models()},
        gaps={gap.name: find_gap(gap) for gap in gaps()},
        targets_without_links=list(targets_with_links().exclude(linked_filter())),
        goals_without_links=list(Goal.objects.exclude(pk__in=linked_goal_ids)),
        linked_targets=linked.count(),
        goals_linked_as_whole=as_whole,
    )


# How a target's cell is shaded on the dashboard: the lowest count of published links of each level.
LINK_LEVELS = (0, 1, 2, 4, 8)


@dataclass(frozen=True)
class TargetCell:
    target: Target
    links: int

    @property
    def level(self) -> int:
        return max(index for index, lowest in enumerate(LINK_LEVELS) if self.links >= lowest)


def target_grid() -> list[tuple[Goal, list[TargetCell]]]:
    """Each goal with its targets and how many published links point at each (one query)."""
    counts = [
        Coalesce(
            Subquery(
                model.objects.filter(target=OuterRef("pk"), status=PublicationStatus.PUBLISHED)
                .order_by()
                .values("target")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )
        for model in target_link_models().values()
    ]
    total = sum(counts[1:], counts[0]) if counts else Value(0)
    grid: dict[int, tuple[Goal, list[TargetCell]]] = {}
    for target in Target.objects.select_related("goal").annotate(links=total).order_by("goal__number", "position"):
        grid.setdefault(target.goal_id, (target.goal, []))[1].append(TargetCell(target=target, links=target.links))
    return list(grid.values())
