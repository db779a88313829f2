"""What the shared public pages show of each app, registered by the app that owns the content.

The home page, the SDG goal and target pages and the theme pages name no content app: each app's
`pages.py` registers how its content appears there, and `PortalConfig.ready()` imports every
`pages.py` (`autodiscover_modules("pages")`), as Django's admin finds each `admin.py`.

- `LinkSection`: one kind of link to an SDG target (a key of `portal.content.target_link_models()`),
  shown as a section of the target page, a count on the goal pages and a list in the target's API detail;
  the same kind of entry's links to a goal as a whole (`portal.content.goal_link_models()`, if the app
  has them) show in the goal page's section "Linked to Goal N as a whole" with the same row template.
- `HomeCount`, `HomeBlock`, `RecentEntries`: a line of the home page's counts, a block of the home
  page (a partial template and its context), the entries that may appear under "Recently updated".
- `ThemeSection`: the entries about a theme, a section of its page and (if tagged) a count on the list.

Everything comes back in the order of its `order` attribute, which is the order users see; the core
leaves 100-199 to standards, 200-299 to programmes, 300-399 to recommendations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Count, Exists, OuterRef, Window
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.content import goal_link_models, target_link_models
from portal.models import Goal, PublicationStatus, Target, Theme

# How many entries each section of a shared page (and of the target's API detail) shows; the
# total and a link to the full filtered list follow, so no page grows with the database.
SECTION_LIMIT = 20


def first_and_total(queryset: models.QuerySet, *, limit: int | None = None) -> tuple[list, int]:
    """The first `limit` (SECTION_LIMIT) rows of `queryset` and how many there are in all: one query (the
    total is a window count over the same rows), so a section costs the same whatever the amount of content."""
    limit = SECTION_LIMIT if limit is None else limit
    first = list(queryset.annotate(in_all=Window(Count("pk")))[:limit])
    return first, (first[0].in_all if first else 0)


@dataclass
class BriefingSection:
    """A bounded section of a briefing page (an instrument's, a programme's): its first entries, how
    many there are in all (counted in the page's summary, which links to `anchor`) and the full list."""

    anchor: str
    heading: str
    nouns: tuple[str, str]  # singular, plural
    items: list
    total: int
    more_url: str = ""  # the full list, when there is a page or an API list for it

    @property
    def more(self) -> bool:
        return self.total > len(self.items)

    @property
    def noun(self) -> str:
        return self.nouns[0] if self.total == 1 else self.nouns[1]


def briefing_section(
    queryset: models.QuerySet, *, anchor: str, heading: str, nouns: tuple[str, str], more_url: str = ""
) -> BriefingSection:
    """The first SECTION_LIMIT entries of `queryset` as a section of a briefing page, in one query."""
    items, total = first_and_total(queryset)
    return BriefingSection(anchor, heading, nouns, items, total, more_url)


@dataclass(frozen=True)
class LinkPart:
    """A part of a `LinkSection` on the target page (a briefing): the links whose entry is of one kind,
    e.g. the instruments that are UN standards and norms, apart from treaties and regional texts."""

    anchor: str  # the section's id, e.g. "standards-and-norms"
    heading: str
    nouns: tuple[str, str]  # singular, plural: counted in the summary, "3 treaties"
    filters: Mapping[str, object]  # on the link model, e.g. {"instrument__category__in": ["treaty"]}
    empty: str
    list_query: Mapping[str, str] | None = None  # narrows the full list the same way, when its filters can


@dataclass(frozen=True)
class LinkSection:
    """How the links from one kind of entry to an SDG target are shown."""

    name: str  # the entry at the other end of the link: a key of target_link_models(), e.g. "provision"
    order: int
    heading: str  # the target page's section heading
    anchor: str  # its id, e.g. "provisions"
    column: str  # the goal list's column heading, e.g. "Rules"
    nouns: tuple[str, str]  # singular, plural: counted in "Linked: 1 rule", "Linked: 3 rules"
    empty: str  # the sentence shown when nothing is linked
    row_template: str  # renders one `link` as an <li>, e.g. "standards/includes/target_provision_link.html"
    select_related: tuple[str, ...]
    order_by: tuple[str, ...]
    published: tuple[
        str, ...
    ]  # related entries that must be published too, e.g. ("provision", "provision__instrument")
    api_field: str  # the list in the target's API detail, e.g. "provisions"
    api_serializer: type  # serializes one link row (the entry, then its evidence)
    api_list: str = ""  # the API list of the entries, filtered by ?target= (e.g. "api:provision-list")
    page_list: str = ""  # the public list page, filtered by ?target= (e.g. "standards:instrument-list")
    parts: tuple[LinkPart, ...] = ()  # on the target page, the section is split into these (the API is not)

    @property
    def model(self) -> type[models.Model]:
        return target_link_models()[self.name]

    @property
    def goal_model(self) -> type[models.Model] | None:
        """The links from the same kind of entry to a goal as a whole, if the app has them."""
        return goal_link_models().get(self.name)

    @property
    def published_ends(self) -> dict[str, str]:
        return {f"{relation}__status": PublicationStatus.PUBLISHED for relation in self.published}

    def links(
        self, target: Target, *, limit: int | None = None, part: LinkPart | None = None, total: int | None = None
    ) -> tuple[list, int]:
        """The first `limit` published links to `target` whose entries are published (of `part`'s kind,
        if given), and how many there are in all: one query (the total is a window count over the same
        rows, unless it is given: `portal.tallies`). A link joins one entry to one target, so the total
        counts distinct entries. Each link says whether its entry is also linked to the target's goal as a
        whole (`also_goal`), in the same query."""
        links = (
            self.model.objects.published()
            .filter(target=target, **self.published_ends, **(part.filters if part else {}))
            .select_related(*self.select_related)
            .order_by(*self.order_by)
        )
        if self.goal_model is not None:
            as_whole = self.goal_model.objects.published().filter(
                **{self.name: OuterRef(self.name)}, goal_id=target.goal_id
            )
            links = links.annotate(also_goal=Exists(as_whole))
        if total is not None:
            return (list(links[: SECTION_LIMIT if limit is None else limit]) if total else []), total
        return first_and_total(links, limit=limit)

    def goal_links(self, goal: Goal, *, limit: int | None = None) -> tuple[list, int]:
        """The first `limit` published links to `goal` as a whole (entries published) and how many there
        are in all, in one query; nothing when the app has no goal links."""
        if self.goal_model is None:
            return [], 0
        return first_and_total(
            self.goal_model.objects.published()
            .filter(goal=goal, **self.published_ends)
            .select_related(*self.select_related)
            .order_by(*self.order_by),
            limit=limit,
        )

    def count_entries(self, **where) -> int:
        """How many published entries have a published link matching `where` (e.g. target__goal=goal):
        an instrument linked to three of a goal's targets counts once, as in the list filtered by ?goal=."""
        links = self.model.objects.published().filter(**where, **self.published_ends)
        return links.order_by().values(self.name).distinct().count()

    def count_goal_entries(self, goal: Goal) -> int:
        """How many published entries are linked to `goal` as a whole or to one or more of its targets,
        each counted once (as the list filtered by ?goal= shows them): one query, a UNION of both links."""
        through_targets = (
            self.model.objects.published().filter(target__goal=goal, **self.published_ends).order_by().values(self.name)
        )
        if self.goal_model is None:
            return through_targets.distinct().count()
        as_whole = self.goal_model.objects.published().filter(goal=goal, **self.published_ends).order_by()
        return through_targets.union(as_whole.values(self.name)).count()

    def whole_goal_list_url(self, goal, *, api: bool = False) -> str:
        """The full list of the entries linked to `goal` as a whole (?whole_goal=)."""
        return self.filtered_list_url({"whole_goal": goal.code}, api=api) if self.goal_model is not None else ""

    def goal_list_url(self, goal) -> str:
        """The public list filtered to `goal`, if there is one."""
        return f"{reverse(self.page_list)}?{urlencode({'goal': goal.code})}" if self.page_list else ""

    def list_url(self, target: Target, *, api: bool = False, part: LinkPart | None = None) -> str:
        """The full list, filtered to `target` (the API's when there is no page for it)."""
        return self.filtered_list_url({"target": target.code, **((part.list_query or {}) if part else {})}, api=api)

    def filtered_list_url(self, query: dict, *, api: bool = False) -> str:
        name = self.api_list if api or not self.page_list else self.page_list
        return f"{reverse(name)}?{urlencode(query)}" if name else ""


@dataclass(frozen=True)
class HomeCount:
    order: int
    label: str  # "programmes and initiatives"
    queryset: Callable[[], models.QuerySet]  # what is counted
    url_name: str = ""  # the label links to this page, if any


@dataclass(frozen=True)
class HomeBlock:
    order: int
    template: str  # a partial rendered with `block` (the result of `context()`)
    context: Callable[[], dict]


@dataclass(frozen=True)
class RecentEntries:
    order: int  # breaks ties between entries updated at the same moment
    queryset: Callable[[], models.QuerySet]  # published entries with a page and `updated_at`


@dataclass(frozen=True)
class ThemeSection:
    order: int
    heading: str
    entries: Callable[[Theme], models.QuerySet]  # the published entries about a theme
    row_template: str  # renders one `entry` as an <li>
    empty: str = _("None tagged yet.")
    tagged: type[models.Model] | None = None  # counted on the theme list: a model with a `themes` m2m
    count_nouns: tuple[str, str] = ("", "")  # singular, plural: "tool and publication", "tools and publications"
    page_list: str = ""  # the public list of these entries, filtered by ?theme= (e.g. "standards:instrument-list")

    def first(self, theme: Theme, *, limit: int | None = None) -> tuple[list, int]:
        """The first `limit` entries about `theme` and how many there are in all, in one query."""
        return first_and_total(self.entries(theme), limit=limit)

    def list_url(self, theme: Theme) -> str:
        return f"{reverse(self.page_list)}?{urlencode({'theme': theme.slug})}" if self.page_list else ""


_registries: dict[type, dict[object, object]] = {
    LinkSection: {},
    HomeCount: {},
    HomeBlock: {},
    RecentEntries: {},
    ThemeSection: {},
}


def register(item):
    """Register a piece of a shared page; its `order` must be free among the items of its kind."""
    registry = _registries[type(item)]
    if item.order in registry:
        raise ImproperlyConfigured(
            f"{type(item).__name__} order {item.order} is already taken by {registry[item.order]}."
        )
    if isinstance(item, LinkSection) and any(other.name == item.name for other in registry.values()):
        raise ImproperlyConfigured(f'The links from "{item.name}" already have a section.')
    registry[item.order] = item
    return item


def unregister(item) -> None:
    del _registries[type(item)][item.order]


def registered(kind: type) -> list:
    return [item for _, item in sorted(_registries[kind].items())]


def link_sections() -> list[LinkSection]:
    """One section per kind of link to a target; a link model without a section is a mistake, not a silence."""
    sections = registered(LinkSection)
    missing = set(target_link_models()) - {section.name for section in sections}
    if missing:
        raise ImproperlyConfigured(f"No LinkSection is registered for the links from: {', '.join(sorted(missing))}.")
    return sections


@dataclass
class LinkGroup:
    section: LinkSection
    links: list  # the first SECTION_LIMIT
    total: int  # all of them
    more_url: str  # the full list, filtered to the target
    part: LinkPart | None = None  # on the target page, the kind of entry this group holds

    @property
    def more(self) -> bool:
        return self.total > len(self.links)

    @property
    def anchor(self) -> str:
        return self.part.anchor if self.part else self.section.anchor

    @property
    def heading(self) -> str:
        return self.part.heading if self.part else self.section.heading

    @property
    def empty(self) -> str:
        return self.part.empty if self.part else self.section.empty

    @property
    def noun(self) -> str:
        """What the total counts, in the singular or plural it needs: "1 treaty", "12 rules"."""
        singular, plural = self.part.nouns if self.part else self.section.nouns
        return singular if self.total == 1 else plural


class TargetLinks(list):
    """What is published that links to one SDG target: one `LinkGroup` per section, in order."""

    @property
    def total(self) -> int:
        return sum(group.total for group in self)

    @property
    def by_name(self) -> dict[str, list]:
        """The links of each section (a section split into parts on the page: its parts' links in turn)."""
        links: dict[str, list] = {}
        for group in self:
            links.setdefault(group.section.name, []).extend(group.links)
        return links

    @property
    def counts(self) -> dict[str, int]:
        return {group.section.api_field: group.total for group in self}


def links_for_target(target: Target, *, api: bool = False, totals: dict[str, int] | None = None) -> TargetLinks:
    """One query per section (per part of a section on the page), whatever the amount of content;
    each bounded to SECTION_LIMIT. The API keeps one list per section; the page splits them by kind.
    `totals` (from `portal.tallies`, keyed `<section>` and `<section>:<part>`) spare the counting; a
    section with a total of 0 then costs no query."""
    groups = []
    for section in link_sections():
        for part in section.parts if not api and section.parts else (None,):
            key = f"{section.name}:{part.anchor}" if part else section.name
            total = None if totals is None else totals.get(key, 0)
            first, total = section.links(target, part=part, total=total)
            groups.append(LinkGroup(section, first, total, section.list_url(target, api=api, part=part), part))
    return TargetLinks(groups)


def link_counts_for_goal(goal: Goal, entries: dict[str, int], *, api: bool = False) -> TargetLinks:
    """How many published entries of each section are linked to the goal as a whole or to its targets (not
    the links), each counted once, with the full list filtered by ?goal=: one count per section, whatever
    the amount of content."""
    return TargetLinks(
        LinkGroup(
            section,
            [],
            entries[section.name],
            section.filtered_list_url({"goal": goal.code}, api=api),
        )
        for section in link_sections()
    )


def counted_links(objects, *, by: str) -> list:
    """Each goal (`by="target__goal"`) or target (`by="target"`) with `link_counts` [(section, count)]
    and `linked_total`: one grouped query per link section, whatever the number of rows, so the
    cost does not grow with goals × targets (a correlated count per row took seconds on PostgreSQL).
    Counts are distinct published entries: an instrument linked to three targets of a goal counts once.
    Goals also count the entries linked to them as a whole and to none of their targets (one more grouped
    query per section that has goal links), so an entry linked both ways still counts once."""
    sections = link_sections()
    objects = list(objects)
    ids = [obj.pk for obj in objects]
    counts = {
        section.name: dict(
            section.model.objects.published()
            .filter(**{f"{by}__in": ids}, **section.published_ends)
            .order_by()
            .values_list(by)
            .annotate(n=Count(section.name, distinct=True))
        )
        for section in sections
    }
    if by == "target__goal":
        for section in goal_sections():
            through_targets = section.model.objects.published().filter(
                **{section.name: OuterRef(section.name)}, target__goal=OuterRef("goal"), **section.published_ends
            )
            only_as_whole = (
                section.goal_model.objects.published()
                .filter(goal__in=ids, **section.published_ends)
                .exclude(Exists(through_targets))
                .order_by()
                .values_list("goal")
                .annotate(n=Count(section.name, distinct=True))
            )
            for goal_id, n in only_as_whole:
                counts[section.name][goal_id] = counts[section.name].get(goal_id, 0) + n
    for obj in objects:
        obj.link_counts = [(section, counts[section.name].get(obj.pk, 0)) for section in sections]
        obj.linked_total = sum(count for _, count in obj.link_counts)
    return objects


def goal_sections() -> list[LinkSection]:
    """The sections whose entries can be linked to a goal as a whole."""
    return [section for section in link_sections() if section.goal_model is not None]


def links_for_goal(goal: Goal, *, api: bool = False) -> TargetLinks:
    """What is linked to `goal` as a whole (not through a target): per section, its first SECTION_LIMIT
    links with their evidence, the total and the full list (?whole_goal=); one query per section."""
    groups = []
    for section in goal_sections():
        first, total = section.goal_links(goal)
        groups.append(LinkGroup(section, first, total, section.whole_goal_list_url(goal, api=api)))
    return TargetLinks(groups)
